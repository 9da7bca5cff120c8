import { describe, expect, it } from 'vitest';
import { buildMatcher, separatorVariants, topicTerms, type TopicTerms } from '../../src/pipeline/link/matcher.ts';

const t = (ref: string, names: string[], extra: Partial<TopicTerms> = {}): TopicTerms => ({
  ref,
  names,
  caseSensitive: [],
  exclude: [],
  ...extra,
});

const TOPICS: TopicTerms[] = [
  t('techniques/mixture-of-experts', ['Mixture of Experts', '전문가 혼합', 'MoE']),
  t('techniques/reinforcement-learning', ['Reinforcement Learning', '강화학습', 'RL']),
  t('techniques/rlhf', ['RLHF', '인간 피드백 강화학습']),
  t('techniques/kv-cache', ['KV cache', 'KV 캐시', '키-값 캐시']),
  t('techniques/grpo', ['GRPO']),
  t('models/deepseek-v3', ['DeepSeek-V3', '딥시크 V3']),
  t('models/deepseek-r1', ['DeepSeek-R1', 'R1']),
  t('infra/deepseek', ['DeepSeek', '딥시크', '딥씨크']),
  t('models/o1', ['o1', 'OpenAI o1']),
  t('models/qwen2', ['Qwen2']),
  t('infra/lean', ['Lean'], { caseSensitive: ['Lean'], exclude: ['Lean startup'] }),
  t('models/operator', ['Operator', '오퍼레이터'], { caseSensitive: ['Operator'] }),
  t('techniques/language-model', ['language model', '언어 모델', '모델']),
  t('infra/gpu', ['GPU']),
  t('infra/h100', ['H100', 'NVIDIA H100']),
];
const matcher = buildMatcher(TOPICS);
const find = (text: string) => matcher.find(text).map((m) => [m.ref, m.surface]);

describe('buildMatcher: positives', () => {
  it.each<[string, string[][]]>([
    ['MoE를 쓴다', [['techniques/mixture-of-experts', 'MoE']]],
    ['딥씨크는 중국 회사', [['infra/deepseek', '딥씨크']]],
    ['딥시크가 공개한', [['infra/deepseek', '딥시크']]],
    ['강화학습(RL)으로 훈련', [['techniques/reinforcement-learning', '강화학습'], ['techniques/reinforcement-learning', 'RL']]],
    ['RL(강화학습)만으로도', [['techniques/reinforcement-learning', 'RL'], ['techniques/reinforcement-learning', '강화학습']]],
    ['KV캐시가 줄어든다', [['techniques/kv-cache', 'KV캐시']]],
    ['KV 캐시(Key-Value)', [['techniques/kv-cache', 'KV 캐시']]],
    ['the KV-cache grows', [['techniques/kv-cache', 'KV-cache']]],
    ['강화 학습을 통해', [['techniques/reinforcement-learning', '강화 학습']]],
    ['a sparse mixture of experts layer', [['techniques/mixture-of-experts', 'mixture of experts']]],
    ['Mixture-of-Experts와 유사한', [['techniques/mixture-of-experts', 'Mixture-of-Experts']]],
    ['전문가 혼합(Mixture-of-Experts)', [['techniques/mixture-of-experts', '전문가 혼합'], ['techniques/mixture-of-experts', 'Mixture-of-Experts']]],
    ['GPU는 비싸다', [['infra/gpu', 'GPU']]],
    ['GPU클러스터', [['infra/gpu', 'GPU']]],
    ['o1과 o1급 모델', [['models/o1', 'o1'], ['models/o1', 'o1'], ['techniques/language-model', '모델']]],
    ['DeepSeek-V3는 MoE이다', [['models/deepseek-v3', 'DeepSeek-V3'], ['techniques/mixture-of-experts', 'MoE']]],
    ['deepseek v3에서 시작', [['models/deepseek-v3', 'deepseek v3']]],
    ['DeepSeek\u2011V3', [['models/deepseek-v3', 'DeepSeek\u2011V3']]],
    ['엔비디아 NVIDIA H100 GPU', [['infra/h100', 'NVIDIA H100'], ['infra/gpu', 'GPU']]],
    ['Lean이란?', [['infra/lean', 'Lean']]],
    ['Operator를 공개했다', [['models/operator', 'Operator']]],
    ['RL, RLHF, GRPO.', [['techniques/reinforcement-learning', 'RL'], ['techniques/rlhf', 'RLHF'], ['techniques/grpo', 'GRPO']]],
    ['SFT/RL 파이프라인', [['techniques/reinforcement-learning', 'RL']]],
    ['GRPO 코드: https://github.com/x/grpo 참고', [['techniques/grpo', 'GRPO']]],
    ['“RL”만으로도', [['techniques/reinforcement-learning', 'RL']]],
    ['이 모델은 좋다', [['techniques/language-model', '모델']]],
    ['모델만으로는 부족', [['techniques/language-model', '모델']]],
    ['언어 모델의 한계', [['techniques/language-model', '언어 모델']]],
    ['언어모델의 한계', [['techniques/language-model', '언어모델']]],
    ['ＧＰＵ와 ＫＶ캐시', [['infra/gpu', 'ＧＰＵ'], ['techniques/kv-cache', 'ＫＶ캐시']]],
    ['Qwen2 and Qwen2-7B', [['models/qwen2', 'Qwen2'], ['models/qwen2', 'Qwen2']]],
  ])('%s', (text, expected) => expect(find(text)).toEqual(expected));
});

describe('buildMatcher: negatives', () => {
  const RL = 'techniques/reinforcement-learning';
  const LM = 'techniques/language-model';
  it.each([
    ['URL을 복사', RL, 'RL inside URL'],
    ['CURL, RLVR', RL, 'RL touching letters'],
    ['arXiv 2501.12599 참고', 'models/o1', 'digits of an arXiv id'],
    ['o10 없음', 'models/o1', 'o1 inside o10'],
    ['Search-R1 에이전트', 'models/deepseek-r1', 'R1 glued to a hyphenated name'],
    ['V3 단독', 'models/deepseek-v3', 'no bare V3 alias'],
    ['Qwen2.5-7B', 'models/qwen2', 'Qwen2 inside Qwen2.5'],
    ['the lean startup method', 'infra/lean', 'Lean is case-sensitive'],
    ['a lean model', 'infra/lean', 'Lean is case-sensitive'],
    ['Lean Startup 방법론', 'infra/lean', 'Lean excluded inside "Lean startup"'],
    ['the operator overloads', 'models/operator', 'Operator as an ordinary word'],
    ['모델링 작업', LM, '모델 inside 모델링'],
    ['신경망모델', LM, 'a Hangul alias must start a word'],
    ['모델러들', LM, '모델 followed by a non-particle'],
    ['DeepSeekMoE 구조', 'techniques/mixture-of-experts', 'MoE glued to DeepSeek'],
    ['https://github.com/deepseek-ai/DeepSeek-V3', 'models/deepseek-v3', 'a name only inside a URL'],
    ['https://github.com/deepseek-ai/DeepSeek-V3', 'infra/deepseek', 'a name only inside a URL'],
    ['see www.example.com/rl/grpo', 'techniques/grpo', 'a name only inside a bare URL'],
    ['자료:https://example.com/GRPO에서', 'techniques/grpo', 'a URL glued to Korean text'],
    ['(github.com/foo/GRPO)', 'techniques/grpo', 'a scheme-less URL in brackets'],
    ['grpo@deepseek.com', 'techniques/grpo', 'an e-mail address'],
    ['오퍼레이터리', 'models/operator', 'a Hangul alias followed by a non-particle syllable'],
  ])('%s ↛ %s (%s)', (text, ref) => {
    expect(find(text).filter(([r]) => r === ref)).toEqual([]);
  });

  it('finds nothing at all in text made only of near misses', () => {
    expect(find('URL, RLVR, o10, 2501.12599, Search-R1, Qwen2.5, lean startup, 모델링, DeepSeekMoE')).toEqual([]);
  });
});

describe('buildMatcher: overlaps, offsets, variants', () => {
  it('prefers the longest match, then the earliest', () => {
    expect(find('DeepSeek-V3와 DeepSeek-R1, DeepSeek')).toEqual([
      ['models/deepseek-v3', 'DeepSeek-V3'],
      ['models/deepseek-r1', 'DeepSeek-R1'],
      ['infra/deepseek', 'DeepSeek'],
    ]);
    expect(find('OpenAI o1은')).toEqual([['models/o1', 'OpenAI o1']]);
    expect(find('인간 피드백 강화학습')).toEqual([['techniques/rlhf', '인간 피드백 강화학습']]);
  });

  it('gives offsets into the original text, covering the alias but not the particle', () => {
    const text = '요약: KV  캐시를 줄이는 MoE를';
    const ms = matcher.find(text);
    expect(ms.map((m) => [m.start, m.end, m.surface])).toEqual([
      [4, 10, 'KV  캐시'],
      [16, 19, 'MoE'],
    ]);
    for (const m of ms) expect(text.slice(m.start, m.end)).toBe(m.surface);
  });

  it('links a hyphenated name to its head when no longer alias exists', () => {
    expect(find('DeepSeek-Coder는')).toEqual([['infra/deepseek', 'DeepSeek']]);
  });

  it('reports forms shared by two topics and resolves them deterministically', () => {
    const m = buildMatcher([t('b/x', ['Gemini']), t('a/y', ['gemini'])]);
    expect(m.conflicts).toEqual([{ form: 'gemini', refs: ['a/y', 'b/x'] }]);
    expect(m.find('Gemini는').map((x) => x.ref)).toEqual(['a/y']);
  });

  it('skips one-character forms', () => {
    const m = buildMatcher([t('models/x', ['X', '엑스'])]);
    expect(m.skipped).toEqual([{ ref: 'models/x', form: 'X', reason: 'shorter than two characters once folded' }]);
    expect(m.find('X와 엑스는').map((x) => x.surface)).toEqual(['엑스']);
  });

  it('accepts a case-sensitive form only in its case, and a form listed only in caseSensitive', () => {
    const m = buildMatcher([t('infra/mojo', ['Mojo 언어'], { caseSensitive: ['Mojo'] })]);
    expect(m.find('Mojo는 mojo가 아니다').map((x) => x.surface)).toEqual(['Mojo']);
  });

  it('separatorVariants spells Latin compounds both ways, leaves Hangul joints alone', () => {
    expect(separatorVariants('Mixture-of-Experts')).toEqual(['Mixture-of-Experts', 'Mixture of Experts']);
    expect(separatorVariants('KV 캐시')).toEqual(['KV 캐시']);
    expect(separatorVariants('GRPO')).toEqual(['GRPO']);
  });

  it('topicTerms reads the topic schema fields', () => {
    expect(topicTerms('models/deepseek-v3', { name: 'DeepSeek-V3', nameKo: '딥시크 V3', aliases: ['DSV3'], caseSensitive: [], exclude: [] })).toEqual({
      ref: 'models/deepseek-v3',
      names: ['DeepSeek-V3', '딥시크 V3', 'DSV3'],
      caseSensitive: [],
      exclude: [],
    });
  });

  it('finds names in real seed sentences', () => {
    const line = '딥씨크(DeepSeek) 등은 제한된 GPU로도 고성능 모델 달성(모델 압축·증류 기법) → 규제가 역설적으로 혁신.';
    expect(find(line)).toEqual([
      ['infra/deepseek', '딥씨크'],
      ['infra/deepseek', 'DeepSeek'],
      ['infra/gpu', 'GPU'],
      ['techniques/language-model', '모델'],
      ['techniques/language-model', '모델'],
    ]);
  });
});
