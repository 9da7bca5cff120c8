/**
 * One page of a tdesktop HTML export (messages.html, messages2.html, …) →
 * `TgPost`s. Markup reference: /work/shared/formats/telegram.md §2.
 */
import path from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import type { RootContent } from 'mdast';
import type { MediaItem, Reaction, SourceDate } from '../../types.ts';
import { IngestError } from '../../types.ts';
import { bulletList, paragraph, text } from '../../util/mdast.ts';
import { classes, htmlTextParts } from './html-text.ts';
import { isMissingDescription, mediaPath } from './media.ts';
import { formatParts } from './parts.ts';
import type { TgPost } from './post.ts';

export interface PageState {
  /** Position across all pages (service messages included): adjacency for grouping. */
  seq: number;
  onUnknownEntity(type: string, location: string): void;
  warn(location: string, message: string): void;
}

export interface PageResult {
  title?: string;
  posts: TgPost[];
  skipped: { location: string; reason: string }[];
  /** Every positive message id on the page (services too): for self-link inference. */
  ids: number[];
}

/** `page` = the page's path relative to the raw root (media links resolve against its folder). */
export function parsePage(html: string, page: string, state: PageState): PageResult {
  const pageDir = path.posix.dirname(page);
  const tree: Root = fromHtml(html);
  const header = select('.page_header .text.bold', tree);
  const result: PageResult = { title: header ? squash(toText(header)) || undefined : undefined, posts: [], skipped: [], ids: [] };
  // Joined blocks omit the sender (and a repeated forward header): carry them, per file, as the writer does.
  let fromName: string | undefined;
  let forwardedFrom: string | undefined;

  for (const el of selectAll('div.message', tree)) {
    const rawId = el.properties.id;
    const id = Number(/^message(-?\d+)$/.exec(String(rawId ?? ''))?.[1]);
    const cls = classes(el);
    // A post without its id has no permalink: a damaged or hand-edited page, not something to drop silently.
    if (!Number.isInteger(id) && !cls.includes('service')) {
      const found = rawId === undefined ? 'no id attribute' : `id ${JSON.stringify(String(rawId))}`;
      throw new IngestError(page, `line ${el.position?.start.line ?? '?'}`, `div.message has ${found}; expected id="message<number>"`);
    }
    if (!Number.isInteger(id) || id <= 0) continue; // date separators have negative ids: never posts
    // Skips and warnings name the page; records carry the page as provenance.file.
    const location = `${page} message ${id}`;
    result.ids.push(id);
    const seq = state.seq++;
    if (cls.includes('service')) {
      const what = squash(toText(select('.body', el) ?? el));
      result.skipped.push({ location, reason: `service: ${what || 'action'}` });
      fromName = forwardedFrom = undefined;
      continue;
    }
    const body = child(el, 'body');
    if (!body) {
      result.skipped.push({ location, reason: 'message block without a body' });
      continue;
    }
    const joined = cls.includes('joined');
    const ownName = child(body, 'from_name');
    if (ownName) fromName = senderName(ownName);
    else if (!joined) fromName = undefined;

    const dateEl = children(body).find((c) => hasClasses(c, 'date', 'details'));
    const when = htmlDate(typeof dateEl?.properties.title === 'string' ? dateEl.properties.title : '');
    if (!when.date) state.warn(location, 'no readable date');

    let content = body;
    const fwd = child(body, 'forwarded', 'body');
    if (fwd) {
      const name = child(fwd, 'from_name');
      if (name) forwardedFrom = senderName(name);
      else if (!joined) forwardedFrom = undefined;
      content = fwd;
    } else forwardedFrom = undefined;

    const textEl = child(content, 'text');
    const formatted = formatParts(textEl ? htmlTextParts(textEl) : [], (t) => state.onUnknownEntity(t, location));
    const { media, extra } = htmlMedia(content, pageDir, (m) => state.warn(location, m));
    if (!formatted.plain.trim() && !media.length) {
      result.skipped.push({ location, reason: 'empty message (no text, no media)' });
      continue;
    }
    const reply = child(content, 'reply_to', 'details') ?? child(body, 'reply_to', 'details');
    const replyHref = reply ? select('a', reply)?.properties.href : undefined;
    const replyTo = Number(/go_to_message(\d+)/.exec(String(replyHref ?? ''))?.[1]);
    const signature = child(content, 'signature', 'details') ?? child(body, 'signature', 'details');
    const blocks: RootContent[] = [...formatted.blocks, ...extra];

    result.posts.push({
      messageId: id,
      seq,
      time: when.time,
      date: when.date,
      blocks,
      plain: formatted.plain,
      tags: formatted.tags,
      links: formatted.links,
      media,
      reactions: htmlReactions(el),
      forwardedFrom: fwd ? (forwardedFrom ?? '(unknown)') : undefined,
      replyTo: Number.isInteger(replyTo) && replyTo > 0 ? replyTo : undefined,
      signature: signature ? squash(toText(signature)) || undefined : undefined,
      // Channel posts are "from" the channel itself; only group senders are authors.
      from: fromName && fromName !== result.title ? fromName : undefined,
      location: `message ${id}`,
      file: page,
    });
  }
  return result;
}

/**
 * `DD.MM.YYYY HH:MM:SS UTC+hh:mm` (the offset only since v3.7.6; it is the
 * zone's standard offset, so summer times may be an hour off — telegram.md §2.6).
 */
export function htmlDate(title: string): { date?: SourceDate; time?: number } {
  const m = /(\d{1,2})\.(\d{1,2})\.(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*UTC\s*([+-])(\d{1,2}):?(\d{2}))?/.exec(title);
  if (!m) return {};
  const [, dd, mm, yyyy, hh, mi, ss = '00', sign, oh, om] = m;
  const p2 = (s: string) => s.padStart(2, '0');
  const local = `${yyyy}-${p2(mm!)}-${p2(dd!)}T${p2(hh!)}:${mi}:${p2(ss)}`;
  const wall = Date.UTC(+yyyy!, +mm! - 1, +dd!, +hh!, +mi!, +ss) / 1000;
  if (!Number.isFinite(wall)) return {};
  if (!sign) return { date: { iso: local, precision: 'local' }, time: wall };
  const offset = (sign === '-' ? -1 : 1) * (+oh! * 3600 + +om! * 60);
  return { date: { iso: `${local}${sign}${p2(oh!)}:${om}`, precision: 'exact' }, time: wall - offset };
}

const WRAP_TYPES: [string, MediaItem['type']][] = [
  ['photo_wrap', 'photo'],
  ['video_file_wrap', 'video'],
  ['animated_wrap', 'animation'],
  ['sticker_wrap', 'sticker'],
];

/** Generic media cards: class → type; some titles refine it (the writer shows stickers and GIFs as photo/video cards). */
const CARD_TYPES: [string, MediaItem['type']][] = [
  ['media_photo', 'photo'],
  ['media_video', 'video'],
  ['media_voice_message', 'voice'],
  ['media_audio_file', 'audio'],
  ['media_file', 'file'],
  ['media_contact', 'contact'],
  ['media_location', 'location'],
  ['media_live_location', 'location'],
  ['media_venue', 'location'],
  ['media_game', 'other'],
  ['media_invoice', 'other'],
  ['media_call', 'other'],
];
/** Titles the writer uses as generic labels, not names. */
const GENERIC_TITLES = new Set(['photo', 'video file', 'video message', 'voice message', 'audio file', 'file', 'animation', 'sticker', 'location', 'live location', 'self-destructing photo', 'self-destructing video']);

function htmlMedia(content: Element, pageDir: string, warn: (m: string) => void): { media: MediaItem[]; extra: RootContent[] } {
  const media: MediaItem[] = [];
  const extra: RootContent[] = [];
  for (const wrap of children(content).filter((c) => hasClasses(c, 'media_wrap'))) {
    for (const el of children(wrap)) {
      const cls = classes(el);
      const href = typeof el.properties.href === 'string' ? el.properties.href : undefined;
      const wrapType = WRAP_TYPES.find(([c]) => cls.includes(c))?.[1];
      if (wrapType) {
        media.push(item({ type: wrapType, ...mediaPath(href, warn, pageDir) }));
        continue;
      }
      if (cls.includes('media_poll')) {
        const question = squash(toText(select('.question', el) ?? el));
        media.push(item({ type: 'poll', name: question || undefined }));
        const answers = selectAll('.answer', el)
          .map((a) => squash(toText({ ...a, children: a.children.filter((c) => !(c.type === 'element' && classes(c).includes('details'))) })).replace(/^-\s*/, ''))
          .filter(Boolean);
        if (question) extra.push(paragraph([text(question)]));
        if (answers.length) extra.push(bulletList(answers));
        continue;
      }
      if (!cls.includes('media')) continue;
      let type = CARD_TYPES.find(([c]) => cls.includes(c))?.[1] ?? 'other';
      const title = squash(toText(select('.title', el) ?? { type: 'root', children: [] }));
      const description = squash(toText(select('.description', el) ?? { type: 'root', children: [] }));
      const status = squash(toText(select('.status', el) ?? { type: 'root', children: [] }));
      if (/^sticker$/i.test(title)) type = 'sticker';
      else if (/^animation$/i.test(title)) type = 'animation';
      const external = href !== undefined && /^https?:/i.test(href); // maps links of locations
      const size = /(\d+)\s*[×x]\s*(\d+)/.exec(status);
      let name: string | undefined = title && !GENERIC_TITLES.has(title.toLowerCase()) ? title : undefined;
      if (type === 'location' && !name) name = /-?\d+(\.\d+)?, -?\d+(\.\d+)?/.exec(status)?.[0];
      if (type === 'location' && name && description) name = `${name}, ${description}`;
      media.push(
        item({
          type,
          ...(external ? {} : mediaPath(href, warn, pageDir)),
          name,
          missing: description && isMissingDescription(description) ? description : undefined,
          width: type === 'photo' && size ? Number(size[1]) : undefined,
          height: type === 'photo' && size ? Number(size[2]) : undefined,
        }),
      );
    }
  }
  return { media, extra };
}

/**
 * `span.reactions > span.reaction[.paid] > span.emoji + span.count` (v5.5.7–5.12
 * used `div`s). A custom emoji is a link or image inside `.emoji`; without a
 * count, every reactor is shown as a userpic.
 */
function htmlReactions(message: Element): Reaction[] {
  const out: Reaction[] = [];
  for (const r of selectAll('.reactions .reaction', message)) {
    const emojiEl = select('.emoji', r);
    const countEl = select('.count', r);
    const count = countEl ? parseCount(squash(toText(countEl))) : selectAll('.userpic', r).length || 1;
    if (!count) continue;
    const shown = emojiEl ? squash(toText(emojiEl)) : '';
    let emoji: string;
    if (classes(r).includes('paid')) emoji = 'paid';
    else if (emojiEl && select('a, img', emojiEl)) {
      const link = select('a, img', emojiEl)!;
      const ref = String(link.properties.href ?? link.properties.src ?? '');
      emoji = `custom:${shown || ref || '?'}`;
    } else emoji = shown || 'unknown:reaction';
    out.push({ emoji, count });
  }
  return out;
}

/** `12`, `1 234`, `1.2K`, `3M`. */
function parseCount(s: string): number {
  const m = /^([\d.,\s]+)\s*([KkMm])?$/.exec(s.trim());
  if (!m) return 0;
  const n = Number(m[1]!.replace(/[\s,]/g, ''));
  const mult = m[2] ? (/k/i.test(m[2]) ? 1e3 : 1e6) : 1;
  return Number.isFinite(n) ? Math.round(n * mult) : 0;
}

/** `Name via @bot` → `Name`; the forwarded header also holds the original date in a span. */
function senderName(el: Element): string | undefined {
  const own = el.children.filter((c) => !(c.type === 'element' && classes(c).includes('date')));
  const name = squash(toText({ ...el, children: own })).replace(/\s+via @\w+$/, '');
  return name || undefined;
}


function item(m: MediaItem): MediaItem {
  for (const k of Object.keys(m) as (keyof MediaItem)[]) if (m[k] === undefined || m[k] === '') delete m[k];
  return m;
}

function children(el: Element): Element[] {
  return el.children.filter((c): c is Element => c.type === 'element');
}

function hasClasses(el: Element, ...names: string[]): boolean {
  const cls = classes(el);
  return names.every((n) => cls.includes(n));
}

function child(el: Element, ...names: string[]): Element | undefined {
  return children(el).find((c) => hasClasses(c, ...names));
}

function squash(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
