/**
 * The format-neutral middle of the Telegram export adapters: JSON and HTML
 * messages are both read into `TgPost`s, then grouped (albums, split posts)
 * and turned into `SourceRecord`s here, so both formats give the same records.
 */
import type { RootContent } from 'mdast';
import type { FormatId, MediaItem, Reaction, SourceDate, SourceRecord } from '../../types.ts';
import { collectLinks } from '../../util/links.ts';
import { root } from '../../util/mdast.ts';
import { bareChatId, channelKey, telegramPostId } from './ids.ts';
import { detectLang } from './lang.ts';

export interface TgPost {
  messageId: number;
  /** Position in the export among all messages (services included): adjacency for grouping. */
  seq: number;
  /** Seconds: the Unix time when known, else the wall clock read as UTC. Only compared within one export. */
  time?: number;
  date?: SourceDate;
  edited?: SourceDate;
  blocks: RootContent[];
  /** Text as written, '' when none. */
  plain: string;
  tags: string[];
  links: { url: string; label: string }[];
  media: MediaItem[];
  reactions: Reaction[];
  forwardedFrom?: string;
  replyTo?: number;
  signature?: string;
  /** Sender name when it is not the channel itself (groups). */
  from?: string;
  location: string;
  /** Raw file of this message when a chat spans files (HTML pages); else the build's file. */
  file?: string;
}

export interface TgChannel {
  title: string;
  username?: string;
  numericId?: string | number;
}

/** What a hidden t.me link can point at: `<name>/<post>`; `s`, `c`, `joinchat`… are not channel names. */
const NOT_CHANNELS = new Set(['s', 'c', 'joinchat', 'addstickers', 'addemoji', 'addlist', 'share', 'proxy', 'socks', 'iv', 'boost', 'login', 'setlanguage', 'addtheme', 'bg', 'invoice', 'giftcode', 'contact']);
const SELF_LINK_RE = /(?:^|[^\w.-])(?:https?:\/\/)?(?:www\.)?(?:t\.me|telegram\.me)\/(?:s\/)?([A-Za-z][A-Za-z0-9_]{3,31})\/(\d{1,9})(?![\w/])/g;

/**
 * The channel's public username is not reliably in an export (tdesktop writes
 * `private_channel` for some public channels and never writes the name), but
 * channels link to their own posts. A `t.me/<name>/<n>` link counts only when
 * post `n` exists in this export and the linking post is not a forward (a
 * forward links its source channel); the name with most distinct hits wins.
 * Incremental, so a streamed export needs to keep only the candidate pairs.
 */
export class SelfLinks {
  private readonly hits = new Map<string, { name: string; ids: Set<number> }>();

  add(p: Pick<TgPost, 'messageId' | 'plain' | 'links' | 'forwardedFrom'>): void {
    if (p.forwardedFrom !== undefined) return;
    const haystack = [p.plain, ...p.links.map((l) => l.url)].join('\n');
    for (const m of haystack.matchAll(SELF_LINK_RE)) {
      const name = m[1]!;
      const id = Number(m[2]);
      if (NOT_CHANNELS.has(name.toLowerCase()) || id === p.messageId) continue;
      const key = name.toLowerCase();
      const entry = this.hits.get(key) ?? { name, ids: new Set<number>() };
      entry.ids.add(id);
      this.hits.set(key, entry);
    }
  }

  /** `messageIds`: every message id of the chat (services included). */
  best(messageIds: Set<number>): string | undefined {
    let best: { name: string; score: number } | undefined;
    for (const key of [...this.hits.keys()].sort()) {
      const e = this.hits.get(key)!;
      const score = [...e.ids].filter((id) => messageIds.has(id)).length;
      if (score > 0 && (!best || score > best.score)) best = { name: e.name, score };
    }
    return best?.name;
  }
}

export function inferUsername(posts: TgPost[], messageIds: Set<number>): string | undefined {
  const links = new SelfLinks();
  posts.forEach((p) => links.add(p));
  return links.best(messageIds);
}

const ALBUM_MAX = 10;
/** Telegram splits texts longer than 4096 UTF-16 units; a first part this long is a split candidate. */
const SPLIT_MIN_LENGTH = 3500;
const SPLIT_MAX_GAP = 3;

/**
 * Group consecutive messages that are one post.
 *
 * Album: the items are consecutive, carry media, have the same timestamp
 * (tdesktop exports no group id) and at most one caption. Split post: a
 * text-only message sent within `SPLIT_MAX_GAP` s right after the previous one
 * joins it only when the evidence is strong: the previous part has no text (a
 * media post whose long caption was sent separately), or it is near the 4096
 * limit, or it stops mid-sentence and the next part starts in lower case.
 * Forwards, replies and different signatures never join. No part is ever lost:
 * the record lists all ids in `partIds`.
 */
export function groupPosts(posts: TgPost[]): TgPost[][] {
  const grouper = new PostGrouper();
  const groups = posts.map((p) => grouper.push(p)).filter((g) => g !== undefined);
  const last = grouper.flush();
  return last ? [...groups, last] : groups;
}

/** `groupPosts` one post at a time: `push` returns a group once it can no longer grow. */
export class PostGrouper {
  private current: TgPost[] | undefined;

  push(p: TgPost): TgPost[] | undefined {
    const g = this.current;
    if (g && (joinsAlbum(g, p) || continuesText(g, p))) {
      g.push(p);
      return undefined;
    }
    this.current = [p];
    return g;
  }

  flush(): TgPost[] | undefined {
    const g = this.current;
    this.current = undefined;
    return g;
  }
}

function sameThread(last: TgPost, p: TgPost): boolean {
  return p.seq === last.seq + 1 && p.forwardedFrom === last.forwardedFrom && p.signature === last.signature && p.from === last.from && p.replyTo === undefined;
}

function joinsAlbum(g: TgPost[], p: TgPost): boolean {
  const last = g.at(-1)!;
  if (!sameThread(last, p) || g.length >= ALBUM_MAX) return false;
  if (p.time === undefined || p.time !== g[0]!.time) return false;
  if (!g.every((x) => x.media.length) || !p.media.length) return false;
  const captions = [...g, p].filter((x) => x.plain.trim()).length;
  return captions <= 1;
}

function continuesText(g: TgPost[], p: TgPost): boolean {
  const last = g.at(-1)!;
  if (!sameThread(last, p) || p.media.length || !p.plain.trim()) return false;
  if (p.time === undefined || last.time === undefined) return false;
  const gap = p.time - last.time;
  if (gap < 0 || gap > SPLIT_MAX_GAP) return false;
  if (g.every((x) => !x.plain.trim())) return g.some((x) => x.media.length > 0) && gap <= 2;
  const prev = last.plain.trimEnd();
  if (prev.length >= SPLIT_MIN_LENGTH) return true;
  const endsMidSentence = /[\p{L}\p{N},;:\-–]$/u.test(prev);
  const startsLower = /^\p{Ll}/u.test(p.plain.trimStart());
  return endsMidSentence && startsLower;
}

export interface BuildOptions {
  format: FormatId;
  /** Raw file path (relative to content/raw) for provenance. */
  file: string;
  /** Prefix for provenance locations (`chats.list[3] `) in multi-chat files. */
  locationPrefix?: string;
}

export function buildRecords(posts: TgPost[], channel: TgChannel, opts: BuildOptions): SourceRecord[] {
  return groupPosts(posts).map((parts) => recordFromGroup(parts, channel, opts));
}

/** One record from a group of messages (see `groupPosts`). */
export function recordFromGroup(parts: TgPost[], channel: TgChannel, opts: BuildOptions): SourceRecord {
  const key = channelKey(channel.username, channel.title, channel.numericId);
  const postUrl = (id: number) => (channel.username ? `https://t.me/${channel.username}/${id}` : undefined);
  const first = parts[0]!;
  const plain = parts.map((p) => p.plain.trim()).filter(Boolean).join('\n\n');
  const media = parts.flatMap((p) => p.media);
  const reactions = sumReactions(parts.flatMap((p) => p.reactions));
  const tags = [...new Set(parts.flatMap((p) => p.tags))];
  const replyTo = parts.find((p) => p.replyTo !== undefined)?.replyTo;
  const signature = parts.find((p) => p.signature)?.signature;
  const edited = parts.filter((p) => p.edited).at(-1)?.edited;
  const author = signature ?? first.from;
  const telegram = compact({
    channel: channel.username,
    channelTitle: channel.title,
    chatId: bareChatId(channel.numericId),
    messageId: first.messageId,
    partIds: parts.length > 1 ? parts.map((p) => p.messageId) : undefined,
    forwardedFrom: first.forwardedFrom,
    replyTo: replyTo === undefined ? undefined : compact({ messageId: replyTo, url: postUrl(replyTo) }),
    reactions: reactions.length ? reactions : undefined,
    edited,
    media: media.length ? media : undefined,
    signature,
  });
  const record = compact({
    id: telegramPostId(key, first.messageId),
    kind: 'telegram' as const,
    format: opts.format,
    title: postTitle(plain, media, first.messageId),
    date: first.date,
    origin: compact({ name: channel.title, url: channel.username ? `https://t.me/${channel.username}` : undefined }),
    author,
    url: postUrl(first.messageId),
    links: collectLinks(parts.flatMap((p) => p.links)),
    tags,
    lang: detectLang(plain),
    body: root(parts.flatMap((p) => p.blocks)),
    telegram,
    provenance: { file: first.file ?? opts.file, location: `${opts.locationPrefix ?? ''}${parts.length > 1 ? `messages ${parts.map((p) => p.messageId).join(', ')}` : first.location}` },
  });
  return record as SourceRecord;
}

function sumReactions(all: Reaction[]): Reaction[] {
  const out = new Map<string, number>();
  for (const r of all) out.set(r.emoji, (out.get(r.emoji) ?? 0) + r.count);
  return [...out].map(([emoji, count]) => ({ emoji, count }));
}

const MEDIA_LABEL: Record<MediaItem['type'], string> = {
  photo: '사진', video: '동영상', animation: 'GIF', sticker: '스티커', voice: '음성 메시지', audio: '오디오',
  file: '파일', poll: '설문', location: '위치', contact: '연락처', other: '미디어',
};

/** The first line of the text, cut at a word boundary; a media description when there is no text. */
export function postTitle(plain: string, media: MediaItem[], messageId: number, max = 80): string {
  const line = plain.split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).find(Boolean);
  if (line) return cut(line, max);
  const m = media[0];
  if (!m) return `메시지 ${messageId}`;
  const label = MEDIA_LABEL[m.type];
  const count = media.filter((x) => x.type === m.type).length;
  if (m.name && m.type !== 'photo') return cut(`${label}: ${m.name}`, max);
  return count > 1 ? `${label} ${count}${m.type === 'photo' ? '장' : '개'}` : label;
}

function cut(line: string, max: number): string {
  const chars = [...line];
  if (chars.length <= max) return line;
  const head = chars.slice(0, max - 1).join('');
  const space = head.lastIndexOf(' ');
  return (space > max / 2 ? head.slice(0, space) : head).replace(/[\s,.;:–-]+$/u, '') + '…';
}

/** Drop undefined keys so records compare and serialise cleanly. */
export function compact<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}
