/**
 * Adapter for a saved https://t.me/s/<channel> page. The page carries what the
 * text copy loses — `data-post` ids and `time[datetime]` — so records get the
 * same `telegram/<channel>/<message id>` permalinks as the desktop exports.
 * Page reading is in telegram-web/page.ts.
 */
import type { Adapter, ParseResult, SourceRecord, TelegramMeta } from '../types.ts';
import { IngestError } from '../types.ts';
import { root } from '../util/mdast.ts';
import { channelKey, telegramPostId } from './telegram/ids.ts';
import { detectLang } from './telegram/lang.ts';
import { postTitle } from './telegram/post.ts';
import { PageError, parsePage, type WebPost } from './telegram-web/page.ts';
import { hashtagsFromText, linksFromBody, titleFromText } from './telegram-web/post-fields.ts';

export const telegramWeb: Adapter = {
  id: 'telegram-web',
  detect(file) {
    const head = file.head;
    if (!/<(?:!doctype\s+html|html|div|head|body)\b/i.test(head)) return 0;
    const posts = /class="[^"]*\btgme_widget_message\b[^"]*"[^>]*\bdata-post=|data-post="[^"]+"[^>]*class="[^"]*\btgme_widget_message\b/.test(head);
    const card = /\btgme_channel_info\b|\btgme_channel_history\b/.test(head);
    if (posts) return 0.95;
    if (card) return 0.85;
    return 0;
  },
  parse(file): ParseResult {
    const html = file.text;
    if (html === undefined) throw new IngestError(file.path, '', 'page too large to read at once (t.me/s pages hold ~20 posts)');
    let page;
    try {
      // NFC: Hangul typed or saved on macOS can arrive decomposed; the site and search expect composed syllables.
      page = parsePage(html.normalize('NFC'));
    } catch (e) {
      if (e instanceof PageError) throw new IngestError(file.path, e.location, e.message);
      throw e;
    }
    const { channel } = page;
    const username = channel.username;
    const key = channelKey(username, channel.title);
    const origin = { name: channel.title, url: username ? `https://t.me/${username}` : undefined };
    const records: SourceRecord[] = page.posts.map((post) => toRecord(post, { key, title: channel.title, username, origin, file: file.path }));
    return { records, skipped: page.skipped, warnings: page.warnings };
  },
};

interface Ctx {
  key: string;
  title: string;
  username?: string;
  origin: { name: string; url?: string };
  file: string;
}

function toRecord(post: WebPost, ctx: Ctx): SourceRecord {
  const body = root(post.preview ? [...post.blocks, post.preview] : post.blocks);
  const telegram: TelegramMeta = { channel: ctx.username, channelTitle: ctx.title, messageId: post.messageId };
  if (post.partIds) telegram.partIds = post.partIds;
  if (post.forwardedFrom !== undefined) telegram.forwardedFrom = post.forwardedFrom;
  if (post.replyTo) telegram.replyTo = post.replyTo;
  if (post.reactions.length) telegram.reactions = post.reactions;
  if (post.views !== undefined) telegram.views = post.views;
  if (post.media.length) telegram.media = post.media;
  if (post.signature !== undefined) telegram.signature = post.signature;
  const tags = [...post.tags];
  for (const t of hashtagsFromText(post.plain)) if (!tags.includes(t)) tags.push(t);
  return {
    id: telegramPostId(ctx.key, post.messageId),
    kind: 'telegram',
    format: 'telegram-web',
    // Without text, the export adapters' media label ("사진 3장") names the post, so both formats agree.
    title: titleFromText(post.plain, postTitle('', post.media, post.messageId)),
    date: post.date,
    origin: ctx.origin,
    author: post.signature,
    url: `https://t.me/${post.username}/${post.messageId}`,
    links: linksFromBody(body),
    tags,
    lang: detectLang(post.plain),
    body,
    telegram,
    provenance: { file: ctx.file, location: post.location },
  };
}
