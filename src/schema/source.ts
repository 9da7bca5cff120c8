/**
 * The content model of generated source entries: `content/sources/<id>.mdx`,
 * written by the ingest from `SourceRecord` (src/pipeline/types.ts) plus the
 * topic mentions the linker found. One base schema, one variant per source kind.
 */
import { z } from 'zod';

const sourceDate = z.object({
  /** ISO 8601; see DatePrecision in src/pipeline/types.ts. */
  iso: z.string().regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}([+-]\d{2}:\d{2}|Z)?)?$/),
  precision: z.enum(['exact', 'local', 'day']),
});
export type SourceDateData = z.infer<typeof sourceDate>;

const externalLink = z.object({
  url: z.string(),
  label: z.string(),
  type: z.enum(['arxiv', 'youtube', 'github', 'huggingface', 'x', 'telegram', 'web']),
});

/** One topic a source mentions, as found by the linker (src/pipeline/link/). */
export const mention = z.object({
  /** `<kind>/<slug>` of the topic. */
  ref: z.string(),
  /** How many times the source mentions it. */
  count: z.number().int().positive(),
  /** Up to three passages around the mentions, plain text, with the heading of their section. */
  passages: z.array(z.object({ text: z.string(), section: z.string().optional() })),
  /** True when a heading of the source is about this topic: the section is a key passage for it. */
  headingMatch: z.boolean(),
});
export type MentionData = z.infer<typeof mention>;

const base = z.object({
  /** Hash of the rest of the file as the ingest wrote it; a mismatch means a person edited the file. */
  generatedHash: z.string().optional(),
  /** Permalink id: the page is `/sources/<id>/`. */
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*(\/[a-z0-9]+(-[a-z0-9]+)*)*$/),
  format: z.string(),
  /** Headline: paper title, digest item title, first line of a post. */
  title: z.string().min(1),
  date: sourceDate.optional(),
  origin: z.object({ name: z.string(), url: z.string().optional() }),
  author: z.string().optional(),
  /** The original's URL. */
  url: z.string().optional(),
  links: z.array(externalLink).default([]),
  tags: z.array(z.string()).default([]),
  lang: z.string().default('ko'),
  provenance: z.object({ file: z.string(), location: z.string() }),
  mentions: z.array(mention).default([]),
});

const mediaItem = z.object({
  type: z.string(),
  path: z.string().optional(),
  name: z.string().optional(),
  missing: z.string().optional(),
  width: z.number().optional(),
  height: z.number().optional(),
  mime: z.string().optional(),
});

export const telegramSource = base.extend({
  kind: z.literal('telegram'),
  telegram: z.object({
    channel: z.string().optional(),
    channelTitle: z.string(),
    chatId: z.string().regex(/^\d+$/).optional(),
    messageId: z.number().int().optional(),
    partIds: z.array(z.number().int()).optional(),
    forwardedFrom: z.string().optional(),
    replyTo: z.object({ messageId: z.number().int().optional(), text: z.string().optional(), url: z.string().optional() }).optional(),
    reactions: z.array(z.object({ emoji: z.string(), count: z.number() })).optional(),
    views: z.string().optional(),
    edited: sourceDate.optional(),
    media: z.array(mediaItem).optional(),
    signature: z.string().optional(),
  }),
});

export const reviewSource = base.extend({
  kind: z.literal('review'),
  review: z.object({
    originalSlug: z.string(),
    authors: z.array(z.string()).optional(),
    arxivId: z.string().optional(),
    updated: sourceDate.optional(),
    generator: z.enum(['nextjs-flight', 'nextjs-html', 'jekyll-html']),
  }),
});

export const digestSource = base.extend({
  kind: z.literal('digest'),
  digest: z.object({
    newsletter: z.string().optional(),
    position: z.number().int().positive(),
    lostLinkLabels: z.array(z.string()).optional(),
    keyTerms: z.array(z.string()).optional(),
  }),
});

export const sourceSchema = z.discriminatedUnion('kind', [telegramSource, reviewSource, digestSource]);
export type SourceData = z.infer<typeof sourceSchema>;
export type TelegramSource = z.infer<typeof telegramSource>;
export type ReviewSource = z.infer<typeof reviewSource>;
export type DigestSource = z.infer<typeof digestSource>;
export const isTelegramSource = (s: SourceData): s is TelegramSource => s.kind === 'telegram';
export const isReviewSource = (s: SourceData): s is ReviewSource => s.kind === 'review';
export const isDigestSource = (s: SourceData): s is DigestSource => s.kind === 'digest';

/** Korean labels of the source kinds. */
export const SOURCE_KIND_LABEL_KO = { telegram: '텔레그램', review: '논문 리뷰', digest: '뉴스레터' } as const;
