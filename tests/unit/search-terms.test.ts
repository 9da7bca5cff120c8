import { describe, expect, it } from 'vitest';
import { editDistance, extraIndexTerms, normaliseQuery, queryKeys, searchKey } from '../../src/search/terms.ts';
import { buildAliasIndex, lookupTopics } from '../../src/search/aliases.ts';

describe('searchKey', () => {
  it.each([
    ['KV 캐시', 'kv캐시'],
    ['KV캐시', 'kv캐시'],
    ['Mixture-of-Experts', 'mixtureofexperts'],
    ['mixture of experts', 'mixtureofexperts'],
    ['ＤｅｅｐＳｅｅｋ-V3', 'deepseekv3'],
    ['GPT-4.5', 'gpt45'],
  ])('%s → %s', (input, out) => expect(searchKey(input)).toBe(out));
});

describe('normaliseQuery', () => {
  it.each([
    ['딥시크는', '딥시크'],
    ['KV캐시를', 'KV 캐시'],
    ['MoE를 쓰는 모델', 'MoE 쓰는 모델'],
    ['mixture of experts', 'mixture of experts'],
  ])('%s → %s', (input, out) => expect(normaliseQuery(input)).toBe(out));
});

describe('queryKeys', () => {
  it('adds the query without a trailing particle', () => {
    expect(queryKeys('딥씨크는')).toEqual(['딥씨크는', '딥씨크']);
    expect(queryKeys('KV 캐시를')).toEqual(['kv캐시를', 'kv캐시']);
  });
});

describe('extraIndexTerms', () => {
  it('adds stems and script splits that are not already words', () => {
    expect(extraIndexTerms('모델을 학습했다. KV캐시는 줄었다. 모델')).toEqual(['학습했', '학습', 'KV', '캐시는', '캐시', '줄었']);
  });
});

describe('editDistance', () => {
  it.each([
    ['mixture', 'mixtrue', 2, 2],
    ['kitten', 'sitting', 3, 3],
    ['abc', 'abc', 1, 0],
    ['abcdef', 'a', 1, 2],
  ])('%s/%s', (a, b, max, d) => expect(editDistance(a, b, max)).toBe(d));
});

describe('lookupTopics', () => {
  const index = buildAliasIndex([
    { ref: 'models/deepseek', name: 'DeepSeek', nameKo: '딥시크', aliases: ['딥씨크'], description: 'd1' },
    { ref: 'techniques/kv-cache', name: 'KV Cache', nameKo: 'KV 캐시', aliases: ['KV캐시'], description: 'd2' },
    { ref: 'techniques/mixture-of-experts', name: 'Mixture of Experts', nameKo: '전문가 혼합', aliases: ['MoE'], description: 'd3' },
  ]);
  it.each([
    ['딥씨크는', '/models/deepseek/', 0.9],
    ['DEEPSEEK', '/models/deepseek/', 1],
    ['kv캐시', '/techniques/kv-cache/', 1],
    ['KV 캐시를', '/techniques/kv-cache/', 0.9],
    ['mixtrue of experts', '/techniques/mixture-of-experts/', 0.7],
    ['MoE를', '/techniques/mixture-of-experts/', 0.9],
  ])('%s → %s', (q, url, score) => {
    const hits = lookupTopics(index, q);
    expect(hits[0]?.topic.u).toBe(url);
    expect(hits[0]?.score).toBe(score);
  });
  it('finds topics named inside a longer query', () => {
    expect(lookupTopics(index, '딥시크의 MoE 구조').map((h) => h.topic.u)).toEqual(['/models/deepseek/', '/techniques/mixture-of-experts/']);
  });
  it('finds nothing for unrelated words', () => {
    expect(lookupTopics(index, '날씨')).toEqual([]);
  });
});
