/**
 * Adapter for a select-all text copy of a t.me/s/<channel> page (seed 001).
 * Splitting the copy into posts is in telegram-web/text-copy.ts.
 *
 * Permalinks: the copy has no message ids, and a post's position changes when a
 * longer copy of the same page is ingested, so the id is derived from the post
 * itself: `telegram/<channelKey>/t-<shortHash(first 300 characters of its text,
 * NFC, whitespace collapsed)>`. Two posts with the same opening in one copy get
 * `-2`, `-3`… in order of appearance (a re-posted text; rare, and then the
 * numbering depends on the copy's extent — there is nothing better to go on).
 */
import type { Adapter, ParseResult, RawFile, SourceRecord, TelegramMeta } from '../types.ts';
import { IngestError } from '../types.ts';
import { blocksFromPlain, root } from '../util/mdast.ts';
import { shortHash } from '../util/slug.ts';
import { channelKey } from './telegram/ids.ts';
import { detectLang } from './telegram/lang.ts';
import { hashtagsFromText, linksFromBody, previewBlock, titleFromText } from './telegram-web/post-fields.ts';
import { parseHeader, splitTextCopy, type CopyPost } from './telegram-web/text-copy.ts';

const HASHED_CHARS = 300;

/** The part of a post that names it: stable across copies, blind to whitespace differences. */
export function postKey(post: Pick<CopyPost, 'text' | 'forwardedFrom' | 'replyTo'>): string {
  const norm = (s: string) => s.normalize('NFC').replace(/\s+/gu, ' ').trim();
  const text = norm(post.text);
  if (text) return Array.from(text).slice(0, HASHED_CHARS).join('');
  // A media-only post: what the copy shows of it is its forward or reply header.
  return `forwarded:${norm(post.forwardedFrom ?? '')}|reply:${norm(post.replyTo ?? '')}`;
}

function lines(file: RawFile): string[] {
  const text = file.text ?? file.head;
  return text.normalize('NFC').replace(/\r\n?/g, '\n').split('\n');
}

export const telegramText: Adapter = {
  id: 'telegram-text',
  detect(file) {
    const head = file.head.replace(/^\ufeff/, '');
    const start = head.trimStart();
    // HTML, JSON and front-matter Markdown are other adapters' formats.
    if (/^[<{[]/.test(start) || start.startsWith('---')) return 0;
    const top = head.normalize('NFC').replace(/\r\n?/g, '\n').split('\n').slice(0, 400);
    const header = parseHeader(top);
    if (!header) return 0;
    const pageTitle = /\s[–—-]\s+Telegram\s*$/u.test(top.find((l) => l.trim()) ?? '');
    const download = top.some((l) => /^\s*Download Telegram\s*$/i.test(l));
    const audience = header.counters.some((c) => /subscriber|member/i.test(c));
    // The page title alone is already specific; the card without it needs its counters or the download button.
    if (pageTitle) return audience || download ? 0.95 : 0.7;
    if (audience && download) return 0.85;
    if (audience || (header.username && download)) return 0.6;
    return 0.4;
  },
  parse(file): ParseResult {
    const all = lines(file);
    const header = parseHeader(all);
    if (!header) {
      throw new IngestError(file.path, 'line 1', 'no t.me/s channel header (a "<title> – Telegram" line or the channel card with its counters)');
    }
    const { posts, notes, skipped: dropped } = splitTextCopy(all, header);
    // A select-all copy always carries the posts below the card; none means the copy was cut short.
    if (!posts.length) {
      throw new IngestError(file.path, `lines 1-${header.end}`, 'the copy holds the channel card but no posts: it ends before its first post');
    }
    const key = channelKey(header.username, header.title);
    const origin = { name: header.title, url: header.username ? `https://t.me/${header.username}` : undefined };
    const seen = new Map<string, number>();
    const records: SourceRecord[] = [];
    for (const post of posts) {
      const base = `telegram/${key}/t-${shortHash(postKey(post))}`;
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      const preview = post.preview && previewBlock(post.preview);
      const body = root([...blocksFromPlain(post.text, { math: false }), ...(preview ? [preview] : [])]);
      const telegram: TelegramMeta = { channel: header.username, channelTitle: header.title };
      if (post.forwardedFrom !== undefined) telegram.forwardedFrom = post.forwardedFrom;
      if (post.replyTo !== undefined) telegram.replyTo = { text: post.replyTo };
      if (post.reactions.length) telegram.reactions = post.reactions;
      if (post.views !== undefined) telegram.views = post.views;
      if (post.signature !== undefined) telegram.signature = post.signature;
      records.push({
        id: n === 1 ? base : `${base}-${n}`,
        kind: 'telegram',
        format: 'telegram-text',
        title: titleFromText(post.text, post.forwardedFrom ? `Forwarded from ${post.forwardedFrom}` : header.title),
        origin,
        author: post.signature,
        links: linksFromBody(body),
        tags: hashtagsFromText(post.text),
        lang: detectLang(post.text),
        body,
        telegram,
        provenance: { file: file.path, location: `lines ${post.firstLine}-${post.lastLine}` },
      });
    }
    const skipped = [
      { location: `lines 1-${header.end}`, reason: 'channel card (title, counters, description)' },
      ...dropped.map((d) => ({ location: `line ${d.line}`, reason: d.message })),
    ];
    const warnings = notes.map((n) => ({ location: `line ${n.line}`, message: n.message }));
    if (file.text === undefined) warnings.push({ location: 'whole file', message: `file of ${file.size} bytes is too large to read at once; only its first 64 KiB were parsed` });
    return { records, skipped, warnings };
  },
};
