/**
 * Telegram formatted text → mdast.
 *
 * Both desktop exports describe a message text as a flat list of parts, each
 * with one entity type (JSON `text_entities`/`text`; the HTML writer emits one
 * tag per part). tdesktop drops nested/overlapping entities when it builds that
 * list, so one type per run is the whole truth and we never need to nest.
 */
import type { BlockContent, PhrasingContent, RootContent } from 'mdast';
import { inlineFromPlain, paragraph, text } from '../../util/mdast.ts';
import { safeUrl } from '../../util/links.ts';

export interface TextPart {
  type: string;
  text: string;
  /** `text_link` target. */
  href?: string;
  /** `pre` language (may be empty). */
  language?: string;
}

export interface FormattedText {
  blocks: RootContent[];
  /** The text as written (for titles, language and self-link detection). */
  plain: string;
  /** Hashtags without `#`, in order of first appearance. */
  tags: string[];
  /** Links the text points at (`link`, `text_link`), label = visible text. */
  links: { url: string; label: string }[];
}

/** Every entity type tdesktop writes (export_data_types.cpp); anything else is new and reported once. */
const KNOWN_TYPES = new Set([
  'plain', 'unknown', 'mention', 'hashtag', 'bot_command', 'link', 'email', 'bold', 'italic', 'code', 'pre',
  'text_link', 'mention_name', 'phone', 'cashtag', 'underline', 'strikethrough', 'blockquote', 'bank_card',
  'spoiler', 'custom_emoji',
]);

/** Control characters other than tab/newline come from `\xNN` escapes and have no place in text. */
function clean(value: string): string {
  return value.replace(/\r\n?|[\u2028\u2029]/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
}

/**
 * `onUnknown` is called for entity types outside the known vocabulary (the
 * caller reports each type once per file); such parts are kept as plain text.
 */
export function formatParts(parts: TextPart[], onUnknown: (type: string) => void = () => {}): FormattedText {
  const blocks: RootContent[] = [];
  const tags: string[] = [];
  const links: { url: string; label: string }[] = [];
  let plain = '';
  let inline: PhrasingContent[] = [];
  let newlines = 0;

  const flush = () => {
    const children = tidyInline(inline);
    if (children.length) blocks.push(paragraph(children));
    inline = [];
    newlines = 0;
  };

  for (const raw of parts) {
    const value = clean(raw.text ?? '');
    plain += value;
    if (!value) continue;
    const type = KNOWN_TYPES.has(raw.type) ? raw.type : (onUnknown(raw.type), 'plain');

    if (type === 'pre') {
      flush();
      const code = value.replace(/^\n+|\n+$/g, '');
      if (code.trim()) blocks.push({ type: 'code', lang: codeLang(raw.language), value: code });
      continue;
    }
    if (type === 'blockquote') {
      flush();
      const inner = formatParts([{ type: 'plain', text: value }]);
      links.push(...inner.links);
      if (inner.blocks.length) blocks.push({ type: 'blockquote', children: inner.blocks as BlockContent[] });
      continue;
    }

    value.split('\n').forEach((segment, i) => {
      if (i > 0) newlines++;
      if (!segment) return;
      if (newlines > 0 && !segment.trim()) return; // an indented blank line still separates paragraphs
      if (newlines >= 2) flush();
      else if (newlines === 1 && inline.length) inline.push({ type: 'break' });
      newlines = 0;
      inline.push(...phrasing(type, segment, raw.href, tags, links));
    });
  }
  flush();
  return { blocks, plain: plain.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ''), tags, links };
}

function phrasing(
  type: string,
  value: string,
  href: string | undefined,
  tags: string[],
  links: { url: string; label: string }[],
): PhrasingContent[] {
  switch (type) {
    case 'bold':
      return wrap(value, (t) => ({ type: 'strong', children: [text(t)] }));
    case 'italic':
    case 'underline': // mdast has no underline; emphasis keeps the author's stress
      return wrap(value, (t) => ({ type: 'emphasis', children: [text(t)] }));
    case 'strikethrough':
      return wrap(value, (t) => ({ type: 'delete', children: [text(t)] }));
    case 'code':
      return [{ type: 'inlineCode', value }];
    case 'text_link':
    case 'link': {
      const url = safeUrl(type === 'link' ? value.trim() : (href ?? ''));
      if (!url || url.startsWith('#') || url.startsWith('/')) return [text(value)];
      links.push({ url, label: value.trim() });
      return wrap(value, (t) => ({ type: 'link', url, children: [text(t)] }));
    }
    case 'mention': {
      const name = /^@([A-Za-z0-9_]{3,64})$/.exec(value.trim())?.[1];
      return name ? wrap(value, (t) => ({ type: 'link', url: `https://t.me/${name}`, children: [text(t)] })) : [text(value)];
    }
    case 'email': {
      const url = /^[^\s@:]+@[^\s@]+\.[^\s@]+$/.test(value.trim()) ? safeUrl(`mailto:${value.trim()}`) : undefined;
      return url ? wrap(value, (t) => ({ type: 'link', url, children: [text(t)] })) : [text(value)];
    }
    case 'hashtag': {
      const tag = value.trim().replace(/^[#＃]/, '').replace(/@\w+$/, '');
      if (tag && !tags.includes(tag)) tags.push(tag);
      return [text(value)];
    }
    case 'plain':
    case 'unknown':
      // Exports before entities (and the odd unlinked URL) keep bare URLs: link them, but no `$` math in chat text.
      return inlineFromPlain(value, { math: false });
    default:
      // cashtag, phone, bot_command, bank_card, mention_name, custom_emoji (its fallback emoji), spoiler
      // (mdast has no spoiler: the hidden text is shown as plain text).
      return [text(value)];
  }
}

/** Markdown emphasis cannot start or end with a space: keep outer whitespace outside the wrapper. */
function wrap(value: string, make: (core: string) => PhrasingContent): PhrasingContent[] {
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(value)!;
  if (!m[2]) return [text(value)];
  const out: PhrasingContent[] = [];
  if (m[1]) out.push(text(m[1]));
  out.push(make(m[2]));
  if (m[3]) out.push(text(m[3]));
  return out;
}

/** Merge adjacent text nodes, trim the paragraph's outer whitespace and drop edge breaks. */
function tidyInline(nodes: PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const n of nodes) {
    const prev = out[out.length - 1];
    if (n.type === 'text' && prev?.type === 'text') prev.value += n.value;
    else out.push(n.type === 'text' ? { ...n } : n);
  }
  while (out.length && (out[0]!.type === 'break' || (out[0]!.type === 'text' && !(out[0] as { value: string }).value.trim()))) out.shift();
  while (out.length && (out.at(-1)!.type === 'break' || (out.at(-1)!.type === 'text' && !(out.at(-1) as { value: string }).value.trim()))) out.pop();
  const first = out[0];
  if (first?.type === 'text') first.value = first.value.replace(/^\s+/, '');
  const last = out.at(-1);
  if (last?.type === 'text') last.value = last.value.replace(/\s+$/, '');
  return out;
}

/**
 * A `pre` language is free text typed by the poster (`html" onload="…` is accepted
 * by Telegram); only a plain language name is worth keeping as the fence's info.
 */
function codeLang(language: string | undefined): string | null {
  const lang = language?.trim();
  return lang && /^[\w+#.-]{1,40}$/.test(lang) ? lang : null;
}
