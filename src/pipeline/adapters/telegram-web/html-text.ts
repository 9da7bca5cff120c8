/**
 * The HTML of a t.me/s message text (`div.tgme_widget_message_text`) → mdast.
 *
 * The generic `htmlToMdast` does the sanitising and the allow-list; this file
 * only undoes t.me's own markup first, which would otherwise come out wrong:
 * an emoji is `<i class="emoji"><b>🔥</b></i>` (emphasis + strong around the
 * character), a custom emoji is `<tg-emoji>` around such an emoji, and a hashtag
 * is a relative search link `<a href="?q=%23tag">`.
 */
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { Paragraph, PhrasingContent, RootContent } from 'mdast';
import { toText } from 'hast-util-to-text';
import { htmlToMdast } from '../../util/html.ts';
import { toPlainText } from '../../util/mdast.ts';

export interface MessageText {
  blocks: RootContent[];
  /** The text as a reader sees it (for title, language, tags). */
  plain: string;
  /** Hashtags of the search links, without `#`, in order. */
  tags: string[];
}

export function classList(el: Element): string[] {
  const c: unknown = el.properties?.className;
  return Array.isArray(c) ? c.map(String) : typeof c === 'string' ? c.split(/\s+/) : [];
}

/** The emoji an `i.emoji` / `tg-emoji` stands for: the character in its `<b>`, or its text. */
export function emojiText(el: Element): string {
  return toText(el, { whitespace: 'pre' }).trim();
}

export function messageTextToMdast(el: Element): MessageText {
  const tags: string[] = [];
  const children = structuredClone(el.children).flatMap((c) => unwrap(c, tags));
  const tree: HastRoot = { type: 'root', children };
  const body = htmlToMdast(tree, { math: false, repairEmphasis: false });
  const blocks = body.children.flatMap(splitParagraph);
  const plain = blocks.map((b) => toPlainText(b)).join('\n\n');
  return { blocks, plain, tags };
}

/**
 * Telegram has no paragraphs, only newlines: `<br><br>` is how a blank line is
 * written. Make it a paragraph break, as the plain-text adapters do.
 */
function splitParagraph(block: RootContent): RootContent[] {
  if (block.type !== 'paragraph') return [block];
  const out: Paragraph[] = [];
  let cur: PhrasingContent[] = [];
  const kids = block.children;
  const flush = () => {
    while (cur[0]?.type === 'break') cur.shift();
    while (cur.at(-1)?.type === 'break') cur.pop();
    if (cur.some((n) => n.type !== 'text' || n.value.trim())) out.push({ type: 'paragraph', children: trimText(cur) });
    cur = [];
  };
  for (let i = 0; i < kids.length; i++) {
    const blank = kids[i]!.type === 'break' && isBlankRun(kids, i + 1);
    if (blank) {
      flush();
      while (i + 1 < kids.length && (kids[i + 1]!.type === 'break' || isSpace(kids[i + 1]!))) i++;
    } else cur.push(kids[i]!);
  }
  flush();
  return out;
}

const isSpace = (n: PhrasingContent) => n.type === 'text' && !n.value.trim();
/** After a break at `from - 1`: optional whitespace text, then another break. */
function isBlankRun(kids: PhrasingContent[], from: number): boolean {
  let j = from;
  while (j < kids.length && isSpace(kids[j]!)) j++;
  return kids[j]?.type === 'break';
}

function trimText(nodes: PhrasingContent[]): PhrasingContent[] {
  const out = [...nodes];
  const first = out[0];
  if (first?.type === 'text') out[0] = { type: 'text', value: first.value.replace(/^\s+/, '') };
  const last = out.at(-1);
  if (last?.type === 'text') out[out.length - 1] = { type: 'text', value: last.value.replace(/\s+$/, '') };
  return out.filter((n) => n.type !== 'text' || n.value !== '');
}

function unwrap(node: ElementContent, tags: string[]): ElementContent[] {
  if (node.type !== 'element') return [node];
  const cls = classList(node);
  if ((node.tagName === 'i' && cls.includes('emoji')) || node.tagName === 'tg-emoji') {
    const value = emojiText(node);
    return value ? [{ type: 'text', value }] : [];
  }
  if (node.tagName === 'a') {
    const href = String(node.properties?.href ?? '');
    const q = /^\?q=([^&]*)/.exec(href);
    if (q) {
      // A hashtag (or cashtag) search link on t.me itself: the word is the content, the link is noise.
      const term = decode(q[1]!.replace(/\+/g, ' '));
      if (term.startsWith('#') && term.length > 1 && !tags.includes(term.slice(1))) tags.push(term.slice(1));
      return [{ type: 'text', value: toText(node) }];
    }
    // Since 2024-04 t.me double-escapes `&` in links that carry a confirmation onclick (RSSHub notes this).
    if (href.includes('&amp;')) node.properties = { ...node.properties, href: href.replace(/&amp;/g, '&') };
  }
  node.children = node.children.flatMap((c) => unwrap(c, tags));
  return [node];
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
