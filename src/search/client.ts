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
  sub_results?: { url: string; title: string; excerpt: string }[];
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
  /** How many Pagefind results to load data for. */
  limit?: number;
}

export async function search(query: string, opts: SearchOptions): Promise<{ hits: SearchHit[]; total: number }> {
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
  const data = await Promise.all(results.slice(0, opts.limit ?? 20).map((r) => r.data()));
  const seen = new Set(topicHits.map((h) => h.url));
  const rest: SearchHit[] = [];
  for (const d of data) {
    if (seen.has(d.url)) continue;
    seen.add(d.url);
    const stemsOnly = fromStemBlock(d);
    rest.push({
      url: d.url,
      title: d.meta.title ?? d.url,
      kind: d.filters.kind?.[0] ?? '',
      excerpt: stemsOnly ? opening(d.content ?? '') : d.excerpt,
      excerptIsHtml: !stemsOnly,
      sub: (d.sub_results ?? []).filter((s) => s.url !== d.url && s.url.includes('#')).slice(0, 3),
    });
  }
  // Topic pages Pagefind found rank above the sources that merely mention them.
  const isTopic = (h: SearchHit) => h.kind !== SOURCE_LABEL && h.kind !== '';
  const ordered = [...rest.filter(isTopic), ...rest.filter((h) => !isTopic(h))];
  return { hits: [...topicHits, ...ordered], total: topicHits.length + results.length };
}

/** True when every match lies in the index-only block of stems (src/search/index-html.ts). */
function fromStemBlock(d: PagefindResultData): boolean {
  const n = Number(d.meta.kbstems ?? 0);
  if (!n || !d.locations?.length || d.word_count === undefined) return false;
  return Math.min(...d.locations) >= d.word_count - n;
}

function opening(content: string): string {
  const text = content.replace(/\s+/g, ' ').trim();
  return text.length > 160 ? text.slice(0, 160).replace(/\s\S*$/, '') + '…' : text;
}
