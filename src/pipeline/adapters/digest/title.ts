/**
 * Item titles of a digest: the bold title line, the trailing list of link labels
 * whose URLs the copy lost (`( paper / code )`), and the item slug.
 */
import type { Link, PhrasingContent, RootContent } from 'mdast';
import { toPlainText } from '../../util/mdast.ts';
import { slugify, shortHash, slugOrHash } from '../../util/slug.ts';

/** Split phrasing content at its first line end (soft `\n` in text, or a hard break). */
export function splitFirstLine(children: readonly PhrasingContent[]): { first: PhrasingContent[]; rest: PhrasingContent[] } {
  for (let i = 0; i < children.length; i++) {
    const n = children[i]!;
    if (n.type === 'break') return { first: children.slice(0, i), rest: children.slice(i + 1) };
    if (n.type === 'text' && n.value.includes('\n')) {
      const cut = n.value.indexOf('\n');
      const before = n.value.slice(0, cut);
      const after = n.value.slice(cut + 1);
      return {
        first: [...children.slice(0, i), ...(before ? [{ ...n, value: before }] : [])],
        rest: [...(after ? [{ ...n, value: after }] : []), ...children.slice(i + 1)],
      };
    }
  }
  return { first: [...children], rest: [] };
}

const isBlank = (n: PhrasingContent) => n.type === 'text' && n.value.trim() === '';
const trimBlank = (nodes: PhrasingContent[]) => nodes.filter((n) => !isBlank(n));

/** The strong span a line consists of (`**x**`, `**[x](u)**`, `[**x**](u)`), or undefined. */
export function wholeLineStrong(line: readonly PhrasingContent[]): PhrasingContent | undefined {
  const content = trimBlank([...line]);
  if (content.length !== 1) return undefined;
  const only = content[0]!;
  if (only.type === 'strong') return only;
  if (only.type === 'link' && only.children.length === 1 && only.children[0]!.type === 'strong') return only;
  return undefined;
}

export interface TitleLine {
  /** The title's phrasing content (with the label group, if any). */
  content: PhrasingContent[];
  /** What is left of the block's first node after the title line. */
  rest: RootContent[];
}

/**
 * A block's title line: a heading, or a first paragraph line that is one bold span,
 * optionally followed by a link-label group outside the bold (`**Title** (paper / code)`).
 * A bold name run into its text with a dash or colon counts too (see `runInTitle`);
 * a paragraph that merely starts bold and runs on (`**구독 ❤️** 이 기사가…`) has no title line.
 */
export function titleLine(first: RootContent | undefined): TitleLine | undefined {
  if (!first) return undefined;
  if (first.type === 'heading') return { content: first.children, rest: [] };
  if (first.type !== 'paragraph') return undefined;
  const { first: line, rest } = splitFirstLine(first.children);
  const content = trimBlank(line);
  const lead = content[0];
  const isBold = lead && (lead.type === 'strong' || wholeLineStrong([lead]));
  if (!isBold) return undefined;
  const after = toPlainText({ type: 'paragraph', children: content.slice(1) }).trim();
  if (after) {
    const group = splitLinkLabels(`x ${after}`);
    if (group.title !== 'x' || !group.labels.length) return runInTitle(lead, line.slice(line.indexOf(lead) + 1), rest);
  }
  return { content: line, rest: rest.length ? [{ type: 'paragraph', children: rest }] : [] };
}

/**
 * `**Kimi Linear** — 설명…` / `**Kimi Linear:** 설명…`: a bold name run into its
 * text, set off by a dash, colon or bar (or a colon inside the bold). Without such
 * a mark (`**구독 ❤️** 이 기사가…`) the bold is just the start of a sentence.
 */
function runInTitle(lead: PhrasingContent, tail: PhrasingContent[], rest: PhrasingContent[]): TitleLine | undefined {
  const first = tail[0];
  if (first?.type !== 'text') return undefined;
  const boldColon = /[:：]$/.test(toPlainText(lead).trim());
  const sep = boldColon ? /^\s+/ : /^\s*[:：|]\s+|^\s+[-–—]\s+/;
  const m = sep.exec(first.value);
  if (!m) return undefined;
  const text = first.value.slice(m[0].length);
  const lineRest = [...(text ? [{ ...first, value: text }] : []), ...tail.slice(1)];
  const children = rest.length ? [...lineRest, { type: 'text', value: '\n' } as PhrasingContent, ...rest] : lineRest;
  return { content: [lead], rest: children.length ? [{ type: 'paragraph', children }] : [] };
}

/**
 * Link labels readers know, any case. A parenthesised list at the end of a title
 * is a label list when every entry is one of these; a padded, slash-separated
 * list of lowercase words (`( paper / weights )`) is accepted too — that is how
 * link rows read once their URLs are stripped. Anything else in parentheses
 * (`(Continuous Autoregressive Language Models, CALM)`) is part of the title.
 */
const LINK_LABELS = new Set([
  'paper', 'papers', 'code', 'demo', 'blog', 'blog post', 'post', 'project', 'project page', 'page', 'website', 'site',
  'github', 'repo', 'repository', 'video', 'youtube', 'dataset', 'data', 'model', 'models', 'weights', 'checkpoint',
  'checkpoints', 'tweet', 'thread', 'x', 'slides', 'podcast', 'arxiv', 'pdf', 'hf', 'hugging face', 'huggingface',
  'article', 'docs', 'report', 'tech report', 'leaderboard', 'playground', 'api', 'colab', 'notebook', 'link', 'links',
  '논문', '코드', '데모', '블로그', '프로젝트', '영상', '데이터셋', '모델', '깃허브', '웹사이트', '링크',
]);

/** Split `Title ( paper / code )` into the title and its labels. Labels are empty when there is no label group. */
export function splitLinkLabels(title: string): { title: string; labels: string[] } {
  const m = /\s*[(\[]([^()[\]]*)[)\]]\s*$/.exec(title);
  if (!m || m.index === 0) return { title, labels: [] };
  const inner = m[1]!;
  const labels = inner.split(/[/|·•,]/).map((l) => l.trim()).filter(Boolean);
  if (!labels.length) return { title, labels: [] };
  const known = labels.every((l) => LINK_LABELS.has(l.toLowerCase()));
  const padded = /^\s.*\s$/.test(inner) && labels.length > 1 && inner.includes('/') && labels.every((l) => /^[a-z][a-z -]{0,19}$/.test(l));
  if (!known && !padded) return { title, labels: [] };
  return { title: title.slice(0, m.index).trim(), labels };
}

/** Links (with their visible labels) inside phrasing content, in order. */
export function linksIn(nodes: readonly PhrasingContent[]): Link[] {
  const out: Link[] = [];
  const walk = (n: PhrasingContent) => {
    if (n.type === 'link') out.push(n);
    else if ('children' in n) (n.children as PhrasingContent[]).forEach(walk);
  };
  nodes.forEach(walk);
  return out;
}

/**
 * The title as the item's name: label group split off, a list number (`1.`, `#2`, `3)`)
 * and a trailing colon dropped — numbering is the item's position, and ids must not
 * depend on position.
 */
export function cleanTitle(full: string): { title: string; labels: string[] } {
  const { title, labels } = splitLinkLabels(full);
  const bare = title.replace(/^(?:#?\d{1,3}[.)]\s+|#\d{1,3}\s+|[\u2460-\u2473]\s*)(?=\S)/u, '').replace(/\s*[:：]$/, '').trim();
  return { title: bare || title, labels };
}

/** Whitespace collapsed to single spaces, trimmed. */
export const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * The item slug: the ASCII (English) words of the title, which is what a reader
 * searches for (`확산 언어 모델(Diffusion Language Models)은…` → `diffusion-language-models`).
 * A title without a Latin word of two letters (all Hangul, or only `2.0`) falls back to
 * `item-<hash of the title>`. Position in the issue plays no part, so reordering keeps ids.
 */
export function itemSlug(title: string): string {
  const s = slugify(title);
  if (!/[a-z]{2}/.test(s)) return `item-${shortHash(title.normalize('NFC').trim())}`;
  return slugOrHash(title, 'item');
}
