import { describe, expect, it } from 'vitest';
import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfm } from 'micromark-extension-gfm';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { math } from 'micromark-extension-math';
import { mathFromMarkdown } from 'mdast-util-math';
import { bodyToMarkdown } from '../../src/pipeline/emit.ts';
import { linkBody } from '../../src/pipeline/link/link-body.ts';
import { buildMatcher, type TopicTerms } from '../../src/pipeline/link/matcher.ts';
import { passageAround, plainSentences } from '../../src/pipeline/link/passages.ts';

const t = (ref: string, names: string[]): TopicTerms => ({ ref, names, caseSensitive: [], exclude: [] });
const matcher = buildMatcher([
  t('techniques/mixture-of-experts', ['Mixture of Experts', '전문가 혼합', 'MoE']),
  t('techniques/reinforcement-learning', ['Reinforcement Learning', '강화학습', 'RL']),
  t('techniques/kv-cache', ['KV cache', 'KV 캐시']),
  t('infra/deepseek', ['DeepSeek', '딥시크', '딥씨크']),
  t('models/deepseek-v3', ['DeepSeek-V3']),
  t('techniques/grpo', ['GRPO']),
]);
const urlFor = (ref: string) => `/topics/${ref}/`;

function md(src: string): Root {
  const tree = fromMarkdown(src, {
    extensions: [gfm(), math()],
    mdastExtensions: [gfmFromMarkdown(), mathFromMarkdown()],
  });
  // Positions are noise for these comparisons.
  const strip = (n: Record<string, unknown>) => {
    delete n.position;
    for (const c of (n.children as Record<string, unknown>[] | undefined) ?? []) strip(c);
  };
  strip(tree as unknown as Record<string, unknown>);
  return tree;
}

const run = (src: string, title?: string) => {
  const out = linkBody(md(src), matcher, { urlFor, title });
  return { ...out, markdown: bodyToMarkdown(out.body).trim() };
};

describe('linkBody: links', () => {
  it('links only the first mention of each topic, particle outside the link', () => {
    const { markdown } = run('딥씨크는 MoE를 쓴다. 딥시크의 MoE는 크다.');
    expect(markdown).toBe('[딥씨크](/topics/infra/deepseek/)는 [MoE](/topics/techniques/mixture-of-experts/)를 쓴다. 딥시크의 MoE는 크다.');
  });

  it('links two topics in one text node, and mixed Korean/English forms', () => {
    const { markdown } = run('강화학습(RL)으로 훈련한 DeepSeek-V3는 KV캐시를 줄인다.');
    expect(markdown).toBe(
      '[강화학습](/topics/techniques/reinforcement-learning/)(RL)으로 훈련한 [DeepSeek-V3](/topics/models/deepseek-v3/)는 [KV캐시](/topics/techniques/kv-cache/)를 줄인다.',
    );
  });

  it('never links inside code, inline code, math or existing links; link text still counts', () => {
    const src = [
      '`MoE` 코드와 $RL$ 수식, [DeepSeek 블로그](https://example.com/grpo) 참고.',
      '',
      '```',
      'GRPO MoE',
      '```',
      '',
      '$$',
      'GRPO',
      '$$',
      '',
      '나중에 DeepSeek이 나온다.',
    ].join('\n');
    const { markdown, mentions } = run(src);
    expect(markdown).toContain('`MoE` 코드와 $RL$ 수식, [DeepSeek 블로그](https://example.com/grpo) 참고.');
    expect(markdown).toContain('```\nGRPO MoE\n```');
    expect(markdown).toContain('나중에 [DeepSeek](/topics/infra/deepseek/)이 나온다.');
    expect(mentions.map((m) => [m.ref, m.count])).toEqual([['infra/deepseek', 2]]);
  });

  it('does not link in headings but flags headingMatch', () => {
    const { markdown, mentions } = run('## GRPO 개요\n\n본문의 GRPO는 여기서 링크된다.');
    expect(markdown).toBe('## GRPO 개요\n\n본문의 [GRPO](/topics/techniques/grpo/)는 여기서 링크된다.');
    expect(mentions).toEqual([
      { ref: 'techniques/grpo', count: 2, headingMatch: true, passages: [{ text: '본문의 GRPO는 여기서 링크된다.', section: 'GRPO 개요' }] },
    ]);
  });

  it('matches across markup with the particle in the next node, linking inside the bold text', () => {
    const { body, mentions } = run('**DeepSeek**는 빠르다.');
    expect(body.children[0]).toEqual({
      type: 'paragraph',
      children: [
        { type: 'strong', children: [{ type: 'link', url: '/topics/infra/deepseek/', children: [{ type: 'text', value: 'DeepSeek' }] }] },
        { type: 'text', value: '는 빠르다.' },
      ],
    });
    expect(mentions[0]!.count).toBe(1);
  });

  it('counts a name split across nodes without linking it, and links the next one', () => {
    const { markdown, mentions } = run('**Deep**Seek 이후 DeepSeek.');
    expect(markdown).toBe('**Deep**Seek 이후 [DeepSeek](/topics/infra/deepseek/).');
    expect(mentions[0]!.count).toBe(2);
  });

  it('counts a name across a line break without linking it', () => {
    const { markdown, mentions } = run('Mixture of\\\nExperts 구조');
    expect(markdown).toBe('Mixture of\\\nExperts 구조');
    expect(mentions.map((m) => [m.ref, m.count])).toEqual([['techniques/mixture-of-experts', 1]]);
  });

  it('links inside lists, blockquotes and table cells', () => {
    const { markdown } = run('- MoE 항목\n\n> GRPO 인용\n\n| a |\n| - |\n| RL |');
    expect(markdown).toContain('[MoE](/topics/techniques/mixture-of-experts/) 항목');
    expect(markdown).toContain('> [GRPO](/topics/techniques/grpo/) 인용');
    expect(markdown).toContain('| [RL](/topics/techniques/reinforcement-learning/) |');
  });

  it('does not mutate its input', () => {
    const tree = md('딥씨크는 MoE를 쓴다.');
    const before = JSON.stringify(tree);
    const out = linkBody(tree, matcher, { urlFor });
    expect(JSON.stringify(tree)).toBe(before);
    expect(out.body).not.toBe(tree);
  });

  it('is deterministic and sorts mentions by ref', () => {
    const src = 'RL과 MoE와 GRPO와 딥시크';
    const a = run(src);
    const b = run(src);
    expect(a).toEqual(b);
    expect(a.mentions.map((m) => m.ref)).toEqual([
      'infra/deepseek',
      'techniques/grpo',
      'techniques/mixture-of-experts',
      'techniques/reinforcement-learning',
    ]);
  });
});

describe('linkBody: mentions and passages', () => {
  it('collects up to three passages from distinct sentences, with sections', () => {
    const src = [
      '## 핵심 방법론',
      '',
      'GRPO를 쓴다. GRPO와 PPO는 다르다. 다른 문장.',
      '',
      '## 주요 결과',
      '',
      'GRPO는 빠르다. GRPO는 또 좋다. 그리고 GRPO.',
    ].join('\n');
    const { mentions } = run(src);
    expect(mentions).toEqual([
      {
        ref: 'techniques/grpo',
        count: 5,
        headingMatch: false,
        passages: [
          { text: 'GRPO를 쓴다.', section: '핵심 방법론' },
          { text: 'GRPO와 PPO는 다르다.', section: '핵심 방법론' },
          { text: 'GRPO는 빠르다.', section: '주요 결과' },
        ],
      },
    ]);
  });

  it('uses a bold run-in label as the section', () => {
    const { mentions } = run('**대규모 교차점:**\nMoE 모델이 이긴다.');
    expect(mentions[0]!.passages).toEqual([{ text: 'MoE 모델이 이긴다.', section: '대규모 교차점' }]);
  });

  it('a title match sets headingMatch without counting', () => {
    const { mentions } = run('본문에는 없음, MoE만.', 'GRPO 논문 리뷰');
    expect(mentions).toEqual([
      { ref: 'techniques/grpo', count: 0, headingMatch: true, passages: [] },
      { ref: 'techniques/mixture-of-experts', count: 1, headingMatch: false, passages: [{ text: '본문에는 없음, MoE만.' }] },
    ]);
  });

  it('falls back to the heading text when a topic is named only in headings', () => {
    const { mentions } = run('## 딥시크 이야기\n\n본문.');
    expect(mentions).toEqual([{ ref: 'infra/deepseek', count: 1, headingMatch: true, passages: [{ text: '딥시크 이야기' }] }]);
  });

  it('cuts long unpunctuated runs to a window around the mention', () => {
    const long = `${'가나다 '.repeat(80)}MoE 구조 ${'라마바 '.repeat(80)}`;
    const { mentions } = run(long);
    const p = mentions[0]!.passages[0]!.text;
    expect(p.startsWith('…')).toBe(true);
    expect(p.endsWith('…')).toBe(true);
    expect(p).toContain('MoE 구조');
    expect(p.length).toBeLessThanOrEqual(205);
  });
});

describe('passages helpers', () => {
  it('splits sentences on end punctuation followed by space and on newlines, not on decimals', () => {
    expect(plainSentences('Qwen2.5는 좋다. 정말? 네!\n다음 줄 1.5조 토큰')).toEqual(['Qwen2.5는 좋다.', '정말?', '네!', '다음 줄 1.5조 토큰']);
  });

  it('passageAround returns the sentence holding the offset', () => {
    const text = '첫 문장. 둘째 MoE 문장. 셋째.';
    expect(passageAround(text, 9, 12).text).toBe('둘째 MoE 문장.');
  });
});
