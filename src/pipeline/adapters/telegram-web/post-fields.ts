/**
 * Record fields both t.me/s adapters derive the same way from a post's text:
 * the headline, hashtags, and the links of the body.
 */
import type { PhrasingContent, Root, RootContent } from 'mdast';
import type { ExternalLink } from '../../types.ts';
import { collectLinks } from '../../util/links.ts';
import { toPlainText } from '../../util/mdast.ts';

const TITLE_MAX = 80;
const URL_ONLY = /^(?:https?:\/\/\S+\s*)+$/i;

/**
 * The first line that says something (has a letter, is not just a URL), cut to ~80
 * characters; else the first non-empty line (a post that is only a link); else `fallback`.
 */
export function titleFromText(text: string, fallback: string): string {
  const lines = text.split('\n').map((raw) => raw.replace(/^[\s•·▪▫◦‣\-–—*>]+/u, '').replace(/\s+/g, ' ').trim());
  const line = lines.find((l) => l && !URL_ONLY.test(l) && /\p{L}/u.test(l)) ?? lines.find((l) => l);
  return line ? clip(line, TITLE_MAX) : fallback;
}

function clip(line: string, max: number): string {
  const chars = Array.from(line);
  if (chars.length <= max) return line;
  let cut = chars.slice(0, max).join('');
  const space = cut.lastIndexOf(' ');
  if (space > max / 2) cut = cut.slice(0, space);
  return `${cut.replace(/[\s,.;:·-]+$/u, '')}…`;
}

/** `#tag` words of a text, without `#`, de-duplicated in order. A `#` alone or inside a word/URL is no tag. */
export function hashtagsFromText(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?<![\p{L}\p{N}_/#&])#([\p{L}\p{N}_]*\p{L}[\p{L}\p{N}_]*)/gu)) {
    if (!out.includes(m[1]!)) out.push(m[1]!);
  }
  return out;
}

/** The body's links, as `ExternalLink`s, in order of appearance. */
export function linksFromBody(body: Root): ExternalLink[] {
  const pairs: { url: string; label: string }[] = [];
  const walk = (node: { type: string; url?: string; children?: unknown[] }) => {
    if (node.type === 'link' && node.url) pairs.push({ url: node.url, label: toPlainText(node as never) });
    if (Array.isArray(node.children)) for (const c of node.children) walk(c as typeof node);
  };
  walk(body as never);
  return collectLinks(pairs);
}

export interface LinkPreview {
  url?: string;
  site?: string;
  title?: string;
  description?: string;
}

/** A link preview card as a blockquote: site name, the title linked to the page, the description. */
export function previewBlock(p: LinkPreview): RootContent | undefined {
  const href = p.url && /^https?:\/\//i.test(p.url) ? p.url : undefined;
  const label = p.title || p.site || href;
  const out: RootContent[] = [];
  if (p.site && p.title) out.push({ type: 'paragraph', children: [{ type: 'strong', children: [{ type: 'text', value: p.site }] }] });
  if (label) {
    const text: PhrasingContent = { type: 'text', value: label };
    out.push({ type: 'paragraph', children: [href ? { type: 'link', url: href, children: [text] } : text] });
  }
  if (p.description) {
    const children: PhrasingContent[] = p.description
      .split('\n')
      .flatMap((line, i): PhrasingContent[] => [...(i ? [{ type: 'break' } as const] : []), { type: 'text', value: line }]);
    out.push({ type: 'paragraph', children });
  }
  return out.length ? ({ type: 'blockquote', children: out } as RootContent) : undefined;
}
