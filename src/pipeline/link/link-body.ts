/**
 * Topic linking over a source body (mdast): finds every topic mention, links
 * the first linkable one per topic, and records per-topic mentions (count,
 * passages, whether a heading names the topic) for topic pages and backlinks.
 *
 * Matching runs over the plain text of one block (paragraph, heading, table
 * cell) at a time, so a name split by markup (`**DeepSeek**는`) still matches
 * with its particle; a link is made only when the alias lies inside one text node.
 * - Never matched: code, inlineCode, math, inlineMath, html, and URLs.
 * - Counted but never linked: link text (the source already links there) and
 *   headings (links in headings make poor anchors).
 * - Title lines: many sources (Telegram text copies above all) carry their
 *   section titles as plain lines (`3.1. Multi-head Latent Attention(MLA)`), not
 *   headings. A short line that reads like a title (see `titleLength`) sets the
 *   section and `headingMatch` like a heading does, but stays linkable: it
 *   renders as a paragraph.
 */
import type { Link, PhrasingContent, Root, Text } from 'mdast';
import type { Matcher } from './matcher.ts';
import { passageAround } from './passages.ts';

export interface Passage {
  /** Plain text: the sentence holding the mention, or ~200 characters around it. */
  text: string;
  /** The nearest preceding heading (or bold run-in label such as `**주요 결과:**`). */
  section?: string;
}

export interface Mention {
  /** `<kind>/<slug>`. */
  ref: string;
  /** Mentions in the body, headings and link text included. */
  count: number;
  /** Up to `maxPassages` passages, in document order, from distinct sentences. */
  passages: Passage[];
  /** A heading (or the record title, when given) names the topic: a key-passage signal. */
  headingMatch: boolean;
}

export interface LinkBodyOptions {
  /** The URL of a topic page. */
  urlFor(ref: string): string;
  /** The record title: a match sets `headingMatch` (not counted, never linked). */
  title?: string;
  /** Default 3. */
  maxPassages?: number;
}

/** A run of a block's plain text, and where it came from. */
interface Segment {
  from: number;
  to: number;
  /** The text node, when the run can take a link. */
  node?: Text;
  /** Matches overlapping this run are dropped (code, math). */
  opaque: boolean;
  /** Link text: a line holding some is a link, not a title. */
  inLink?: boolean;
}

interface Acc {
  ref: string;
  count: number;
  passages: Passage[];
  seen: Set<string>;
  headingMatch: boolean;
  linked: boolean;
  fallback?: Passage;
}

type AnyNode = { type: string; value?: string; children?: AnyNode[] };

const OPAQUE_INLINE = new Set(['inlineCode', 'inlineMath']);
const SKIP_BLOCK = new Set(['code', 'math', 'html', 'yaml', 'toml', 'definition']);

export function linkBody(body: Root, matcher: Matcher, opts: LinkBodyOptions): { body: Root; mentions: Mention[] } {
  const maxPassages = opts.maxPassages ?? 3;
  const tree = structuredClone(body);
  const accs = new Map<string, Acc>();
  const splits = new Map<Text, PhrasingContent[]>();
  /** Where each new link sits inside the text node it splits. */
  const linkAt = new Map<Link, [number, number]>();
  let section: string | undefined;

  const acc = (ref: string): Acc => {
    let a = accs.get(ref);
    if (!a) accs.set(ref, (a = { ref, count: 0, passages: [], seen: new Set(), headingMatch: false, linked: false }));
    return a;
  };

  if (opts.title) for (const m of matcher.find(opts.title)) acc(m.ref).headingMatch = true;

  const block = (node: AnyNode, isHeading: boolean, titleCandidate = false) => {
    const segs: Segment[] = [];
    let text = '';
    const collect = (n: AnyNode, inLink: boolean) => {
      if (n.type === 'text') {
        segs.push({ from: text.length, to: text.length + n.value!.length, node: inLink ? undefined : (n as Text), opaque: false, inLink });
        text += n.value!;
      } else if (n.type === 'break') {
        // A line break joins words like a space: a name across it counts but cannot be linked.
        segs.push({ from: text.length, to: text.length + 1, opaque: false });
        text += '\n';
      } else if (OPAQUE_INLINE.has(n.type)) {
        const v = n.value ?? '';
        segs.push({ from: text.length, to: text.length + v.length, opaque: true });
        text += v;
      } else if (n.children && n.type !== 'html') {
        const link = inLink || n.type === 'link' || n.type === 'linkReference';
        for (const c of n.children) collect(c, link);
      }
    };
    for (const c of node.children ?? []) collect(c, false);
    if (!text.trim()) return;

    const titleEnd = titleCandidate ? titleLength(text, segs) : 0;
    if (isHeading) section = text.replace(/\s+/g, ' ').trim();
    else if (titleEnd) section = text.slice(0, titleEnd).replace(/\s+/g, ' ').trim().replace(/\s*[:：]$/, '');
    else {
      const label = runInLabel(node);
      if (label) section = label;
    }

    for (const m of matcher.find(text)) {
      const over = segs.filter((s) => s.from < m.end && m.start < s.to);
      if (over.some((s) => s.opaque)) continue;
      const a = acc(m.ref);
      a.count++;
      if (isHeading) {
        a.headingMatch = true;
        a.fallback ??= { text: text.replace(/\s+/g, ' ').trim() };
        continue;
      }
      const only = over.length === 1 ? over[0]! : undefined;
      if (!a.linked && only?.node) {
        a.linked = true;
        const link: Link = { type: 'link', url: opts.urlFor(m.ref), children: [{ type: 'text', value: m.surface }] };
        linkAt.set(link, [m.start - only.from, m.end - only.from]);
        splits.set(only.node, [...(splits.get(only.node) ?? []), link]);
      }
      if (m.start < titleEnd) {
        // The title itself is no passage: the text under it is.
        a.headingMatch = true;
        a.fallback ??= { text: section! };
        continue;
      }
      if (a.passages.length < maxPassages) {
        const p = passageAround(text, m.start, m.end);
        if (!a.seen.has(p.text)) {
          a.seen.add(p.text);
          a.passages.push(section ? { text: p.text, section } : { text: p.text });
        }
      }
    }
  };

  // Only top-level (or quoted) paragraphs followed by more content can be title lines:
  // a short line inside a list item or at the very end titles nothing.
  const walk = (node: AnyNode, titleCandidate: boolean) => {
    if (SKIP_BLOCK.has(node.type)) return;
    if (node.type === 'heading') return block(node, true);
    if (node.type === 'paragraph') return block(node, false, titleCandidate);
    if (node.type === 'tableCell') return block(node, false);
    const kids = node.children ?? [];
    const titled = node.type === 'root' || node.type === 'blockquote';
    kids.forEach((c, i) => walk(c, titled && i < kids.length - 1));
  };
  walk(tree as AnyNode, false);

  if (splits.size) applySplits(tree as AnyNode, splits, linkAt);

  const mentions = [...accs.values()]
    .filter((a) => a.count > 0 || a.headingMatch)
    .sort((x, y) => (x.ref < y.ref ? -1 : x.ref > y.ref ? 1 : 0))
    .map(({ ref, count, passages, headingMatch, fallback }) => ({
      ref,
      count,
      passages: passages.length || !fallback ? passages : [fallback],
      headingMatch,
    }));
  return { body: tree, mentions };
}

/** Replace each split text node by text–link–text pieces (the particle stays in the text after the link). */
function applySplits(node: AnyNode, splits: Map<Text, PhrasingContent[]>, linkAt: Map<Link, [number, number]>) {
  if (!node.children) return;
  node.children = node.children.flatMap((c) => {
    const links = splits.get(c as Text);
    if (!links) {
      applySplits(c, splits, linkAt);
      return [c];
    }
    const value = (c as Text).value;
    const ordered = [...links].sort((a, b) => linkAt.get(a as Link)![0] - linkAt.get(b as Link)![0]);
    const out: AnyNode[] = [];
    let last = 0;
    for (const l of ordered) {
      const [s, e] = linkAt.get(l as Link)!;
      if (s > last) out.push({ type: 'text', value: value.slice(last, s) });
      out.push(l as AnyNode);
      last = e;
    }
    if (last < value.length) out.push({ type: 'text', value: value.slice(last) });
    return out;
  });
}

/**
 * A bold run-in label that starts a paragraph (`**주요 결과:**`), or a paragraph that
 * is only bold text: newsletters and posts use these as sub-headings.
 */
function runInLabel(p: AnyNode): string | undefined {
  const kids = (p.children ?? []).filter((c) => !(c.type === 'text' && !c.value!.trim()));
  const first = kids[0];
  if (!first || first.type !== 'strong') return undefined;
  const label = plain(first).replace(/\s+/g, ' ').trim();
  if (/[:：]$/.test(label)) return label.replace(/\s*[:：]$/, '') || undefined;
  if (kids.length === 1 || kids[1]?.type === 'break') return label || undefined;
  return undefined;
}

/** Outline numbers: `3.`, `3.1.`, `3.1.1` (not `1)` or `(1)`, which number list items). */
const OUTLINE_NUMBER = /^\d{1,2}(?:\.\d{1,2})*\.?\s+(?=\S)/;
/**
 * Line ends that make a line a sentence, not a title: end punctuation, commas,
 * and the Korean sentence endings (`…다`, `…요`) and note-style endings (`…음`, `…함`, `…임`, `…됨`).
 */
const SENTENCE_END = /(?:[.,;!…。、]|[다요죠음함임됨])$/;
const MAX_TITLE = 60;

/**
 * Length of the title line that opens a paragraph's plain text, or 0. A title
 * line is short (≤ 60 characters), holds a letter, no URL and no link text, and
 * does not end like a sentence. It is either the whole paragraph (one line,
 * followed by more content: the caller checks that) or, when it carries an
 * outline number (`3.1.1. 왜 MLA인가?`), the first line of a longer paragraph.
 * A question mark ends a title only after an outline number: an unnumbered
 * question line is usually chat.
 */
function titleLength(text: string, segs: Segment[]): number {
  const nl = text.indexOf('\n');
  const end = nl < 0 ? text.length : nl;
  if (end > MAX_TITLE * 3) return 0; // surely too long, before any copying
  const line = text.slice(0, end).trim();
  const numbered = OUTLINE_NUMBER.test(line);
  if (nl >= 0 && !numbered) return 0;
  if ([...line].length > MAX_TITLE || !/\p{L}/u.test(line.replace(OUTLINE_NUMBER, ''))) return 0;
  if (SENTENCE_END.test(line) || (!numbered && /[?？]$/.test(line))) return 0;
  if (/:\/\/|^www\./i.test(line)) return 0;
  if (segs.some((s) => s.inLink && s.from < end)) return 0;
  return end;
}

function plain(n: AnyNode): string {
  if (typeof n.value === 'string') return n.value;
  return (n.children ?? []).map(plain).join('');
}
