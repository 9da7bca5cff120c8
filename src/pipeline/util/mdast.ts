/**
 * Small builders over mdast shared by the adapters, so that every adapter
 * produces the same node shapes (see `SourceRecord.body`).
 */
import type { List, PhrasingContent, Paragraph, Root, RootContent, Text, InlineCode } from 'mdast';
import type { InlineMath } from 'mdast-util-math';
import { safeUrl } from './links.ts';

export const text = (value: string): Text => ({ type: 'text', value });
export const root = (children: RootContent[]): Root => ({ type: 'root', children });
export const paragraph = (children: PhrasingContent[]): Paragraph => ({ type: 'paragraph', children });
/** A tight bullet list of plain-text items (poll answers, to-do items). */
export const bulletList = (items: string[]): List => ({
  type: 'list',
  ordered: false,
  spread: false,
  children: items.map((t) => ({ type: 'listItem', spread: false, children: [paragraph([text(t)])] })),
});

/**
 * Split a run of plain text into text and inlineMath nodes.
 *
 * A `$…$` span is math only by Pandoc's rule (tex_math_dollars): the opening
 * `$` is followed by a non-space, the closing `$` is preceded by a non-space
 * and not followed by a digit. So `$100 and $200` stays text and `$E = mc^2$`
 * is math. `$$…$$` on one run is display-style inline math. A `\$` is a literal dollar.
 */
export function splitMath(value: string): (Text | InlineMath)[] {
  const out: (Text | InlineMath)[] = [];
  let buf = '';
  let i = 0;
  while (i < value.length) {
    const ch = value[i]!;
    if (ch === '\\' && value[i + 1] === '$') {
      buf += '$';
      i += 2;
      continue;
    }
    if (ch === '$') {
      const double = value[i + 1] === '$';
      const open = i + (double ? 2 : 1);
      const close = findClose(value, open, double);
      if (close > open) {
        if (buf) out.push(text(buf));
        buf = '';
        out.push({ type: 'inlineMath', value: value.slice(open, close), data: double ? { display: true } as never : undefined } as InlineMath);
        i = close + (double ? 2 : 1);
        continue;
      }
    }
    buf += ch;
    i++;
  }
  if (buf) out.push(text(buf));
  return out.map((n) => (n.type === 'inlineMath' && n.data === undefined ? { type: 'inlineMath', value: n.value } : n));
}

function findClose(s: string, open: number, double: boolean): number {
  if (open >= s.length || /\s/.test(s[open]!)) return -1;
  for (let j = open + 1; j < s.length; j++) {
    if (s[j] === '\\') {
      j++;
      continue;
    }
    if (s[j] !== '$') continue;
    if (double) {
      if (s[j + 1] === '$' && !/\s/.test(s[j - 1]!)) return j;
      continue;
    }
    if (s[j + 1] === '$') return -1; // `$a$$` is not a clean close
    if (/\s/.test(s[j - 1]!)) return -1; // Pandoc: a `$` after a space ends no math; the first candidate decides
    if (/[0-9]/.test(s[j + 1] ?? '')) return -1;
    return j;
  }
  return -1;
}

/** A bare URL; parentheses only in balanced pairs (`…/wiki/Foo_(bar)`), so `(see https://x.y)` ends before `)`. */
const URL_RE = /\bhttps?:\/\/(?:\([^\s()<>"']*\)|[^\s<>"'）()\]])+(?<![.,;:!?。，、])/g;

/**
 * Plain text → phrasing nodes: bare URLs become links, `$…$` math becomes inlineMath,
 * newlines become `break`s.
 */
export function inlineFromPlain(value: string, opts: { math?: boolean } = {}): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  const lines = value.split('\n');
  lines.forEach((line, li) => {
    if (li > 0) out.push({ type: 'break' });
    let last = 0;
    for (const m of line.matchAll(URL_RE)) {
      pushText(out, line.slice(last, m.index), opts);
      const url = safeUrl(m[0]);
      if (url) out.push({ type: 'link', url, children: [text(m[0])] });
      else pushText(out, m[0], opts);
      last = m.index! + m[0].length;
    }
    pushText(out, line.slice(last), opts);
  });
  return out;
}

function pushText(out: PhrasingContent[], value: string, opts: { math?: boolean }) {
  if (!value) return;
  if (opts.math === false) out.push(text(value));
  else out.push(...(splitMath(value) as PhrasingContent[]));
}

/** Plain text with blank-line paragraphs → paragraphs (single newlines are line breaks). */
export function blocksFromPlain(value: string, opts: { math?: boolean } = {}): RootContent[] {
  return value
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n+/)
    .map((p) => p.replace(/^\n+|\n+$/g, ''))
    .filter((p) => p.trim() !== '')
    .map((p) => paragraph(inlineFromPlain(p, opts)));
}

export const inlineCode = (value: string): InlineCode => ({ type: 'inlineCode', value });

/** The plain text of any mdast node (for titles, excerpts, matching). */
export function toPlainText(node: { type: string; value?: string; children?: unknown[] }): string {
  if (node.type === 'break') return '\n';
  if (typeof node.value === 'string' && node.type !== 'html') return node.value;
  if (!Array.isArray(node.children)) return '';
  const parts = (node.children as (typeof node)[]).map(toPlainText);
  const block = ['root', 'blockquote', 'list', 'listItem', 'table'].includes(node.type);
  return parts.join(block ? '\n' : node.type === 'tableRow' ? '\t' : '');
}
