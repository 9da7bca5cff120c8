/**
 * Reading a select-all text copy of a t.me/s/<channel> page
 * (/work/shared/formats/telegram.md §3.4). The copy keeps no ids and no dates,
 * so posts can only be told apart by what the page prints around them:
 *
 *   strong boundaries  a reaction line (`👍2`, `🔥1.2K ❤3`, a bare `12` for a custom
 *                      or paid reaction) or a footer line (`4.4K views`, `edited`,
 *                      `10:11`) ends a post; `Forwarded from X` and the channel-title
 *                      line (the owner name printed on every post) start one; the
 *                      title followed by a `…`-cut snippet is a reply preview.
 *   weak boundary      a line holding only URLs that opens a paragraph (the line after
 *                      it is blank) after a finished sentence starts a post: channels
 *                      that lead with the source link do this, and a Telegram message
 *                      rarely has a URL alone on a line followed by a blank line in the
 *                      middle. A lead-in such as `Paper:` keeps the URL in its post.
 *
 * A link preview card (site / title / description lines at the end of a post) is
 * taken out of the body only when its site line names a URL host of the post.
 *
 * Posts without reactions or footer that do not open with a URL leave no trace in
 * the copy; they stay merged with their neighbour. `splitTextCopy` reports every
 * piece longer than one Telegram message can be (4096 characters) so that the
 * merge is visible.
 */
import type { Reaction } from '../../types.ts';
import { parseCount } from './counts.ts';
import type { LinkPreview } from './post-fields.ts';

/** Longest text of one Telegram message (UTF-16 units, what `String#length` counts). */
export const MESSAGE_LIMIT = 4096;

export interface CopyHeader {
  /** Channel title as printed on the card. */
  title: string;
  /** Username from an `@name` line of the card, when the copy kept it. */
  username?: string;
  /** `2.4K subscribers`, `513 photos`… as printed. */
  counters: string[];
  description: string;
  /** 0-based index of the first line after the header. */
  end: number;
}

export interface CopyPost {
  /** 1-based line numbers of the post in the copy (inclusive). */
  firstLine: number;
  lastLine: number;
  /** The body text, lines kept, outer blank lines trimmed. */
  text: string;
  forwardedFrom?: string;
  /** The reply preview's snippet (or media label). */
  replyTo?: string;
  /** The link preview card's lines (site, title, description) found at the end of the text. */
  preview?: LinkPreview;
  reactions: Reaction[];
  views?: string;
  edited?: boolean;
  signature?: string;
}

export interface CopyNote {
  line: number;
  message: string;
}

const PAGE_TITLE = /^(.*\S)\s+[–—-]\s+Telegram$/u;
const COUNTER =
  /^\d[\d.,]*\s*[KMB]?\s+(?:subscribers?|members?|photos?|videos?|files?|links?|audios?|music|voices?|gifs?|polls?|stickers?|online)$/iu;
const USERNAME = /^@([A-Za-z][A-Za-z0-9_]{3,31})$/u;
const DOWNLOAD = /^Download Telegram$/iu;
/** Page chrome after the download button: the card's sub-line and the footer links. */
const CHROME = /^(?:to view and join the conversation|about|blog|apps|platform|preview channel|open in telegram|view in telegram)$/iu;
const FORWARDED = /^Forwarded from\s+(.+)$/u;
const MEDIA_LABEL = /^(?:Photo|Video|Sticker|GIF|Voice message|Video message|Audio|File|Document|Poll|Location|Contact|Album)$/iu;
const URL_ONLY = /^(?:https?:\/\/\S+\s*)+$/iu;
/** Lines after which a URL belongs to the sentence: `Paper:`, `👇`, `→`. */
const LEAD_IN = /[:：↓⬇👇→]\uFE0F?$/u;

/** One reaction chip as it copies: an optional emoji run, then a count. */
const REACTION_TOKEN =
  /\s*((?:\p{Extended_Pictographic}|\p{Regional_Indicator}|\p{Emoji_Modifier}|[\u200d\ufe0f])*)\s*(\d+(?:[.,]\d+)?[KMB]|\d+)(?![\d.,])/uy;
/**
 * The footer `span.tgme_widget_message_info`: views + ` views`, `edited`, a signature
 * followed by a comma, and the `HH:MM` of the date link. Spans copy with or without
 * spaces between them.
 */
const FOOTER =
  /^(?:(\d[\d.,]*\s*[KMB]?)\s*views?)?\s*(edited)?\s*(?:(\S[^,]{0,63}),\s*)?(\d{1,2}:\d{2}(?:\s?[AP]M)?)?$/iu;

/** Whitespace as the copy prints it: NBSP (the `Forwarded from&nbsp;` separator) is a space. */
const clean = (line: string) => line.replace(/[\u00a0\u202f]/g, ' ').trim();

/** Reaction chips of a line, or undefined when the line is anything else. */
export function parseReactionLine(line: string): Reaction[] | undefined {
  const s = clean(line);
  if (!s) return undefined;
  const out: Reaction[] = [];
  REACTION_TOKEN.lastIndex = 0;
  while (REACTION_TOKEN.lastIndex < s.length) {
    const m = REACTION_TOKEN.exec(s);
    if (!m) return undefined;
    const count = parseCount(m[2]!);
    if (count === undefined) return undefined;
    // A bare count is a custom-emoji or a paid (Stars) chip; the copy cannot tell which.
    out.push({ emoji: m[1] ? m[1] : 'custom', count });
    if (REACTION_TOKEN.lastIndex === s.length) break;
  }
  return out.length ? out : undefined;
}

interface Footer {
  views?: string;
  edited: boolean;
  signature?: string;
}

/** The footer info line, or undefined. Needs a view count or a time: `edited` alone is too common a word. */
export function parseFooterLine(line: string): Footer | undefined {
  const s = clean(line);
  const m = FOOTER.exec(s);
  if (!s || !m || (!m[1] && !m[4])) return undefined;
  // Without a view count, `text, 10:30` is more likely prose than a signature.
  if (m[3] && !m[1]) return undefined;
  return { views: m[1]?.replace(/\s+/g, ''), edited: Boolean(m[2]), signature: m[3]?.trim() };
}

/** The channel card at the top of the copy, or undefined when the text does not start with one. */
export function parseHeader(lines: string[]): CopyHeader | undefined {
  let i = 0;
  const next = () => {
    while (i < lines.length && !clean(lines[i]!)) i++;
    return i < lines.length ? clean(lines[i]!) : undefined;
  };
  let first = next();
  if (first === undefined) return undefined;
  const pageTitle = PAGE_TITLE.exec(first)?.[1];
  if (pageTitle) {
    i++;
    first = next();
  }
  if (first === undefined) return pageTitle ? { title: pageTitle, counters: [], description: '', end: i } : undefined;
  // Without the page title, the card title must be followed by the card (counters or @name).
  let title = pageTitle ?? first;
  if (!pageTitle || first === pageTitle) i++;
  let username: string | undefined;
  const counters: string[] = [];
  for (let s = next(); s !== undefined; s = next()) {
    const user = USERNAME.exec(s);
    if (user && !username) username = user[1];
    else if (COUNTER.test(s)) counters.push(s);
    // The 2020 layout repeats the title in a compact header above the card.
    else if (s === title) {
      /* repeated title */
    } else break;
    i++;
  }
  if (!pageTitle && !username && counters.length === 0) return undefined;
  if (!title) title = first;
  // The description runs to the download button; without the button it cannot be told from the first post.
  let end = i;
  let description = '';
  const download = lines.findIndex((l, k) => k >= i && k < i + 200 && DOWNLOAD.test(clean(l)));
  if (download >= 0) {
    description = lines.slice(i, download).map((l) => l.trimEnd()).join('\n').trim();
    end = download + 1;
    while (end < lines.length && (!clean(lines[end]!) || CHROME.test(clean(lines[end]!)))) end++;
  }
  return { title, username, counters, description, end };
}

interface Draft {
  first: number;
  last: number;
  lines: string[];
  forwardedFrom?: string;
  replyTo?: string;
  reactions: Reaction[];
  footer?: Footer;
  /** A reaction or footer line closed it: the next text line starts a new post. */
  ended: boolean;
  /** Opened by the channel-title line printed above every post. */
  owned: boolean;
}

const hasBody = (d: Draft) => d.lines.some((l) => l.trim() !== '');
const hasContent = (d: Draft) => hasBody(d) || d.forwardedFrom !== undefined || d.replyTo !== undefined;
/** A post can take reactions/footer: it has content, or its owner line says a (media-only) post is here. */
const canClose = (d: Draft | undefined): d is Draft => d !== undefined && (hasContent(d) || d.owned);

/** Split the lines after the header into posts. `notes` collects recoverable oddities. */
export function splitTextCopy(lines: string[], header: CopyHeader): { posts: CopyPost[]; notes: CopyNote[]; skipped: CopyNote[] } {
  const drafts: Draft[] = [];
  const notes: CopyNote[] = [];
  const skipped: CopyNote[] = [];
  let cur: Draft | undefined;
  const open = (i: number) => {
    cur = { first: i, last: i, lines: [], reactions: [], ended: false, owned: false };
    drafts.push(cur);
    return cur;
  };
  // A post opened by an owner-name line and still empty takes the forward/reply header that follows.
  const fresh = (i: number) => (cur && !cur.ended && !hasContent(cur) ? cur : open(i));
  const isTitle = (s: string) => s === header.title;
  const isSeparator = (s: string) =>
    isTitle(s) || FORWARDED.test(s) || parseReactionLine(s) !== undefined || parseFooterLine(s) !== undefined;

  for (let i = header.end; i < lines.length; i++) {
    const raw = lines[i]!.trimEnd();
    const s = clean(raw);
    if (!s) {
      if (cur && !cur.ended && hasBody(cur)) cur.lines.push('');
      continue;
    }
    const reactions = parseReactionLine(s);
    if (reactions) {
      if (canClose(cur) && !cur.footer && (!cur.ended || cur.reactions.length > 0)) {
        cur.reactions.push(...reactions);
        cur.ended = true;
        cur.last = i;
      } else notes.push({ line: i + 1, message: `reaction counts "${s}" follow no post; ignored` });
      continue;
    }
    const footer = parseFooterLine(s);
    if (footer) {
      if (canClose(cur) && !cur.footer) {
        cur.footer = footer;
        cur.ended = true;
        cur.last = i;
      } else notes.push({ line: i + 1, message: `footer "${s}" follows no post; ignored` });
      continue;
    }
    const fwd = FORWARDED.exec(s);
    if (fwd) {
      const d = fresh(i);
      if (d.forwardedFrom !== undefined) open(i);
      cur!.forwardedFrom = fwd[1]!.trim();
      cur!.last = i;
      continue;
    }
    if (isTitle(s)) {
      const after = i + 1 < lines.length ? clean(lines[i + 1]!) : '';
      if (after && !isTitle(after) && (/(?:…|\.\.\.)$/u.test(after) || MEDIA_LABEL.test(after))) {
        const d = fresh(i);
        d.replyTo = after;
        d.last = ++i;
      } else fresh(i).owned = true;
      continue;
    }
    if (!cur || cur.ended) open(i);
    else if (hasBody(cur) && startsLinkParagraph(lines, i, isSeparator)) open(i);
    cur!.lines.push(raw);
    cur!.last = i;
  }

  const posts: CopyPost[] = [];
  for (const d of drafts) {
    const { body, preview } = splitPreview(d.lines);
    const text = body.join('\n').replace(/^\n+|\n+$/g, '');
    if (!text && d.forwardedFrom === undefined && d.replyTo === undefined) {
      // A photo or video post without caption copies as its owner line and footer only.
      if (d.reactions.length || d.footer) skipped.push({ line: d.first + 1, message: 'post without text in the copy (media only)' });
      else notes.push({ line: d.first + 1, message: 'channel-title line with no post after it; ignored' });
      continue;
    }
    if (text.length > MESSAGE_LIMIT) {
      notes.push({
        line: d.first + 1,
        message: `post of ${text.length} characters is longer than one Telegram message (${MESSAGE_LIMIT}): it probably holds several posts whose boundary left no trace in the copy`,
      });
    }
    posts.push({
      firstLine: d.first + 1,
      lastLine: d.last + 1,
      text,
      forwardedFrom: d.forwardedFrom,
      replyTo: d.replyTo,
      preview,
      reactions: d.reactions,
      views: d.footer?.views,
      edited: d.footer?.edited || undefined,
      signature: d.footer?.signature,
    });
  }
  return { posts, notes, skipped };
}

/**
 * Line `i` and the lines after it hold only URLs, then a blank line, then more body text;
 * the line before ends a sentence (is no lead-in such as `Paper:`).
 */
function startsLinkParagraph(lines: string[], i: number, isSeparator: (s: string) => boolean): boolean {
  if (i > 0 && URL_ONLY.test(clean(lines[i - 1]!))) return false;
  let j = i;
  while (j < lines.length && URL_ONLY.test(clean(lines[j]!))) j++;
  if (j === i || j >= lines.length || clean(lines[j]!) !== '') return false;
  while (j < lines.length && !clean(lines[j]!)) j++;
  if (j >= lines.length || isSeparator(clean(lines[j]!))) return false;
  let k = i - 1;
  while (k >= 0 && !clean(lines[k]!)) k--;
  return k < 0 || !LEAD_IN.test(clean(lines[k]!));
}

const URL_IN_TEXT = /https?:\/\/[^\s<>"'()]+/giu;
/** Hosts whose second-level label is not the name the preview card prints. */
const HOST_ALIAS: Record<string, string> = { youtu: 'youtube', t: 'telegram', 'telegram.me': 'telegram' };

function hostKey(url: string): string | undefined {
  try {
    const labels = new URL(url).hostname.toLowerCase().replace(/^www\./, '').split('.');
    const key = labels.length >= 2 ? labels[labels.length - 2]! : labels[0]!;
    return HOST_ALIAS[key] ?? key;
  } catch {
    return undefined;
  }
}

function siteKey(line: string): string | undefined {
  const s = line.toLowerCase().replace(/\s+/g, '');
  if (!s || Array.from(s).length > 40) return undefined;
  const labels = /^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/.test(s) ? s.split('.') : undefined;
  return labels ? labels[labels.length - 2] : s;
}

/**
 * The link preview card copies as 1–4 lines after the text: the site name, the
 * page title, the description. It is recognised only when the site line names
 * the host of a URL earlier in the post ("arXiv.org" after an arxiv.org link,
 * "YouTube" after a youtu.be link); anything less certain stays body text.
 */
function splitPreview(raw: string[]): { body: string[]; preview?: LinkPreview } {
  const lines = [...raw];
  while (lines.length && !lines.at(-1)!.trim()) lines.pop();
  const n = lines.length;
  for (let k = Math.max(1, n - 4); k < n; k++) {
    const site = siteKey(clean(lines[k]!));
    if (!site || !clean(lines[k - 1]!) || lines.slice(k + 1).some((l) => !clean(l))) continue;
    const url = lines
      .slice(0, k)
      .flatMap((l) => l.match(URL_IN_TEXT) ?? [])
      .reverse()
      .find((u) => hostKey(u) === site);
    if (!url) continue;
    const [title, ...description] = lines.slice(k + 1).map(clean);
    return {
      body: lines.slice(0, k),
      preview: { url, site: clean(lines[k]!), title: title || undefined, description: description.join('\n') || undefined },
    };
  }
  return { body: raw };
}
