import { describe, expect, it } from 'vitest';
import { clearOfStems, search, type PagefindApi } from '../../src/search/client.ts';
import { buildAliasIndex } from '../../src/search/aliases.ts';

const aliases = buildAliasIndex([
  { ref: 'techniques/kv-cache', name: 'KV Cache', nameKo: 'KV 캐시', aliases: ['KV캐시'], description: '추론 캐시.' },
  { ref: 'models/deepseek', name: 'DeepSeek', nameKo: '딥시크', aliases: [], description: '중국 AI 회사.' },
]);

/** A source page of 10 real words and a 3-word stems block; `캐시` at 2 and in the block at 11. */
const source = {
  url: '/sources/a/',
  content: '가 나 캐시를 라 마 바 사 아 자 차 캐시 KV 카',
  word_count: 13,
  locations: [2, 10],
  excerpt: '… <mark>캐시</mark> KV 카',
  meta: { title: '출처 A', kbstems: '3' },
  filters: { kind: ['출처'] },
  sub_results: [
    { url: '/sources/a/#one', title: '하나', excerpt: '<mark>캐시를</mark>', locations: [2] },
    { url: '/sources/a/#last', title: '끝', excerpt: '<mark>캐시</mark> KV 카', locations: [10] },
  ],
};
const topicPage = { url: '/techniques/prefill/', content: '프리필 KV 캐시', word_count: 3, locations: [2], excerpt: 'x', meta: { title: 'Prefill' }, filters: { kind: ['기법'] } };

function fakePagefind(pages: object[], log: string[] = []): PagefindApi {
  return {
    async search(q, o) {
      log.push(`${q}|${JSON.stringify(o?.filters ?? {})}`);
      const kind = o?.filters?.kind;
      return {
        results: pages
          .filter((p: any) => !kind || p.filters.kind[0] === kind)
          .map((p: any, i) => ({ id: String(i), data: async () => (log.push(`data ${p.url}`), p) })),
      };
    },
  };
}

describe('search', () => {
  it('puts the named topic first, then Pagefind topic pages, then sources; each URL once', async () => {
    const log: string[] = [];
    const pf = fakePagefind([source, topicPage, { ...topicPage, url: '/techniques/kv-cache/' }], log);
    const { hits, total } = await search('KV캐시를', { pagefind: pf, aliases, kind: '', base: '/' });
    expect(hits.map((h) => h.url)).toEqual(['/techniques/kv-cache/', '/techniques/prefill/', '/sources/a/']);
    expect(hits.map((h) => h.kind)).toEqual(['기법', '기법', '출처']);
    expect(total).toBe(4);
    expect(log[0]).toBe('KV 캐시|{}'); // particle stripped, scripts split
  });
  it('filters by kind on both sides', async () => {
    const pf = fakePagefind([source, topicPage]);
    const { hits } = await search('KV 캐시', { pagefind: pf, aliases, kind: '출처', base: '/' });
    expect(hits.map((h) => h.url)).toEqual(['/sources/a/']);
  });
  it('keeps the base on topic URLs', async () => {
    const { hits } = await search('딥시크', { pagefind: fakePagefind([]), aliases, kind: '', base: '/kb' });
    expect(hits[0]!.url).toBe('/kb/models/deepseek/');
  });
  it('loads data for `limit` results only', async () => {
    const log: string[] = [];
    const pages = Array.from({ length: 30 }, (_, i) => ({ ...source, url: `/sources/${i}/` }));
    await search('캐시', { pagefind: fakePagefind(pages, log), aliases, kind: '', base: '/', limit: 10 });
    expect(log.filter((l) => l.startsWith('data')).length).toBe(10);
  });
  it('reports the named topics first, then each batch, without moving earlier hits', async () => {
    const pages = [source, ...Array.from({ length: 6 }, (_, i) => ({ ...source, url: `/sources/${i}/` })), topicPage];
    const updates: string[][] = [];
    const final = await search('KV 캐시', {
      pagefind: fakePagefind(pages), aliases, kind: '', base: '/', limit: 8, batch: 3,
      onUpdate: (r) => updates.push(r.hits.map((h) => h.url)),
    });
    expect(updates.map((u) => u.length)).toEqual([1, 4, 7]);
    for (const u of updates) expect(final.hits.map((h) => h.url).slice(0, u.length)).toEqual(u);
    // Within its batch, the topic page Pagefind found goes above the sources.
    expect(final.hits.map((h) => h.url).slice(7)).toEqual(['/techniques/prefill/', '/sources/5/']);
  });
  it('keeps section sub-results and excerpts out of the stems block', async () => {
    const { hits } = await search('캐시', { pagefind: fakePagefind([source]), aliases, kind: '', base: '/', excerptWords: 4 });
    const [hit] = hits;
    expect(hit!.excerpt).toBe('… 나 <mark>캐시를</mark> 라 마 …');
    expect(hit!.sub.map((s) => s.url)).toEqual(['/sources/a/#one']);
  });
});

describe('clearOfStems', () => {
  it('leaves an excerpt far from the block alone', () => {
    expect(clearOfStems({ ...source, locations: [2] } as never, [2], 'orig', 4)).toBe('orig');
  });
  it('escapes the words it rebuilds from', () => {
    const d = { ...source, content: '<b> 캐시 c d e f g h i j 캐시 x y' };
    expect(clearOfStems(d as never, [1, 10], 'orig', 4)).toBe('&lt;b&gt; <mark>캐시</mark> c d …');
  });
});
