/** Term extraction for the curation report (src/pipeline/curation-terms.ts), table-driven. */
import { describe, expect, it } from 'vitest';
import { capitalisedTerms, guessKind, isModelName, isTermLike, modelBase, modelNames, singular, termKey, termParts } from '../../src/pipeline/curation-terms.ts';

describe('model names', () => {
  it.each([
    ['Qwen2.5-7B', true],
    ['Ring-flash-linear-2.0', true],
    ['GPT-4.1', true],
    ['Llama-3.1-8B', true],
    ['DeepSeek-R1-Distill-Qwen-32B', true],
    ['InternVL3', true],
    ['Claude-3.5-Sonnet', true],
    ['FP8', false],
    ['H100', false],
    ['GSM8K', false],
    ['Top-1', false],
    ['MATH-500', false],
    ['ISO-8601', false],
    ['COVID-19', false],
    ['o3-mini', false],
    ['DeepSeek', false],
    ['3D-Reconstruction', false],
  ])('%s → %s', (tok, want) => expect(isModelName(tok)).toBe(want));

  it.each([
    ['Llama-3.1-8B-Instruct', 'Llama-3.1'],
    ['Qwen3-30B-A3B', 'Qwen3'],
    ['Mixtral-8x7B', 'Mixtral'],
    ['Qwen2.5-Instruct', 'Qwen2.5'],
    ['Ring-flash-linear-2.0', 'Ring-flash-linear-2.0'],
    ['DeepSeek-R1-Distill-Qwen-32B', 'DeepSeek-R1-Distill-Qwen'],
  ])('base of %s is %s', (tok, base) => expect(modelBase(tok)).toBe(base));

  it('finds them in Korean text with particles, not inside URLs or paths', () => {
    expect(modelNames('Qwen2.5-7B를 GPT-4.1과 비교했다. https://hf.co/Qwen3-Next 참고, v2/Gemma3-it 경로. DeepSeek-V3는 빠르다.')).toEqual([
      'Qwen2.5',
      'GPT-4.1',
      'DeepSeek-V3',
    ]);
  });
});

describe('term parts and keys', () => {
  it.each([
    ['Large Language Models (LLMs)', { name: 'Large Language Models', alts: ['LLMs'] }],
    ['가설 생성(hypothesis generation)', { name: 'hypothesis generation', alts: [], ko: '가설 생성' }],
    ['연속 자기회귀 언어 모델(Continuous Autoregressive Language Models, CALM)', { name: 'Continuous Autoregressive Language Models', alts: ['CALM'], ko: '연속 자기회귀 언어 모델' }],
    ['Hallucination (환각)', { name: 'Hallucination', alts: [], ko: '환각' }],
    ['MATH (Qwen3-4B-Base 평균 35.3 -> 49.1)', { name: 'MATH', alts: [] }],
    ['**주요 결과:**'.replace(/\*/g, ''), { name: '주요 결과', alts: [] }],
  ])('%s', (raw, want) => expect(termParts(raw)).toEqual(want));

  it('keys ignore case, spacing, hyphens and a plural last word', () => {
    expect(new Set(['Diffusion Models', 'diffusion-model', 'Diffusion model'].map(termKey)).size).toBe(1);
    expect(termKey('Qwen 2.5')).toBe(termKey('Qwen2.5'));
    expect(termKey('LLMs')).toBe('llm');
  });

  it.each([
    ['Models', 'Model'],
    ['LLMs', 'LLM'],
    ['Policies', 'Policy'],
    ['Processes', 'Process'],
    ['Robotics', 'Robotics'],
    ['Kosmos', 'Kosmos'],
    ['Analysis', 'Analysis'],
    ['Loss', 'Loss'],
  ])('singular(%s) = %s', (w, s) => expect(singular(w)).toBe(s));

  it.each([
    ['Speculative Decoding', true],
    ['IMO-Bench', true],
    ['전체 어텐션을 사용하는 동등한 모델보다 지속적으로 우수한 성능', false],
    ['11%의 정확도 향상', false],
    ['1.5B 모델', false],
    ['성능이 좋다', false],
  ])('isTermLike(%s) = %s', (s, want) => expect(isTermLike(s)).toBe(want));
});

describe('capitalised terms and kinds', () => {
  it('finds acronyms, CamelCase words and Title Case phrases, not sentence starts', () => {
    expect(
      capitalisedTerms('We use Speculative Decoding and Mixture of Experts in DeepSeekMoE with MTP. The Model Context Protocol is new. AI is here.'),
    ).toEqual(['Speculative Decoding', 'Mixture of Experts', 'DeepSeekMoE', 'MTP', 'Model Context Protocol']);
  });

  it.each([
    ['Qwen3-Next', true, 'models'],
    ['Export Controls on Chips', false, 'policy'],
    ['Inference Engine', false, 'infra'],
    ['Policy Optimization', false, 'techniques'],
    ['Point Cloud', false, 'techniques'],
  ])('guessKind(%s) = %s', (name, model, kind) => expect(guessKind(name, model as boolean)).toBe(kind));
});
