import { describe, expect, it } from 'vitest';
import {
  foldWithMap,
  isParticleChain,
  normaliseForMatch,
  scriptBoundarySplit,
  stripParticle,
} from '../../src/pipeline/link/korean.ts';

describe('isParticleChain', () => {
  it.each([
    ['는', true],
    ['를', true],
    ['에서는', true],
    ['만으로는', true],
    ['으로', true],
    ['이라는', true],
    ['와의', true],
    ['들의', true],
    ['되었습니다', true],
    ['링', false],
    ['러', false],
    ['', false],
    ['학습', false],
  ])('%s → %s', (rest, ok) => expect(isParticleChain(rest)).toBe(ok));
});

describe('stripParticle', () => {
  it.each([
    ['딥시크는', ['딥시크']],
    ['MoE를', ['MoE']],
    ['GPU는', ['GPU']],
    ['KV캐시를', ['KV캐시']],
    ['강화학습만으로는', ['강화학습만으로', '강화학습만', '강화학습']],
    ['트랜스포머', []],
    // short nouns that merely end in a particle-like syllable keep their form
    ['결과', []],
    ['국가', []],
    ['DeepSeek', []],
  ])('%s → %j', (word, stems) => expect(stripParticle(word)).toEqual(stems));
});

describe('scriptBoundarySplit', () => {
  it.each([
    ['KV캐시', 'KV 캐시'],
    ['GPU는', 'GPU 는'],
    ['강화학습(RL)으로', '강화학습(RL)으로'],
    ['H100칩 2개', 'H100 칩 2 개'],
    ['DeepSeek-V3', 'DeepSeek-V3'],
  ])('%s → %s', (input, out) => expect(scriptBoundarySplit(input)).toBe(out));
});

describe('normaliseForMatch', () => {
  it.each([
    ['KV 캐시', 'kv캐시'],
    ['KV캐시', 'kv캐시'],
    ['ＧＰＵ　클러스터', 'gpu클러스터'],
    ['Mixture  of\nExperts', 'mixture of experts'],
    ['강화 학습', '강화학습'],
    ['DeepSeek\u2011V3', 'deepseek-v3'],
    ['Deep\u200bSeek', 'deepseek'],
    // decomposed Hangul (NFD, as some macOS copies produce) composes
    ['딥시크'.normalize('NFD'), '딥시크'],
  ])('%j → %s', (input, out) => expect(normaliseForMatch(input)).toBe(out));

  it('keeps spaces when asked (search tokenising)', () => {
    expect(normaliseForMatch('KV 캐시  를', { foldSpaces: false })).toBe('kv 캐시 를');
  });

  it('maps folded offsets back to the original and marks removed spaces', () => {
    const src = 'ＫＶ 캐시를';
    const f = foldWithMap(src);
    expect(f.folded).toBe('kv캐시를');
    expect(f.cased).toBe('KV캐시를');
    expect(f.start[2]).toBe(3); // 캐 after the removed space
    expect(f.gap[2]).toBe(1);
    const nfd = '딥시크'.normalize('NFD') + '는';
    const g = foldWithMap(nfd);
    expect(g.folded).toBe('딥시크는');
    expect(nfd.slice(g.start[0], g.end[2])).toBe('딥시크'.normalize('NFD'));
  });
});
