/**
 * The shape of a digest item's body: bold run-in heads become headings, bold
 * spans inside prose become key terms, and the language is guessed by script.
 */
import type { Heading, PhrasingContent, RootContent } from 'mdast';
import { toPlainText } from '../../util/mdast.ts';
import { collapse, splitFirstLine, wholeLineStrong } from './title.ts';

/**
 * `**대규모 교차점:**` alone on its line is a sub-heading in all but name: it
 * becomes a depth-3 heading without the colon, and the lines around it
 * paragraphs. This holds on any line of a paragraph, since copies often lose the
 * blank line above such a head. A whole-line bold WITHOUT a colon stays a bold
 * line (it may be a sentence) but, being a head, is not a key term either.
 */
export function shapeBody(nodes: readonly RootContent[]): { body: RootContent[]; keyTerms: string[] } {
  const body: RootContent[] = [];
  const heads = new WeakSet<object>();
  for (const node of nodes) {
    if (node.type !== 'paragraph') {
      body.push(node);
      continue;
    }
    let lines: PhrasingContent[][] = [];
    const flush = () => {
      const children = joinLines(lines);
      if (children.length) body.push({ type: 'paragraph', children });
      lines = [];
    };
    let rest: PhrasingContent[] = node.children;
    while (rest.length) {
      const { first, rest: next, separator } = splitLine(rest);
      rest = next;
      const strong = wholeLineStrong(first);
      if (strong) heads.add(strong);
      if (strong && /[:：]$/.test(collapse(toPlainText(strong)))) {
        flush();
        body.push({ type: 'heading', depth: 3, children: withoutTrailingColon(innerOf(strong)) } satisfies Heading);
      } else lines.push(separator && rest.length ? [...first, separator] : first);
    }
    flush();
  }
  return { body, keyTerms: keyTerms(body, heads) };
}

/** Like `splitFirstLine`, but also hands back what separated the lines (a soft `\n` or a hard break). */
function splitLine(children: PhrasingContent[]): { first: PhrasingContent[]; rest: PhrasingContent[]; separator?: PhrasingContent } {
  const i = children.findIndex((n) => n.type === 'break' || (n.type === 'text' && n.value.includes('\n')));
  const { first, rest } = splitFirstLine(children);
  if (i < 0) return { first, rest };
  return { first, rest, separator: children[i]!.type === 'break' ? { type: 'break' } : { type: 'text', value: '\n' } };
}

/** Lines (each ending in its separator but the last) back into one run of phrasing. */
function joinLines(lines: PhrasingContent[][]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const n of lines.flat()) {
    const prev = out[out.length - 1];
    if (n.type === 'text' && prev?.type === 'text') out[out.length - 1] = { type: 'text', value: prev.value + n.value };
    else out.push(n);
  }
  const last = out[out.length - 1];
  if (last?.type === 'break') out.pop();
  else if (last?.type === 'text' && last.value.endsWith('\n')) out[out.length - 1] = { type: 'text', value: last.value.replace(/\n+$/, '') };
  return out.filter((n) => n.type !== 'text' || n.value !== '');
}

/** The phrasing inside `**x**` (or `[**x**](u)`: then the link is kept around the text). */
function innerOf(strong: PhrasingContent): PhrasingContent[] {
  if (strong.type === 'strong') return strong.children;
  if (strong.type === 'link' && strong.children[0]?.type === 'strong') return [{ ...strong, children: strong.children[0].children }];
  return [strong];
}

function withoutTrailingColon(children: PhrasingContent[]): PhrasingContent[] {
  const out = children.map((c) => ({ ...c }));
  const last = out[out.length - 1];
  if (last?.type === 'text') last.value = last.value.replace(/\s*[:：]\s*$/, '');
  else if (last && 'children' in last) (last as { children: PhrasingContent[] }).children = withoutTrailingColon(last.children as PhrasingContent[]);
  return out.filter((c) => c.type !== 'text' || c.value !== '');
}

/** Bold spans of the prose (not headings, run-in heads or `label:`s), de-duplicated ignoring case and spacing, in order. */
function keyTerms(body: readonly RootContent[], heads: WeakSet<object>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  const walk = (n: { type: string; children?: unknown[] }) => {
    if (n.type === 'heading') return;
    if (n.type === 'strong' && !heads.has(n)) {
      const term = collapse(toPlainText(n as never));
      const key = term.normalize('NFC').toLowerCase();
      // `**Key results:** …` is a label run into its text, not a term.
      if (term && !/[:：]$/.test(term) && !seen.has(key)) {
        seen.add(key);
        out.push(term);
      }
      return;
    }
    if (Array.isArray(n.children)) (n.children as (typeof n)[]).forEach(walk);
  };
  body.forEach((n) => walk(n as never));
  return out;
}

/** `ko` when Hangul is at least a tenth of the letters (Korean text quotes English names freely), else by majority script. */
export function guessLang(text: string): string {
  let hangul = 0, latin = 0, kana = 0, han = 0, cyrillic = 0;
  for (const ch of text) {
    if (/\p{Script=Hangul}/u.test(ch)) hangul++;
    else if (/[A-Za-z\u00c0-\u024f]/.test(ch)) latin++;
    else if (/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(ch)) kana++;
    else if (/\p{Script=Han}/u.test(ch)) han++;
    else if (/\p{Script=Cyrillic}/u.test(ch)) cyrillic++;
  }
  const letters = hangul + latin + kana + han + cyrillic;
  if (letters === 0) return 'und';
  if (hangul >= letters * 0.1) return 'ko';
  if (kana >= letters * 0.1) return 'ja';
  const top = Math.max(latin, han, cyrillic);
  return top === han ? 'zh' : top === cyrillic ? 'ru' : 'en';
}
