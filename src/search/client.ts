/**
 * The search page's engine, in the browser: topic names first, then Pagefind.
 *
 * 1. The topic name index (aliases.ts, one small JSON file) answers queries
 *    that name a topic — any alias, any case, with or without spaces or a
 *    particle, with a typo — so the topic page comes first at any site size.
 * 2. Pagefind gets the query normalised the same way the index was augmented
 *    (terms.ts): particles stripped, script boundaries split. If that finds
 *    nothing, the query as typed is tried too.
 */
import { lookupTopics, type AliasIndex } from './aliases.ts';
import { normaliseQuery } from './terms.ts';

export const KIND_LABEL: Record<string, string> = { models: '모델', techniques: '기법', infra: '인프라', policy: '정책' };
export const SOURCE_LABEL = '출처';

export interface SearchHit {
  url: string;
  title: string;
  /** 모델 / 기법 / 인프라 / 정책 / 출처 */
  kind: string;
  /** HTML from Pagefind (only <mark> is kept by the page), or plain text for topic-name hits. */
  excerpt: string;
  excerptIsHtml: boolean;
  sub: { url: string; title: string; excerpt: string }[];
}

interface PagefindResultData {
  url: string;
  excerpt: string;
  content?: string;
  word_count?: number;
  locations?: number[];
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sub_results?: { url: string; title: string; excerpt: string; locations?: number[] }[];
}
export interface PagefindApi {
  search(q: string, opts?: { filters?: Record<string, string> }): Promise<{ results: { id: string; data(): Promise<PagefindResultData> }[] } | null>;
}

export interface SearchOptions {
  pagefind: PagefindApi;
  aliases: AliasIndex;
  /** Korean kind label to filter by, or '' for all. */
  kind: string;
  /** Site base path (`/`, `/kb/`): topic URLs in the alias index are base-less. */
  base: string;
  /** How many Pagefind results to load data for (one fragment request each). */
  limit?: number;
  /** Pagefind's `excerptLength`, in words. */
  excerptWords?: number;
  /** Results are loaded in batches of this many; each batch is reported (`onUpdate`) before the next. */
  batch?: number;
  /**
   * Called with the results so far — the named topics as soon as Pagefind has
   * counted its results, then after each batch — so the best ones are on screen
   * while the rest load. Earlier hits keep their places: later batches only append.
   */
  onUpdate?: (partial: SearchResult) => void;
}

export interface SearchResult {
  hits: SearchHit[];
  total: number;
}

export async function search(query: string, opts: SearchOptions): Promise<SearchResult> {
  const q = query.trim();
  if (!q) return { hits: [], total: 0 };
  const base = opts.base.replace(/\/?$/, '/');
  const topicHits = lookupTopics(opts.aliases, q)
    .filter((h) => !opts.kind || KIND_LABEL[h.topic.t] === opts.kind)
    .map<SearchHit>((h) => ({
      url: base + h.topic.u.replace(/^\//, ''),
      title: h.topic.k ? `${h.topic.n} (${h.topic.k})` : h.topic.n,
      kind: KIND_LABEL[h.topic.t] ?? '',
      excerpt: h.topic.d,
      excerptIsHtml: false,
      sub: [],
    }));
  const filters = opts.kind ? { filters: { kind: opts.kind } } : {};
  const normalised = normaliseQuery(q);
  let found = await opts.pagefind.search(normalised, filters);
  if ((!found || found.results.length === 0) && normalised !== q) found = await opts.pagefind.search(q, filters);
  const results = found?.results ?? [];
  const total = topicHits.length + results.length;
  const hits = [...topicHits];
  if (hits.length) opts.onUpdate?.({ hits: [...hits], total });
  const seen = new Set(topicHits.map((h) => h.url));
  const words = opts.excerptWords ?? 40;
  const wanted = results.slice(0, opts.limit ?? 10);
  const size = opts.batch ?? wanted.length;
  for (let at = 0; at < wanted.length; at += size) {
    const batch = await Promise.all(wanted.slice(at, at + size).map((r) => r.data()));
    hits.push(...topicsFirst(batch.flatMap((d) => (seen.has(d.url) ? [] : (seen.add(d.url), [toHit(d, words)])))));
    if (at + size < wanted.length) opts.onUpdate?.({ hits: [...hits], total });
  }
  return { hits, total };
}

/** Topic pages Pagefind found rank above the sources that merely mention them. */
function topicsFirst(hits: SearchHit[]): SearchHit[] {
  const isTopic = (h: SearchHit) => h.kind !== SOURCE_LABEL && h.kind !== '';
  return [...hits.filter(isTopic), ...hits.filter((h) => !isTopic(h))];
}

function toHit(d: PagefindResultData, words: number): SearchHit {
  const stemsOnly = fromStemBlock(d);
  return {
    url: d.url,
    title: d.meta.title ?? d.url,
    kind: d.filters.kind?.[0] ?? '',
    excerpt: stemsOnly ? opening(d.content ?? '') : clearOfStems(d, d.locations, d.excerpt, words),
    excerptIsHtml: !stemsOnly,
    sub: (d.sub_results ?? [])
      .filter((s) => s.url !== d.url && s.url.includes('#') && !inStemBlock(d, s.locations))
      .slice(0, 3)
      .map(({ url, title, excerpt, locations }) => ({ url, title, excerpt: clearOfStems(d, locations, excerpt, words) })),
};
}

/** True when every match lies in the index-only block of stems (src/search/index-html.ts). */
function fromStemBlock(d: PagefindResultData): boolean {
  return inStemBlock(d, d.locations);
}

/** The block is the page's last words, so it falls into its last section: a match only there is no section match. */
function inStemBlock(d: PagefindResultData, locations: number[] | undefined): boolean {
  const n = Number(d.meta.kbstems ?? 0);
  if (!n || !locations?.length || d.word_count === undefined) return false;
  return Math.min(...locations) >= d.word_count - n;
}

/**
 * Pagefind centres an excerpt on the densest run of matches, and the stems block
 * is made of matches: a window near the end of a page runs into it and shows a
 * list of stems. Such an excerpt is rebuilt from the page's words before the block
 * (Pagefind's own word split and locations), with the matches marked.
 */
export function clearOfStems(d: PagefindResultData, locations: number[] | undefined, excerpt: string, length: number): string {
  const n = Number(d.meta.kbstems ?? 0);
  if (!n || d.word_count === undefined || !locations?.length || d.content === undefined) return excerpt;
  const limit = d.word_count - n;
  if (Math.max(...locations) < limit - length) return excerpt;
  const real = locations.filter((l) => l < limit).sort((a, b) => a - b);
  if (!real.length) return excerpt;
  // The window (of `length` words, ending before the block) holding most matches, its first match a little in.
  let best = real[0]!;
  let most = 0;
  for (let i = 0, j = 0; i < real.length; i++) {
    while (j < real.length && real[j]! < real[i]! + length) j++;
    if (j - i > most) [most, best] = [j - i, real[i]!];
  }
  const start = Math.max(0, Math.min(best - Math.floor(length / 4), limit - length));
  const end = Math.min(limit, start + length);
  const marked = new Set(real);
  const esc = (w: string) => w.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const text = d.content.split(/[^\S\uFEFF]+/g);
  const out: string[] = [];
  for (let i = start; i < end; i++) out.push(marked.has(i) ? `<mark>${esc(text[i] ?? '')}</mark>` : esc(text[i] ?? ''));
  return (start > 0 ? '… ' : '') + out.join(' ') + (end < limit ? ' …' : '');
}

function opening(content: string): string {
  const text = content.replace(/\s+/g, ' ').trim();
  return text.length > 160 ? text.slice(0, 160).replace(/\s\S*$/, '') + '…' : text;
}
