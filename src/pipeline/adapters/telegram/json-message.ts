/**
 * One result.json message object → `TgPost` (or a reason to skip it).
 * Field meanings: /work/shared/formats/telegram.md §1.3–1.8 (tdesktop export_output_json.cpp).
 */
import type { RootContent } from 'mdast';
import type { MediaItem, Reaction, SourceDate } from '../../types.ts';
import { bulletList, paragraph, text } from '../../util/mdast.ts';
import { formatParts, type TextPart } from './parts.ts';
import { mediaPath } from './media.ts';
import type { TgPost } from './post.ts';

type Json = Record<string, unknown>;

export type JsonMessageResult = { post: TgPost } | { skip: string };

export interface JsonMessageContext {
  seq: number;
  location: string;
  /** The chat title: a sender equal to it is the channel itself, not an author. */
  chatName?: string;
  /** Folder of result.json relative to the raw root (file paths in the export are relative to it). */
  baseDir: string;
  onUnknownEntity(type: string): void;
  warn(message: string): void;
}

export function jsonMessageToPost(m: Json, ctx: JsonMessageContext): JsonMessageResult {
  const type = m.type;
  if (type === 'service') return { skip: `service: ${str(m.action) ?? 'unknown action'}` };
  if (type === 'unsupported') return { skip: 'unsupported message (the exporting client could not read it)' };
  if (type !== 'message') return { skip: `unknown message type: ${String(type)}` };
  const id = typeof m.id === 'number' ? m.id : Number(m.id);
  if (!Number.isInteger(id) || id <= 0) return { skip: `message without a valid id (${String(m.id)})` };

  const when = jsonDate(m.date, m.date_unixtime);
  const formatted = formatParts(textParts(m), ctx.onUnknownEntity);
  const { media, extra } = jsonMedia(m, ctx);
  if (!formatted.plain.trim() && !media.length) return { skip: 'empty message (no text, no media)' };

  const blocks: RootContent[] = [...formatted.blocks, ...extra];
  const from = str(m.from);
  return {
    post: {
      messageId: id,
      seq: ctx.seq,
      time: when.time,
      date: when.date,
      edited: m.edited !== undefined || m.edited_unixtime !== undefined ? jsonDate(m.edited, m.edited_unixtime).date : undefined,
      blocks,
      plain: formatted.plain,
      tags: formatted.tags,
      links: formatted.links,
      media,
      reactions: jsonReactions(m.reactions),
      // `null` is a hidden or deleted original sender: still a forward.
      forwardedFrom: 'forwarded_from' in m ? (str(m.forwarded_from) ?? '(unknown)') : undefined,
      // A reply into another chat (e.g. the linked discussion group) is not a post of this channel.
      replyTo: typeof m.reply_to_message_id === 'number' && m.reply_to_peer_id === undefined ? m.reply_to_message_id : undefined,
      signature: str(m.author),
      from: from && from !== ctx.chatName ? from : undefined,
      location: ctx.location,
    },
  };
}

/** Prefer `text_entities` (always objects, since v4.1.2); older exports only have `text` (string or mixed array). */
function textParts(m: Json): TextPart[] {
  const source = Array.isArray(m.text_entities) ? m.text_entities : Array.isArray(m.text) ? m.text : [m.text];
  const parts: TextPart[] = [];
  for (const p of source) {
    if (typeof p === 'string') parts.push({ type: 'plain', text: p });
    else if (p && typeof p === 'object') {
      const o = p as Json;
      parts.push({ type: str(o.type) ?? 'unknown', text: str(o.text) ?? '', href: str(o.href), language: str(o.language) });
    }
  }
  return parts;
}

/**
 * `date` is the exporter's wall clock without offset; `date_unixtime` (a string,
 * since v3.7.6) is the instant. Together they give the exporter's offset, so the
 * ISO keeps the local reading and is still exact. Only `date` → `local`.
 */
export function jsonDate(local: unknown, unix: unknown): { date?: SourceDate; time?: number } {
  const wall = typeof local === 'string' ? /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)$/.exec(local) : null;
  const wallSeconds = wall ? Date.UTC(+wall[1]!, +wall[2]! - 1, +wall[3]!, +wall[4]!, +wall[5]!, +wall[6]!) / 1000 : undefined;
  const t = typeof unix === 'string' || typeof unix === 'number' ? Number(unix) : NaN;
  if (Number.isFinite(t) && String(unix).trim() !== '') {
    const offset = wallSeconds !== undefined ? wallSeconds - t : NaN;
    if (Number.isFinite(offset) && Math.abs(offset) <= 14 * 3600 && offset % 60 === 0) {
      return { date: { iso: `${wall![0]}${formatOffset(offset)}`, precision: 'exact' }, time: t };
    }
    return { date: { iso: new Date(t * 1000).toISOString().slice(0, 19) + '+00:00', precision: 'exact' }, time: t };
  }
  if (wall) return { date: { iso: wall[0], precision: 'local' }, time: wallSeconds };
  return {};
}

function formatOffset(seconds: number): string {
  const sign = seconds < 0 ? '-' : '+';
  const min = Math.abs(seconds) / 60;
  return `${sign}${String(Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;
}

const DOCUMENT_TYPES: Record<string, MediaItem['type']> = {
  sticker: 'sticker',
  video_message: 'video',
  video_file: 'video',
  voice_message: 'voice',
  animation: 'animation',
  audio_file: 'audio',
};

function jsonMedia(m: Json, ctx: JsonMessageContext): { media: MediaItem[]; extra: RootContent[] } {
  const media: MediaItem[] = [];
  const extra: RootContent[] = [];
  if (m.photo !== undefined) {
    media.push(item({ type: 'photo', ...mediaPath(m.photo, (w) => ctx.warn(`photo: ${w}`), ctx.baseDir), width: num(m.width), height: num(m.height) }));
  }
  if (m.file !== undefined || m.media_type !== undefined) {
    const kind = DOCUMENT_TYPES[str(m.media_type) ?? ''] ?? (m.media_type === undefined ? 'file' : 'other');
    const song = [str(m.performer), str(m.title)].filter(Boolean).join(' – ');
    // A sticker's file name is generic (`sticker.webp`); its emoji says what it shows.
    const name = (kind === 'sticker' ? str(m.sticker_emoji) : undefined) || str(m.file_name) || song || undefined;
    media.push(
      item({
        type: kind,
        ...mediaPath(m.file, (w) => ctx.warn(`file: ${w}`), ctx.baseDir),
        name,
        width: num(m.width),
        height: num(m.height),
        mime: str(m.mime_type),
      }),
    );
  }
  if (m.poll && typeof m.poll === 'object') {
    const poll = m.poll as Json;
    const question = flatText(poll.question);
    media.push(item({ type: 'poll', name: question || undefined }));
    const answers = Array.isArray(poll.answers) ? poll.answers.map((a) => flatText((a as Json)?.text)).filter(Boolean) : [];
    if (question) extra.push(paragraph([text(question)]));
    if (answers.length) extra.push(bulletList(answers));
  }
  if (m.location_information && typeof m.location_information === 'object') {
    const loc = m.location_information as Json;
    const coords = [num(loc.latitude), num(loc.longitude)].filter((x) => x !== undefined).join(', ');
    const name = [str(m.place_name), str(m.address)].filter(Boolean).join(', ') || coords || undefined;
    media.push(item({ type: 'location', name }));
  }
  if (m.contact_information && typeof m.contact_information === 'object') {
    const c = m.contact_information as Json;
    // The phone number is left out on purpose: a contact card is personal data.
    const name = [str(c.first_name), str(c.last_name)].filter(Boolean).join(' ') || undefined;
    media.push(item({ type: 'contact', name }));
  }
  for (const key of ['game_title', 'invoice_information', 'giveaway_information', 'giveaway_results', 'todo_list']) {
    if (m[key] === undefined) continue;
    const v = m[key];
    const title = typeof v === 'string' ? v : flatText((v as Json)?.title);
    media.push(item({ type: 'other', name: title || key.replace(/_/g, ' ') }));
  }
  return { media, extra };
}


/** Reactions since v5.5.7: emoji, custom_emoji (document id or exported file path), paid (Stars), empty. */
export function jsonReactions(raw: unknown): Reaction[] {
  if (!Array.isArray(raw)) return [];
  const out: Reaction[] = [];
  for (const r of raw) {
    if (!r || typeof r !== 'object') continue;
    const o = r as Json;
    const count = num(o.count);
    if (count === undefined || count <= 0) continue;
    const type = str(o.type) ?? 'unknown';
    let emoji: string;
    if (type === 'emoji') emoji = str(o.emoji) ?? 'unknown:emoji';
    else if (type === 'custom_emoji') emoji = `custom:${str(o.document_id) ?? String(o.document_id ?? '')}`;
    else if (type === 'paid') emoji = 'paid';
    else if (type === 'empty') continue;
    else emoji = `unknown:${type}`;
    out.push({ emoji, count });
  }
  return out;
}

/** A poll question/answer is a string, or (newer clients) text parts. */
function flatText(v: unknown): string {
  if (typeof v === 'string') return v.trim();
  if (Array.isArray(v)) return v.map((p) => (typeof p === 'string' ? p : str((p as Json)?.text) ?? '')).join('').trim();
  if (v && typeof v === 'object') return flatText((v as Json).text);
  return '';
}

function item(m: MediaItem): MediaItem {
  for (const k of Object.keys(m) as (keyof MediaItem)[]) if (m[k] === undefined || m[k] === '') delete m[k];
  return m;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}
