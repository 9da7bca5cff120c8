/**
 * Pure helpers behind the topic pages and sharing (issue 6): numeric key facts,
 * month buckets, the neighbourhood graph layout and Open Graph line breaking.
 */
import { describe, expect, it } from 'vitest';
import { blocksOfBody, extractFacts, nameMatcher, numberSegments } from '../../src/lib/view/facts.ts';
import { byMonth, monthRange, monthlyCounts } from '../../src/lib/view/timeline.ts';
import { GRAPH_SHAPES, layoutNeighbourhood, pickNeighbours, type GraphNeighbour } from '../../src/lib/view/neighbourhood.ts';
import { cardSvg, measure, wrapText } from '../../src/lib/og.ts';

const nums = (text: string) => numberSegments(text).filter((s) => s.num).map((s) => s.text);

describe('numberSegments: numbers with units', () => {
  it.each([
    ['총 파라미터 6710억이지만, 매 토큰마다 370억 파라미터만 활성화', ['6710억', '370억 파라미터']],
    ['사전학습 14.8T 토큰,', ['14.8T 토큰']],
    ['H800 GPU 기준 약 278만8천 GPU-시(약 560만 달러)', ['278만8천 GPU-시', '560만 달러']],
    ['671B total parameters with 37B activated, trained on 14.8T tokens', ['671B', '37B', '14.8T tokens']],
    ['only 2.788M H800 GPU hours and $5.576M', ['2.788M', '$5.576M']],
    ['확률은 85~90%로 높아, 약 1.8배의 속도', ['85~90%', '1.8배']],
    ['100k GPU 규모, 전력 150MW', ['100k', '150MW']],
  ])('%s', (text, expected) => expect(nums(text)).toEqual(expected));

  it('leaves years, dates, versions and plain counts alone', () => {
    expect(nums('2025년 10월 1일, GPT-4.5와 Qwen3, 레이어 61개')).toEqual([]);
  });
});

describe('nameMatcher', () => {
  const re = nameMatcher(['DeepSeek-V3', '딥시크 V3'])!;
  it('matches spacing and hyphen variants, any case, with particles after', () => {
    expect(re.test('deepseek v3에서')).toBe(true);
    expect(re.test('DeepSeekV3는')).toBe(true);
    expect(re.test('딥시크V3의')).toBe(true);
  });
  it('does not match inside a longer name', () => {
    expect(re.test('DeepSeek-V3.1은')).toBe(false);
    expect(re.test('DeepSeek-V3-Base')).toBe(false);
    expect(re.test('XDeepSeek-V3')).toBe(false);
  });
});

describe('blocksOfBody', () => {
  it('turns emitted Markdown into plain lines under their section', () => {
    const blocks = blocksOfBody('## 5. 학습\n\n[DeepSeek-V3](/models/deepseek-v3/)는 \\*\\*6710억\\*\\* 개,\\\n사전학습 14.8T 토큰.\n\n```\ncode 1B\n```\n');
    expect(blocks).toEqual([{ section: '5. 학습', lines: [{ text: 'DeepSeek-V3는 6710억 개,', links: ['/models/deepseek-v3/'] }, { text: '사전학습 14.8T 토큰.', links: [] }] }]);
  });
});

describe('extractFacts', () => {
  const body = [
    'DeepSeek-V3 기술 보고서',
    '',
    'DeepSeek-V3는 총 6710억 파라미터 중 토큰당 370억 개만 활성화한다.\\',
    '사전학습 14.8T 토큰,\\',
    '학습 비용은 H800 기준 278만8천 GPU-시.',
    '',
    '비교하자면 Llama 3는 15T 토큰으로 학습했다.',
    '',
    '## 시장 이야기',
    '',
    '한편 다른 회사는 매출이 30% 늘었다.',
  ].join('\n');
  const others = [nameMatcher(['Llama 3'])!];
  const facts = extractFacts({ path: '/models/deepseek-v3/', names: ['DeepSeek-V3'] }, [{ source: 's1', id: 'f-1', body, key: false, others }]);
  const texts = facts.map((f) => f.text);

  it('keeps sentences that name the topic, and lines of a paragraph about it', () => {
    expect(texts[0]).toBe('DeepSeek-V3는 총 6710억 파라미터 중 토큰당 370억 개만 활성화한다.');
    expect(texts).toContain('사전학습 14.8T 토큰');
    expect(texts).toContain('학습 비용은 H800 기준 278만8천 GPU-시.');
  });
  it('leaves numbers about another subject and unrelated paragraphs out', () => {
    expect(texts.some((t) => t.includes('Llama'))).toBe(false);
    expect(texts.some((t) => t.includes('30%'))).toBe(false);
  });
  it('does not repeat a number already shown, and cites the source', () => {
    const again = extractFacts({ path: '/models/deepseek-v3/', names: ['DeepSeek-V3'] }, [
      { source: 'a', id: 'f-2', body: 'DeepSeek-V3는 14.8조(14.8T) 토큰으로 학습했다.', key: false },
      { source: 'b', id: 'f-3', body: 'DeepSeek-V3는 14.8T 토큰을 썼다.', key: false },
    ]);
    expect(again).toHaveLength(1);
    expect(again[0]!.source).toBe('a');
  });
});

describe('month buckets', () => {
  it('groups newest month first and keeps undated apart', () => {
    const r = byMonth([{ d: '2025-09-02' }, { d: '2025-10-01T12:00:00+09:00' }, { d: undefined }, { d: '2025-09-30' }], (x) => x.d);
    expect(r.months.map((m) => [m.month, m.items.length])).toEqual([['2025-10', 1], ['2025-09', 2]]);
    expect(r.undated).toHaveLength(1);
  });
  it('counts a continuous range, empty months included, at most N', () => {
    expect(monthRange('2024-11', '2025-02')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    const c = monthlyCounts(['2024-01-05', '2025-01-01', '2025-03-09', '2025-03-10', undefined], 3);
    expect(c.bars).toEqual([{ month: '2025-01', count: 1 }, { month: '2025-02', count: 0 }, { month: '2025-03', count: 2 }]);
    expect([c.earlier, c.undated, c.max]).toEqual([1, 1, 2]);
  });
});

describe('neighbourhood layout', () => {
  const nb = (i: number, typed = true): GraphNeighbour => ({ ref: `techniques/t${i}`, name: `A rather long technique name ${i}`, kind: 'techniques', label: '사용', typed });
  const eight = Array.from({ length: 8 }, (_, i) => nb(i));

  it('picks typed relations first, each topic once, at most 8', () => {
    const picked = pickNeighbours([nb(1), nb(2)], [nb(2, false), ...Array.from({ length: 9 }, (_, i) => nb(10 + i, false))]);
    expect(picked).toHaveLength(8);
    expect(picked.slice(0, 3).map((p) => [p.ref, p.typed])).toEqual([['techniques/t1', true], ['techniques/t2', true], ['techniques/t10', false]]);
  });

  for (const shape of ['wide', 'narrow'] as const) {
    it(`${shape}: boxes stay inside the picture and do not overlap`, () => {
      const { w, h } = GRAPH_SHAPES[shape];
      for (const n of [1, 2, 3, 5, 8]) {
        const { center, nodes } = layoutNeighbourhood({ name: 'DeepSeek-V3' }, eight.slice(0, n), shape);
        const boxes = [center, ...nodes];
        for (const b of boxes) {
          expect(b.x - b.w / 2, `${shape} ${n}`).toBeGreaterThanOrEqual(0);
          expect(b.x + b.w / 2).toBeLessThanOrEqual(w);
          expect(b.y - b.h / 2).toBeGreaterThanOrEqual(0);
          expect(b.y + b.h / 2).toBeLessThanOrEqual(h);
        }
        for (let i = 0; i < boxes.length; i++)
          for (let j = i + 1; j < boxes.length; j++) {
            const [a, b] = [boxes[i]!, boxes[j]!];
            const apart = Math.abs(a.x - b.x) >= (a.w + b.w) / 2 || Math.abs(a.y - b.y) >= (a.h + b.h) / 2;
            expect(apart, `${shape} ${n}: ${a.text} / ${b.text}`).toBe(true);
          }
      }
    });
  }

  it('is deterministic', () => {
    expect(layoutNeighbourhood({ name: 'X' }, eight)).toEqual(layoutNeighbourhood({ name: 'X' }, eight));
  });
});

describe('Open Graph card', () => {
  it('wraps at spaces within the width and ends a cut text with an ellipsis', () => {
    const lines = wrapText('Continuous Autoregressive Language Models for Very Long Names Indeed', 76, 1040, 2, 700);
    expect(lines).toHaveLength(2);
    for (const l of lines) expect(measure(l, 76, 700)).toBeLessThanOrEqual(1040);
    expect(lines[1]!.endsWith('…')).toBe(true);
    expect(wrapText('멀티헤드 잠재 어텐션', 48, 1040, 1, 400)).toEqual(['멀티헤드 잠재 어텐션']);
  });
  it('draws text as paths (no fonts needed to rasterise) and escapes nothing into markup', () => {
    const svg = cardSvg({ eyebrow: '모델', title: 'A <b>&', subtitle: '딥시크', footer: 'AI 지식 베이스' });
    expect(svg).not.toContain('<text');
    expect(svg).not.toContain('<b>');
    expect(svg.match(/<path /g)!.length).toBe(4);
  });
});
