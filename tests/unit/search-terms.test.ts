import { describe, expect, it } from 'vitest';
import { editDistance, extraIndexTerms, jamoForm, normaliseQuery, queryKeys, searchKey, typoBudget } from '../../src/search/terms.ts';
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
  it('drops a trailing particle written apart, but not a trailing noun', () => {
    expect(queryKeys('GPU 는')).toContain('gpu');
    expect(queryKeys('엔비디아 주가')).toEqual(['엔비디아주가']);
  });
});

describe('extraIndexTerms', () => {
  it('adds stems and script splits that are not already words', () => {
    expect(extraIndexTerms('모델을 학습했다. KV캐시는 줄었다. 모델')).toEqual(['학습했', '학습', 'KV', '캐시는', '캐시', '줄었']);
  });
});

describe('jamoForm / typoBudget', () => {
  it('spells syllables as jamo, leaves other characters', () => {
    expect(jamoForm('딥식')).toHaveLength(6);
    expect(jamoForm('kv캐시')).toBe('kv' + jamoForm('캐시'));
    expect(editDistance(jamoForm('딥식'), jamoForm('딥시크'), 3)).toBe(2);
    expect(editDistance(jamoForm('트렌스포머'), jamoForm('트랜스포머'), 3)).toBe(1);
  });
  it.each([
    ['완전', '원전', 0], // two two-syllable words: a different word, not a slip
    ['딥식', '딥시크', 2],
    ['앤비디아', '엔비디아', 2],
    ['training', 'trainium', 1],
    ['abc', 'abd', 0],
    ['reinforcmentlearning', 'reinforcementlearning', 2],
  ])('%s/%s → %i', (a, b, n) => expect(typoBudget(a, b, jamoForm(a), jamoForm(b))).toBe(n));
});

describe('editDistance', () => {
  it.each([
    ['mixture', 'mixtrue', 2, 1], // a transposition is one slip
    ['ab', 'ba', 1, 1],
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
    ['mixtrue of experts', '/techniques/mixture-of-experts/', 0.8],
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

describe('lookupTopics: typos, parts of names, runs of words', () => {
  const t = (ref: string, name: string, nameKo: string, aliases: string[] = []) => ({ ref, name, nameKo, aliases, description: '' });
  const index = buildAliasIndex([
    t('models/deepseek', 'DeepSeek', '딥시크'),
    t('techniques/transformer', 'Transformer', '트랜스포머'),
    t('techniques/attention-mechanism', 'Attention Mechanism', '어텐션 메커니즘'),
    t('techniques/sparse-attention', 'Sparse Attention', '희소 어텐션'),
    t('techniques/linear-attention', 'Linear Attention', '선형 어텐션'),
    t('techniques/softmax-attention', 'Softmax Attention', '소프트맥스 어텐션'),
    t('techniques/cross-attention', 'Cross-Attention', '크로스 어텐션'),
    t('techniques/machine-unlearning', 'Machine Unlearning', '머신 언러닝', ['기계 언러닝']),
    t('infra/hbm', 'HBM', '고대역폭 메모리'),
    t('infra/h100', 'H100', '엔비디아 H100'),
    t('infra/trainium', 'Trainium', '트레이늄'),
    t('infra/nuclear-power', 'Nuclear Power', '원자력 발전', ['원전']),
    t('policy/us-chip-export-controls', 'US Chip Export Controls', '미국 반도체 수출 통제', ['반도체 수출 규제']),
  ]);
  const first = (q: string) => lookupTopics(index, q)[0]?.topic.u;
  it.each([
    ['딥식', '/models/deepseek/'],
    ['트렌스포머', '/techniques/transformer/'],
    ['transfomer', '/techniques/transformer/'],
    ['어텐션', '/techniques/attention-mechanism/'], // the name that starts with it; the many that end with it are kinds of it
    ['언러닝', '/techniques/machine-unlearning/'],
    ['HBM3E', '/infra/hbm/'],
    ['H100 수출 규제', '/policy/us-chip-export-controls/'], // head-final: the run that ends the query wins
    ['엔비디아 H100의 가격', '/infra/h100/'],
  ])('%s → %s', (q, url) => expect(first(q)).toBe(url));
  it('ranks a part of a name below the whole name', () => {
    const [hit] = lookupTopics(index, '어텐션');
    expect(hit!.score).toBeLessThan(0.9);
    expect(lookupTopics(index, '어텐션').map((h) => h.topic.u)).toEqual(['/techniques/attention-mechanism/']);
  });
  it('does not take a real word for a typo of a short name', () => {
    expect(lookupTopics(index, '완전')).toEqual([]);
    expect(lookupTopics(index, 'training')).toEqual([]);
  });
  it('leaves short or ambiguous parts to Pagefind', () => {
    expect(lookupTopics(index, '메모')).toEqual([]);
    expect(lookupTopics(index, '소트')).toEqual([]);
  });
  it('costs little on a pasted paragraph', () => {
    const words = Array.from({ length: 300 }, (_, i) => `단어${i}`).join(' ');
    const t0 = performance.now();
    lookupTopics(index, words);
    expect(performance.now() - t0).toBeLessThan(500);
  });
});
