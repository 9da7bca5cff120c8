/**
 * Sentence cutting for topic passages: the sentence holding a mention, or a
 * window around it when the "sentence" is a long run without end punctuation
 * (Telegram posts often have none).
 */

/** Sentence ends: `.`/`!`/`?` (and full-width/ideographic forms) followed by whitespace, or a line break. */
const END = /[.!?。！？…](?=\s)|\n/g;

/** [start, end) spans of the sentences of `text`, trimmed, empty ones left out. */
export function sentenceSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  let from = 0;
  const push = (s: number, e: number) => {
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) spans.push([s, e]);
  };
  for (const m of text.matchAll(END)) {
    const cut = m.index! + (m[0] === '\n' ? 0 : m[0].length);
    push(from, cut);
    from = m.index! + m[0].length;
  }
  push(from, text.length);
  return spans;
}

/** The plain sentences of `text` (for previews, search snippets). */
export function plainSentences(text: string): string[] {
  return sentenceSpans(text).map(([s, e]) => text.slice(s, e));
}

/**
 * The sentence of `text` containing [start, end), cut to about `max` characters
 * around the mention (on spaces, marked with `…`) when longer.
 */
export function passageAround(text: string, start: number, end: number, max = 200): { text: string; span: [number, number] } {
  const span = sentenceSpans(text).find(([s, e]) => s <= start && start < e) ?? [start, end];
  const [s, e] = span;
  if (e - s <= max * 1.2) return { text: text.slice(s, e), span };
  const room = Math.max(0, max - (end - start));
  let ws = Math.max(s, start - Math.floor(room / 2));
  let we = Math.min(e, ws + max);
  ws = Math.max(s, Math.min(ws, we - max));
  // Snap to spaces so no word is cut in half.
  if (ws > s) {
    const sp = text.indexOf(' ', ws);
    if (sp >= 0 && sp < start) ws = sp + 1;
  }
  if (we < e) {
    const sp = text.lastIndexOf(' ', we);
    if (sp >= end) we = sp;
  }
  const body = text.slice(ws, we).trim();
  return { text: `${ws > s ? '…' : ''}${body}${we < e ? '…' : ''}`, span };
}
