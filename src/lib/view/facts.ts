/**
 * Key facts with numbers for a topic page ("671B total / 37B active parameters",
 * "14.8T tokens", "2.788M H800 GPU-hours"), pulled from the sources that mention
 * the topic. Generic, not per topic: a sentence (or hard-broken line) is a
 * candidate when it carries a number with a unit (B/T/M/K, 억/조/만, %, 배,
 * tokens/토큰, parameters/파라미터, GPU-hours, $/달러, …) and either names the
 * topic itself or sits in a paragraph that does. Candidates are scored, numbers
 * already shown are not repeated, and the best few are kept with their source.
 * Pure: the site passes source bodies (MDX/Markdown as the ingest wrote them).
 */

export interface FactSourceInput<S> {
  source: S;
  /** Source id, to cache the parse of a body shared by many topics. */
  id: string;
  /** The Markdown body; a function, so a body already parsed for another topic is not read again. */
  body: string | (() => string);
  /** The source has a heading about the topic (a key passage). */
  key: boolean;
  /** Matchers of other topics the source mentions that could be a sentence's subject (same kind, or models): a sentence naming one of them, not this topic, is about that one. */
  others?: RegExp[];
}

export interface FactSegment {
  text: string;
  /** A number with its unit, to be emphasised. */
  num?: boolean;
}

export interface Fact<S> {
  source: S;
  /** The heading of the section the sentence is in, when there is one. */
  section?: string;
  /** The sentence, split into plain text and number spans. */
  segments: FactSegment[];
  text: string;
  score: number;
}

interface Line {
  text: string;
  /** Topic paths (`/models/x/`) linked from this line. */
  links: string[];
}
interface Block {
  section?: string;
  lines: Line[];
}

const ONE = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
// A number or a range (`2~3만`, `85–90%`).
const NUM = String.raw`(?:${ONE})(?:\s?[~～\-–]\s?(?:${ONE}))?`;
// Units after a number. Order matters only for readability; the regex takes the longest at each place.
const UNIT_AFTER = [
  String.raw`(?:\s?(?:억|조|만|천)(?:\s?\d+(?:\.\d+)?\s?(?:억|만|천))*)(?:\s?(?:개의?|건의?|명의?|달러|원|토큰|파라미터|GPU\s?-?\s?시간?|시간))?`,
  String.raw`\s?[BTMK](?![A-Za-z0-9])(?:\s?(?:tokens?|params?|parameters?|토큰|파라미터|개))?`,
  String.raw`\s?(?:billion|million|trillion|thousand)(?:\s(?:tokens?|parameters?|params|GPU[- ]hours?))?`,
  String.raw`\s?%p?`,
  String.raw`\s?(?:배|x(?![A-Za-z0-9])|×(?!\s?\d))`,
  String.raw`\s?(?:tokens?|토큰|parameters?|params|파라미터|layers?|레이어|experts?|전문가|GPUs?|개의 GPU|장의 GPU|대의 GPU)(?![A-Za-z])`,
  String.raw`\s?(?:GPU[- ]?(?:hours?|시간|시)|H100\s?시간)`,
  String.raw`\s?(?:달러|원|dollars?|USD|위안)`,
  String.raw`\s?(?:TFLOPS|PFLOPS|EFLOPS|FLOPs?|GB|TB|PB|MB|GiB|TiB|MW|GW|kW|tok\/s|tokens?\/s|ms)(?![A-Za-z])`,
].join('|');
const NUMBER_WITH_UNIT = new RegExp(String.raw`(?:US)?\$\s?(?:${NUM})(?:\s?(?:[BMK](?![A-Za-z])|billion|million|trillion))?|(?<![\w.])(?:${NUM})(?:${UNIT_AFTER})`, 'giu');
const HAS_NUMBER = new RegExp(NUMBER_WITH_UNIT.source, 'iu');
/** Units that make a fact worth more: model size, data, compute, money. */
const STRONG_UNIT = /[BT](?![A-Za-z])|억|조|토큰|tokens?|파라미터|param|GPU|\$|달러|billion|trillion|FLOP/i;

const MAX_TEXT = 200;

/** Markdown as the emitter writes it → blocks of plain lines, with headings tracked. */
export function blocksOfBody(body: string): Block[] {
  const blocks: Block[] = [];
  let section: string | undefined;
  const text = body
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '')
    .replace(/^\$\$[\s\S]*?^\$\$$/gm, '')
    .replace(/^import\s.*$/gm, '');
  for (const para of text.split(/\n[ \t]*\n/)) {
    const lines: Line[] = [];
    for (const raw of para.split('\n')) {
      const heading = /^#{1,6}\s+(.*)$/.exec(raw);
      const line = plainLine(heading ? heading[1]! : raw, !heading);
      if (!line.text) continue;
      if (heading || isTitleLine(line.text, lines.length === 0)) {
        section = clipText(line.text, 60);
        if (heading) continue;
      }
      lines.push(line);
    }
    if (lines.length) blocks.push({ section, lines });
  }
  return blocks;
}

/** A numbered title line ("5.1. 데이터") or a short first line without sentence punctuation, as the telegram posts use. */
function isTitleLine(text: string, first: boolean): boolean {
  if (/^\d+(\.\d+)*\.?\s+\S/.test(text) && text.length <= 60 && !/[.!?。다]$/.test(text)) return true;
  return first && text.length <= 40 && !/[.!?。,:;다요]$/.test(text) && !HAS_NUMBER.test(text);
}

function plainLine(raw: string, block = true): Line {
  const links: string[] = [];
  let s = raw.replace(/\\$/, '');
  if (block) s = s.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '').replace(/^>\s?/, '');
  s = s.replace(/!\[[^\]]*\]\([^)]*\)/g, '');
  s = s.replace(/\[([^\]]*)\]\(([^)\s]*)[^)]*\)/g, (_, label: string, url: string) => {
    if (url.startsWith('/')) links.push(url);
    return label;
  });
  // Escaped punctuation is literal; unescaped * and _ runs are emphasis marks.
  const kept: string[] = [];
  s = s.replace(/\\([!-/:-@[-`{-~])/g, (_, c: string) => `\uE000${kept.push(c) - 1}\uE001`);
  s = s.replace(/\*\*|__|(?<![\w])[*_](?=\S)|(?<=\S)[*_](?![\w])/g, '').replace(/`/g, '');
  // Escaped `**` is bold the source meant but its format did not parse: drop it too.
  s = s.replace(/\uE000(\d+)\uE001/g, (_, i: string) => kept[Number(i)]!).replace(/\*\*/g, '');
  s = s.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|nbsp);/gi, (m, e: string) => {
    const l = e.toLowerCase();
    if (l === 'lt') return '<';
    if (l === 'gt') return '>';
    if (l === 'amp') return '&';
    if (l === 'quot') return '"';
    if (l === 'nbsp') return ' ';
    const code = l.startsWith('#x') ? parseInt(l.slice(2), 16) : parseInt(l.slice(1), 10);
    return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
  });
  return { text: s.replace(/\s+/g, ' ').trim(), links };
}

function sentencesOf(line: string): string[] {
  // Split after sentence punctuation followed by a space; keeps decimals (14.8T) and "5.1." numbering intact enough.
  return line.split(/(?<=[.!?。](?:["'”’)\]]*))\s+(?=\S)/).map((s) => s.trim()).filter(Boolean);
}

/** The regex alternation of a topic's names: flexible about spaces and hyphens, longest first. */
function nameAlternation(names: string[]): string | undefined {
  const alts = [...new Set(names.map((n) => n.trim()).filter((n) => n.length >= 2))]
    .sort((a, b) => b.length - a.length)
    .map((n) =>
      n
        .split(/[\s\-_]+/)
        .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('[\\s\\-_]?'),
    );
  return alts.length ? `(?<![\\p{L}\\p{N}])(?:${alts.join('|')})${NAME_END}` : undefined;
}
// Not followed by a letter/digit, nor by "-x"/".1": DeepSeek-V3 is not DeepSeek, V3.1 is not V3.
const NAME_END = '(?![A-Za-z0-9]|[-.][A-Za-z0-9])';

/** A case-insensitive matcher of a topic's names, not inside a longer name. */
export function nameMatcher(names: string[]): RegExp | undefined {
  const alt = nameAlternation(names);
  return alt ? new RegExp(alt, 'iu') : undefined;
}

/** The topic as the subject of a line: at its start, or followed by a subject/topic particle (`DeepSeek-V3는`). */
function subjectMatcher(names: string[]): RegExp | undefined {
  const alt = nameAlternation(names);
  return alt ? new RegExp(`^[(\\[“"‘']?${alt}|${alt}[)\\]”"’']?\\s?(?:은|는|이|가|의|에서는?|도|is|was|has|uses)(?![\\p{L}])`, 'iu') : undefined;
}

/** Text split into plain and number-with-unit segments. */
export function numberSegments(text: string): FactSegment[] {
  const out: FactSegment[] = [];
  let at = 0;
  NUMBER_WITH_UNIT.lastIndex = 0;
  for (const m of text.matchAll(NUMBER_WITH_UNIT)) {
    const value = m[0].trimEnd();
    if (isNoise(text, m.index!, value)) continue;
    if (m.index! > at) out.push({ text: text.slice(at, m.index) });
    out.push({ text: value, num: true });
    at = m.index! + value.length;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}

/** Years, dates, versions and list markers are numbers, not facts. */
function isNoise(text: string, index: number, value: string): boolean {
  if (/^(?:19|20)\d\d$/.test(value)) return true;
  const after = text.slice(index + value.length, index + value.length + 2);
  if (/^\d+\s?[월일년]/.test(value) || /^[월일년]/.test(after)) return true;
  return false;
}

const cache = new Map<string, Block[]>();

/** The best `limit` numeric facts about a topic. */
export function extractFacts<S>(
  topic: { path: string; names: string[] },
  sources: FactSourceInput<S>[],
  limit = 5,
): Fact<S>[] {
  const names = nameMatcher(topic.names);
  const candidates: Fact<S>[] = [];
  const subject = subjectMatcher(topic.names);
  const names_in = (l: Line) => l.links.includes(topic.path) || (names ? names.test(l.text) : false);
  // Numbers of a paragraph are the topic's only when the topic is what the paragraph is about:
  // its heading names it, or its first line naming it has it as the subject (`DeepSeek-V3는 …`).
  const aboutTopic = (b: Block) => {
    if (b.section !== undefined && names?.test(b.section)) return true;
    const first = b.lines.find(names_in);
    return first !== undefined && subject !== undefined && subject.test(first.text);
  };
  for (const [order, input] of sources.entries()) {
    let blocks = cache.get(input.id);
    if (!blocks) cache.set(input.id, (blocks = blocksOfBody(typeof input.body === 'function' ? input.body() : input.body)));
    for (const block of blocks) {
      const blockNames = aboutTopic(block);
      if (!blockNames && !block.lines.some(names_in)) continue;
      for (const line of block.lines) {
        const lineNames = names_in(line);
        for (const sentence of sentencesOf(line.text)) {
          const segments = numberSegments(sentence);
          const nums = segments.filter((s) => s.num);
          if (!nums.length) continue;
          const own = lineNames && (!names || names.test(sentence) || line.links.includes(topic.path));
          if (!own && !blockNames) continue;
          // A sentence naming a sibling topic but not this one is about the sibling.
          if (!own && input.others?.some((o) => o.test(sentence))) continue;
          const text = clipText(sentence.replace(/[,;:]$/, ''), MAX_TEXT);
          if (text.length < 8) continue;
          let score = Math.min(3, nums.length);
          score += nums.some((n) => STRONG_UNIT.test(n.text)) ? 1.5 : 0;
          score += own ? 2 : blockNames ? 0.5 : 0;
          score += input.key ? 0.5 : 0;
          score -= sentence.length > MAX_TEXT ? 1 : 0;
          score -= order * 0.001; // newer sources first among equals
          candidates.push({ source: input.source, section: block.section, segments: numberSegments(text), text, score });
        }
      }
    }
  }
  candidates.sort((a, b) => b.score - a.score);
  const chosen: Fact<S>[] = [];
  const shown = new Set<string>();
  for (const c of candidates) {
    if (chosen.length >= limit) break;
    const keys = c.segments.filter((s) => s.num).map((s) => numberKey(s.text));
    if (keys.every((k) => shown.has(k))) continue;
    keys.forEach((k) => shown.add(k));
    chosen.push(c);
  }
  return chosen;
}

/** The digits of a number span, so `14.8T` and `14.8조` count as the same fact. */
function numberKey(s: string): string {
  return (s.match(/\d+(?:[.,]\d+)*/g) ?? []).join('/').replace(/,/g, '');
}

function clipText(t: string, max: number): string {
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return (space > max * 0.7 ? cut.slice(0, space) : cut).trimEnd() + '…';
}
