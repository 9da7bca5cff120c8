/**
 * A saved https://t.me/s/<channel> page → channel facts and one `WebPost` per
 * `div.tgme_widget_message` (markup: /work/shared/formats/telegram.md §3.1–3.3).
 * Everything is read with selectors and `toText`; no attribute or text of the
 * page is ever passed on as markup.
 */
import type { Element, Root as HastRoot } from 'hast';
import type { RootContent } from 'mdast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import type { MediaItem, Reaction, SourceDate } from '../../types.ts';
import { safeUrl } from '../../util/links.ts';
import { parseCount } from './counts.ts';
import { classList, emojiText, messageTextToMdast } from './html-text.ts';
import { previewBlock } from './post-fields.ts';

export interface WebChannel {
  title: string;
  username?: string;
  description?: string;
}

export interface WebPost {
  messageId: number;
  /** Username as written in `data-post` (case kept). */
  username: string;
  /** Ids of the album items (`…/<id>?single` links) when the post is an album. */
  partIds?: number[];
  date?: SourceDate;
  blocks: RootContent[];
  plain: string;
  tags: string[];
  /** The link preview card, rendered as a blockquote to append after the text. */
  preview?: RootContent;
  media: MediaItem[];
  reactions: Reaction[];
  forwardedFrom?: string;
  replyTo?: { messageId?: number; text?: string; url?: string };
  views?: string;
  edited: boolean;
  signature?: string;
  ownerName?: string;
  /** `line N` of the post in the saved page. */
  location: string;
}

export interface WebPage {
  channel: WebChannel;
  posts: WebPost[];
  skipped: { location: string; reason: string }[];
  warnings: { location: string; message: string }[];
}

const DATA_POST = /^([A-Za-z][A-Za-z0-9_]{2,31})\/(\d{1,10})$/;
const POST_LINK = /^https?:\/\/(?:www\.)?(?:t\.me|telegram\.me)\/(?:s\/)?([A-Za-z][A-Za-z0-9_]{2,31})\/(\d{1,10})(?:[/?#]|$)/i;
const DATETIME = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})$/;

export class PageError extends Error {
  readonly location: string;
  constructor(location: string, message: string) {
    super(message);
    this.location = location;
  }
}

const norm = (s: string) => s.replace(/[\u00a0\s]+/g, ' ').trim();
const textOf = (el: Element | undefined) => (el ? norm(toText(el)) : '');
const lineOf = (el: Element) => (el.position ? `line ${el.position.start.line}` : '');

export function parsePage(html: string): WebPage {
  const tree = fromHtml(html) as HastRoot;
  const skipped: WebPage['skipped'] = [];
  const warnings: WebPage['warnings'] = [];
  const messages = selectAll('div.tgme_widget_message', tree);
  const channel = readChannel(tree, messages);
  if (!channel.title && !messages.length) throw new PageError('', 'no t.me/s channel card and no div.tgme_widget_message posts');

  const posts: WebPost[] = [];
  for (const el of messages) {
    const loc = lineOf(el);
    const dataPost = String(el.properties?.dataPost ?? '');
    const m = DATA_POST.exec(dataPost);
    if (!m) throw new PageError(loc, `div.tgme_widget_message has no usable data-post ("${dataPost}"); expected "<username>/<id>"`);
    const [, username, idText] = m;
    if (classList(el).includes('service_message')) {
      skipped.push({ location: `${loc}, post ${dataPost}`, reason: `service message: ${textOf(select('.tgme_widget_message_text', el)) || 'no text'}` });
      continue;
    }
    posts.push(readPost(el, username!, Number(idText), loc, warnings));
  }
  return { channel, posts, skipped, warnings };
}

function readChannel(tree: HastRoot, messages: Element[]): WebChannel {
  const pageTitle = textOf(select('head > title', tree)).replace(/\s+[–—-]\s+Telegram$/u, '');
  const ogTitle = String(select('meta[property="og:title"]', tree)?.properties?.content ?? '');
  const title =
    textOf(select('.tgme_channel_info_header_title', tree)) ||
    textOf(select('.tgme_header_title', tree)) ||
    norm(ogTitle) ||
    pageTitle ||
    textOf(select('.tgme_widget_message_owner_name', tree));
  const at = textOf(select('.tgme_channel_info_header_username', tree)).replace(/^@/, '');
  const fromPosts = messages.map((el) => DATA_POST.exec(String(el.properties?.dataPost ?? ''))?.[1]).find(Boolean);
  const username = /^[A-Za-z][A-Za-z0-9_]{2,31}$/.test(at) ? at : fromPosts;
  const descEl = select('.tgme_channel_info_description', tree);
  const description = descEl ? toText(descEl, { whitespace: 'pre-wrap' }).trim() : undefined;
  return { title, username, description: description || undefined };
}

function readPost(el: Element, username: string, messageId: number, location: string, warnings: WebPage['warnings']): WebPost {
  const where = `${location}, post ${username}/${messageId}`;
  const bubble = select('.tgme_widget_message_bubble', el) ?? el;
  const textEl = bubble.children.find((c): c is Element => c.type === 'element' && classList(c).includes('tgme_widget_message_text'));
  const text = textEl ? messageTextToMdast(textEl) : { blocks: [], plain: '', tags: [] };

  const timeEl = select('.tgme_widget_message_date time[datetime], time[datetime]', el);
  const date = readDate(String(timeEl?.properties?.dateTime ?? ''));
  if (!date) warnings.push({ location: where, message: timeEl ? `unreadable time[datetime] "${String(timeEl.properties?.dateTime)}"` : 'no time[datetime]; date unknown' });

  const fwdName = select('.tgme_widget_message_forwarded_from_name', el);
  const fwdBox = select('.tgme_widget_message_forwarded_from', el);
  const forwardedFrom = textOf(fwdName) || (fwdBox ? textOf(fwdBox).replace(/^Forwarded from\s*/i, '') : '') || undefined;

  const meta = select('.tgme_widget_message_meta', el);
  const signature = textOf(select('.tgme_widget_message_from_author', el)).replace(/,$/, '') || undefined;
  const album = selectAll('.tgme_widget_message_grouped_wrap a[href]', el)
    .map((a) => POST_LINK.exec(String(a.properties?.href ?? '')))
    .filter((x): x is RegExpExecArray => x !== null && x[1]!.toLowerCase() === username.toLowerCase())
    .map((x) => Number(x[2]));

  return {
    messageId,
    username,
    partIds: album.length > 1 ? [...new Set(album)] : undefined,
    date,
    blocks: text.blocks,
    plain: text.plain,
    tags: text.tags,
    preview: readPreview(el),
    media: readMedia(el),
    reactions: readReactions(el, where, warnings),
    forwardedFrom,
    replyTo: readReply(el),
    views: readViews(el, where, warnings),
    edited: meta ? /\bedited\b/i.test(textOf(meta)) : false,
    signature,
    ownerName: textOf(select('.tgme_widget_message_owner_name', el)) || undefined,
    location: where,
  };
}

/** The view counter as shown ("4.4K"); anything that is not a count is reported and dropped. */
function readViews(el: Element, where: string, warnings: WebPage['warnings']): string | undefined {
  const views = textOf(select('.tgme_widget_message_views', el));
  if (!views) return undefined;
  if (parseCount(views) !== undefined) return views;
  warnings.push({ location: where, message: `view counter "${views}" is not a count; left out` });
  return undefined;
}

/** `2024-01-02T10:11:12+00:00` → exact; anything else → undefined. */
export function readDate(raw: string): SourceDate | undefined {
  const m = DATETIME.exec(raw.trim());
  if (!m) return undefined;
  const zone = m[2] === 'Z' ? '+00:00' : m[2]!.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  const iso = `${m[1]}${zone}`;
  return Number.isNaN(Date.parse(iso)) ? undefined : { iso, precision: 'exact' };
}

function readReply(el: Element): WebPost['replyTo'] {
  const a = select('a.tgme_widget_message_reply, .tgme_widget_message_reply', el);
  if (!a) return undefined;
  const href = String(a.properties?.href ?? '');
  const link = POST_LINK.exec(href);
  const snippet = textOf(select('.tgme_widget_message_text', a)) || textOf(select('.tgme_widget_message_metatext', a));
  const url = link ? safeUrl(`https://t.me/${link[1]}/${link[2]}`) : undefined;
  const out: NonNullable<WebPost['replyTo']> = {};
  if (link) out.messageId = Number(link[2]);
  if (snippet) out.text = snippet;
  if (url) out.url = url;
  return out;
}

/** The URL in a `background-image:url('…')` style, when it is a safe absolute http(s) URL. */
function backgroundUrl(el: Element | undefined): string | undefined {
  const style = String(el?.properties?.style ?? '');
  const m = /background-image\s*:\s*url\(\s*(['"]?)(.*?)\1\s*\)/i.exec(style);
  if (!m) return undefined;
  const raw = m[2]!.startsWith('//') ? `https:${m[2]}` : m[2]!;
  const url = safeUrl(raw);
  return url && /^https?:\/\//i.test(url) ? url : undefined;
}

function readMedia(el: Element): MediaItem[] {
  const out: MediaItem[] = [];
  // Photos are remote CDN images, not files next to the page: their URL is a name, never a `path`.
  for (const wrap of selectAll('.tgme_widget_message_photo_wrap', el)) {
    const url = backgroundUrl(wrap);
    out.push(url ? { type: 'photo', name: url } : { type: 'photo' });
  }
  for (const video of selectAll('.tgme_widget_message_video_player, .tgme_widget_message_roundvideo_player', el)) {
    const duration = textOf(select('.message_video_duration, .tgme_widget_message_roundvideo_duration', video));
    const gif = classList(video).includes('tgme_widget_message_gif') || /\bGIF\b/.test(textOf(select('.message_video_duration', video)));
    out.push({ type: gif ? 'animation' : 'video', ...(duration ? { name: duration } : {}) });
  }
  for (const doc of selectAll('.tgme_widget_message_document_wrap', el)) {
    const name = textOf(select('.tgme_widget_message_document_title', doc));
    const extra = textOf(select('.tgme_widget_message_document_extra', doc));
    const audio = classList(select('.tgme_widget_message_document_icon', doc) ?? doc).includes('audio');
    out.push({ type: audio ? 'audio' : 'file', ...(name || extra ? { name: [name, extra].filter(Boolean).join(', ') } : {}) });
  }
  if (select('.tgme_widget_message_voice_player', el)) out.push({ type: 'voice' });
  if (select('.tgme_widget_message_sticker_wrap', el)) out.push({ type: 'sticker' });
  const poll = select('.tgme_widget_message_poll', el);
  if (poll) {
    const q = textOf(select('.tgme_widget_message_poll_question', poll));
    out.push({ type: 'poll', ...(q ? { name: q } : {}) });
  }
  if (select('.tgme_widget_message_location_wrap', el)) out.push({ type: 'location' });
  for (const ns of selectAll('.message_media_not_supported', el)) {
    out.push({ type: 'other', missing: textOf(select('.message_media_not_supported_label', ns)) || textOf(ns) || 'not supported by the web preview' });
  }
  return out;
}

/** Three chip shapes: a Unicode emoji, a custom emoji (`tg-emoji`), a paid (Stars) chip; the count is the chip's own text. */
function readReactions(el: Element, where: string, warnings: WebPage['warnings']): Reaction[] {
  const out: Reaction[] = [];
  for (const chip of selectAll('.tgme_widget_message_reactions .tgme_reaction', el)) {
    const own = chip.children.filter((c) => c.type === 'text').map((c) => (c as { value: string }).value).join('');
    const count = parseCount(own);
    const tg = select('tg-emoji', chip);
    const emojiEl = select('i.emoji', chip);
    let emoji: string;
    if (classList(chip).includes('tgme_reaction_paid')) emoji = 'paid';
    else if (emojiEl && emojiText(emojiEl)) emoji = emojiText(emojiEl);
    else if (tg) {
      const id = String(tg.properties?.['emoji-id'] ?? '').replace(/[^0-9A-Za-z_-]/g, '');
      emoji = `custom:${emojiText(tg) || id || 'unknown'}`;
    } else emoji = 'unknown:chip';
    if (count === undefined) {
      warnings.push({ location: where, message: `reaction ${emoji} with unreadable count "${norm(own)}"; left out` });
      continue;
    }
    out.push({ emoji, count });
  }
  return out;
}

/** The link preview card (`a.tgme_widget_message_link_preview`) as a blockquote. */
function readPreview(el: Element): RootContent | undefined {
  const card = select('a.tgme_widget_message_link_preview, .tgme_widget_message_link_preview', el);
  if (!card) return undefined;
  const descEl = select('.link_preview_description', card);
  return previewBlock({
    url: safeUrl(String(card.properties?.href ?? '')),
    site: textOf(select('.link_preview_site_name', card)) || undefined,
    title: textOf(select('.link_preview_title', card)) || undefined,
    description: descEl ? toText(descEl, { whitespace: 'pre-wrap' }).trim() || undefined : undefined,
  });
}
