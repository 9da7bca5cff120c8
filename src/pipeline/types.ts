/**
 * The contracts of the ingest pipeline.
 *
 *   detect → parse (one adapter per input format) → normalise → link topics → emit
 *
 * Every adapter turns one raw file into `SourceRecord`s. Everything after the
 * adapters (topic linking, MDX emission, the site) works on `SourceRecord` only
 * and never looks at an input format again.
 */
import type { Root as MdastRoot } from 'mdast';

/** The three families of sources the site knows. */
export type SourceKind = 'telegram' | 'digest' | 'review';

/** Adapter ids: one per raw input format. */
export type FormatId =
  | 'telegram-text' // select-all text copy of a t.me/s/<channel> page (seed 001)
  | 'telegram-web' // saved t.me/s/<channel> HTML page
  | 'telegram-json' // Telegram Desktop export, result.json (single chat or full account)
  | 'telegram-html' // Telegram Desktop export, messages*.html
  | 'digest-markdown' // newsletter digest saved as Markdown (seed 002)
  | 'review-flight' // Next.js RSC flight payload, index.txt (seed 003, corpus)
  | 'review-html'; // rendered review page: Next.js or Jekyll index.html

/**
 * How much we know about a date.
 * - `exact`: an instant with a known UTC offset (`2025-10-01T14:04:08+09:00`).
 * - `local`: wall-clock time without a known offset (`2020-01-05T10:00:00`).
 * - `day`: only a calendar day (`2025-10-01`).
 */
export type DatePrecision = 'exact' | 'local' | 'day';

export interface SourceDate {
  /** ISO 8601. `exact`: `YYYY-MM-DDTHH:MM:SS±HH:MM`; `local`: `YYYY-MM-DDTHH:MM:SS`; `day`: `YYYY-MM-DD`. */
  iso: string;
  precision: DatePrecision;
}

/** A link the original carried: the paper, its code, a video… */
export interface ExternalLink {
  url: string;
  /** Visible label as in the source (`논문 PDF로 바로 열기`, `paper`). */
  label: string;
  /** Classified from the URL host: arxiv, youtube, github, huggingface, x, telegram, web. */
  type: LinkType;
}
export type LinkType = 'arxiv' | 'youtube' | 'github' | 'huggingface' | 'x' | 'telegram' | 'web';

/** A photo, video or file attached to a post. */
export interface MediaItem {
  type: 'photo' | 'video' | 'animation' | 'sticker' | 'voice' | 'audio' | 'file' | 'poll' | 'location' | 'contact' | 'other';
  /** Path relative to the raw file's folder when the file is in the export; absent when not included. */
  path?: string;
  /** File name, title or a short human description ("사진 1280×720"). */
  name?: string;
  /** Why the file is missing, in the exporter's words, when it is. */
  missing?: string;
  width?: number;
  height?: number;
  mime?: string;
}

export interface Reaction {
  /** The emoji, `custom:<fallback emoji or id>`, `paid`, or `unknown:<type>`. */
  emoji: string;
  count: number;
}

/** Telegram-specific facts about a post. */
export interface TelegramMeta {
  /** Public username of the channel (no `@`) when known. */
  channel?: string;
  /** Channel title. */
  channelTitle: string;
  /**
   * The chat's numeric id (bare, no `-100`) when the input has it (Desktop JSON). The
   * ingest uses it to keep one channel key for the channel across exports, whether or
   * not a later export reveals its username.
   */
  chatId?: string;
  /** Message id in the channel (the t.me post number) when known. */
  messageId?: number;
  /** All message ids this record was joined from (long posts split by Telegram, albums). */
  partIds?: number[];
  forwardedFrom?: string;
  /** Id (and, if known, the permalink id of the record) of the replied-to post. */
  replyTo?: { messageId?: number; text?: string; url?: string };
  reactions?: Reaction[];
  views?: string;
  edited?: SourceDate;
  media?: MediaItem[];
  /** Post signature (author) when the channel signs posts. */
  signature?: string;
}

export interface ReviewMeta {
  /** The blog post slug as published (`2025-10-23-Every_Attention_Matters_…`). */
  originalSlug: string;
  /** Paper authors as listed in the `저자:` line. */
  authors?: string[];
  /** arXiv id (`2510.19338`) when the review links one. */
  arxivId?: string;
  /** Last-modified date (`수정:`/`Updated:`). */
  updated?: SourceDate;
  /** The page generator the review came from. */
  generator: 'nextjs-flight' | 'nextjs-html' | 'jekyll-html';
}

export interface DigestMeta {
  /** Newsletter name when known (`LLM Watch`). */
  newsletter?: string;
  /** Position of the item in its digest (1-based, research items only). */
  position: number;
  /** Link labels whose URLs were lost in the copy: `paper`, `code`, `demo`. */
  lostLinkLabels?: string[];
  /** Bold key terms of the item (topic-extraction hints). */
  keyTerms?: string[];
}

/**
 * The one normalised record every adapter produces.
 *
 * `id` is the permalink: `/sources/<id>/`. It must be stable: derived from
 * what identifies the item in the world (channel + message id, a review's slug,
 * a digest item's title), never from its position in a file.
 * Allowed characters: `a-z 0-9 - /` (ASCII kebab-case segments joined by `/`).
 */
export interface SourceRecord {
  id: string;
  kind: SourceKind;
  format: FormatId;
  /** Headline: the paper title, the digest item title, a post's first line. */
  title: string;
  date?: SourceDate;
  /** Where it was published: channel, newsletter, blog. */
  origin: { name: string; url?: string };
  /** Person who wrote it, when known. */
  author?: string;
  /** The original's own URL (post permalink, review page). */
  url?: string;
  /** Links the source points at, de-duplicated, in order of appearance. */
  links: ExternalLink[];
  /** Tags as given by the source (review tags, hashtags). */
  tags: string[];
  /** Lang of the text body: `ko`, `en`, … (best guess; `ko` when mixed with Hangul). */
  lang: string;
  /**
   * The body as Markdown AST (mdast). Allowed nodes only:
   * block: paragraph, heading (depth 2–4), blockquote, list, listItem, code, thematicBreak, math, table/tableRow/tableCell;
   * inline: text, strong, emphasis, delete, inlineCode, link, break, inlineMath.
   * No `html`, `mdxJsxFlowElement`, `image` or other node: adapters turn anything else into these.
   */
  body: MdastRoot;
  telegram?: TelegramMeta;
  review?: ReviewMeta;
  digest?: DigestMeta;
  /** Where it came from, for error messages and provenance: file relative to `content/raw/`, and a location inside it. */
  provenance: { file: string; location: string };
}

/** A raw input, as adapters see it. */
export interface RawFile {
  /** Path relative to the raw root (`content/raw`), with `/` separators. */
  path: string;
  /** Absolute path on disk (for streaming readers and sibling files). */
  absPath: string;
  /** The whole file as text, unless it is too big to read at once (then `undefined`: stream `absPath`). */
  text?: string;
  /** The first 64 KiB, always present: for detection. */
  head: string;
  /** Size in bytes. */
  size: number;
}

/** What an adapter produces for one raw file (or one group of files, e.g. messages.html + messages2.html). */
export interface ParseResult {
  /**
   * The records, in input order. Streaming adapters (huge exports) may return an
   * async iterable instead: consumers `for await` it, and `skipped`/`warnings` are
   * complete only once it has been fully iterated.
   */
  records: SourceRecord[] | AsyncIterable<SourceRecord>;
  /** Things deliberately left out, with a reason (a sponsor block, a service message). Reported, never silent. */
  skipped: { location: string; reason: string }[];
  /** Recoverable oddities (unknown entity type…): reported, not fatal. */
  warnings: { location: string; message: string }[];
}

export interface Adapter {
  id: FormatId;
  /**
   * How sure the adapter is that `file` is its format, from content (never the
   * file name alone): 0 = no, 1 = certain. The best score ≥ 0.5 wins.
   */
  detect(file: RawFile): number;
  /**
   * `directory`: the format spans several files (Telegram HTML export pages); all
   * files of one directory detected as this format are parsed by one call,
   * `parse(first, all)`, `all` sorted by path (the adapter orders them as it needs).
   */
  grouping?: 'file' | 'directory';
  /**
   * Parse one file. `group` holds the other files of the same input set when the
   * format spans files (Telegram HTML export pages); adapters that do not need it ignore it.
   * Throw `IngestError` for malformed input, naming the place.
   */
  parse(file: RawFile, group?: RawFile[]): Promise<ParseResult> | ParseResult;
}

/** A malformed input: the message names the file and the place (line, message id, byte offset). */
export class IngestError extends Error {
  readonly file: string;
  readonly location: string;
  constructor(file: string, location: string, message: string) {
    super(`${file}${location ? ` (${location})` : ''}: ${message}`);
    this.name = 'IngestError';
    this.file = file;
    this.location = location;
  }
}
