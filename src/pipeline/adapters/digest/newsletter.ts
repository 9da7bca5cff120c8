/**
 * The newsletter's name when the issue has no frontmatter. Issues name
 * themselves in their own voice: "Thanks for reading X", "subscribe to X",
 * "X를 읽어주셔서 감사합니다", "welcome to X". Failing that, a multi-word
 * capitalised name repeated in two or more non-research blocks (sponsor and
 * subscribe blocks both mention the publication) is taken.
 */

/** A capitalised Latin name of one to five words (`LLM Watch`, `The Batch`, `Import AI`). */
const NAME = /(?:[A-Z0-9][\w&'’.+-]*)(?:[ \t]+(?:[A-Z0-9][\w&'’.+-]*|of|the|and|&))*/g;

/** Cues in front of the name (English) … */
const BEFORE_NAME = [
  /\bthanks?\s+(?:you\s+)?for\s+reading\s+/gi,
  /\bsubscribe\s+to\s+/gi,
  /\bwelcome\s+to\s+(?:(?:this\s+week's|today's|the\s+latest|this)\s+(?:issue|edition)\s+of\s+)?/gi,
  /\byou(?:'re|\s+are)\s+reading\s+/gi,
];
/** … and after it (Korean: the name comes first, then the particle). */
const AFTER_NAME = [/\s*(?:을|를)?\s*(?:읽어\s*주셔서|구독해\s*주셔서|구독하기|구독해\s*주세요)/g];

/** Words that start calls to action, not names. */
const NOT_NAME = new Set(['subscribe', 'share', 'thanks', 'thank', 'read', 'click', 'sign', 'join', 'get', 'follow', 'leave', 'upgrade', 'the', 'this', 'our', 'if', 'and', 'please']);

function cleanName(raw: string): string | undefined {
  const words = raw.replace(/[.’'!?,:;]+$/g, '').replace(/[’']s$/, '').trim().split(/\s+/);
  while (words.length && /^(?:of|the|and|&)$/i.test(words[words.length - 1]!)) words.pop();
  if (!words.length) return undefined;
  if (NOT_NAME.has(words[0]!.toLowerCase()) && !(words[0] === 'The' && words.length > 1)) return undefined;
  const name = words.slice(0, 5).join(' ');
  return /[A-Za-z]/.test(name) ? name : undefined;
}

function fromCues(text: string): string | undefined {
  for (const cue of BEFORE_NAME) {
    for (const m of text.matchAll(cue)) {
      const rest = text.slice(m.index! + m[0].length);
      const n = new RegExp(`^${NAME.source}`).exec(rest);
      const name = n && cleanName(n[0]);
      if (name) return name;
    }
  }
  for (const cue of AFTER_NAME) {
    for (const m of text.matchAll(cue)) {
      const before = text.slice(Math.max(0, m.index! - 80), m.index!);
      const n = new RegExp(`(?:${NAME.source})$`).exec(before);
      const name = n && cleanName(n[0]);
      if (name) return name;
    }
  }
  return undefined;
}

/**
 * `nonResearch`: plain text of the skipped blocks (sponsor, subscribe…), where a
 * newsletter speaks of itself. Returns undefined when no name is clear.
 */
export function inferNewsletterName(nonResearch: readonly string[]): string | undefined {
  for (const t of nonResearch) {
    const name = fromCues(t);
    if (name) return name;
  }
  const blocksOf = new Map<string, Set<number>>();
  nonResearch.forEach((t, i) => {
    for (const m of t.matchAll(NAME)) {
      const name = cleanName(m[0]);
      if (!name || !name.includes(' ')) continue;
      if (!blocksOf.has(name)) blocksOf.set(name, new Set());
      blocksOf.get(name)!.add(i);
    }
  });
  let best: string | undefined;
  for (const [name, blocks] of blocksOf) {
    if (blocks.size < 2) continue;
    // More blocks wins; ties go to the longer name, then the first seen (Map order is text order).
    const b = best === undefined ? undefined : blocksOf.get(best)!.size;
    if (b === undefined || blocks.size > b || (blocks.size === b && name.length > best!.length)) best = name;
  }
  return best;
}
