/**
 * The topic graph (src/pipeline/graph.ts) on small hand-made inputs with exact
 * expected outputs: backlinks order, Ochiai-ranked related topics (issue #4:
 * "documented related score", not raw co-occurrence counts) and typed
 * relations seen from both ends.
 */
import { describe, expect, it } from 'vitest';
import { buildGraph, compareSources, type GraphSource } from '../../src/pipeline/graph.ts';

const mention = (ref: string, headingMatch = false) => ({ ref, count: 1, passages: [], headingMatch });
const source = (id: string, refs: string[], date?: string): GraphSource => ({ id, ...(date ? { date } : {}), mentions: refs.map((r) => mention(r)) });
const topics = (...refs: string[]) => refs.map((ref) => ({ ref }));

describe('buildGraph: related topics', () => {
  // A co-occurs with C three times and with B twice, but C is everywhere (11
  // sources) and B nowhere else (2): B is A's closer neighbour.
  const sources = [
    source('s01', ['t/a', 't/b']),
    source('s02', ['t/a', 't/b']),
    source('s03', ['t/a', 't/c']),
    source('s04', ['t/a', 't/c']),
    source('s05', ['t/a', 't/c']),
    ...Array.from({ length: 8 }, (_, i) => source(`s1${i}`, ['t/c'])),
  ];
  const graph = buildGraph(topics('t/a', 't/b', 't/c'), sources);

  it('ranks by the Ochiai coefficient shared/√(|A|·|B|), not by shared counts', () => {
    const related = graph.related.get('t/a')!;
    expect(related.map((r) => [r.ref, r.shared])).toEqual([
      ['t/b', 2],
      ['t/c', 3],
    ]);
    expect(related[0]!.score).toBeCloseTo(2 / Math.sqrt(5 * 2), 12); // 0.632…
    expect(related[1]!.score).toBeCloseTo(3 / Math.sqrt(5 * 11), 12); // 0.404…
  });

  it('is symmetric: the same score seen from either topic', () => {
    expect(graph.related.get('t/b')).toEqual([{ ref: 't/a', score: 2 / Math.sqrt(10), shared: 2 }]);
    expect(graph.related.get('t/c')).toEqual([{ ref: 't/a', score: 3 / Math.sqrt(55), shared: 3 }]);
  });

  it('scores 1 for topics that always appear together', () => {
    const g = buildGraph(topics('t/x', 't/y'), [source('1', ['t/x', 't/y']), source('2', ['t/y', 't/x'])]);
    expect(g.related.get('t/x')).toEqual([{ ref: 't/y', score: 1, shared: 2 }]);
  });

  it('applies minShared and limit, breaking score ties by shared count, then ref', () => {
    const s = [
      source('1', ['t/a', 't/b', 't/c', 't/d']),
      source('2', ['t/a', 't/b']),
      source('3', ['t/c', 't/e']),
      source('4', ['t/c', 't/e']),
    ];
    const all = buildGraph(topics('t/a', 't/b', 't/c', 't/d', 't/e'), s);
    // For t/c: t/e 2/√(3·2)=0.816, t/d 1/√(3·1)=0.577, t/a and t/b 1/√(3·2)=0.408 (tie → ref order).
    expect(all.related.get('t/c')!.map((r) => r.ref)).toEqual(['t/e', 't/d', 't/a', 't/b']);
    const strict = buildGraph(topics('t/a', 't/b', 't/c', 't/d', 't/e'), s, { minShared: 2 });
    expect(strict.related.get('t/c')).toEqual([{ ref: 't/e', score: 2 / Math.sqrt(6), shared: 2 }]);
    expect(strict.related.get('t/d')).toBeUndefined();
    const top1 = buildGraph(topics('t/a', 't/b', 't/c', 't/d', 't/e'), s, { limit: 1 });
    expect(top1.related.get('t/c')!.map((r) => r.ref)).toEqual(['t/e']);
  });

  it('ignores mentions of topics that do not exist (deleted since the source was written)', () => {
    const g = buildGraph(topics('t/a'), [source('1', ['t/a', 't/gone'])]);
    expect(g.related.size).toBe(0);
    expect(g.backlinks.has('t/gone')).toBe(false);
    expect(g.backlinks.get('t/a')!.map((b) => b.source.id)).toEqual(['1']);
  });
});

describe('buildGraph: backlinks', () => {
  it('lists sources newest first, undated last, ties by id; keeps the mention', () => {
    const s = [
      source('b', ['t/a'], '2025-01-02'),
      source('undated-2', ['t/a']),
      source('a', ['t/a'], '2025-01-02'),
      source('c', ['t/a'], '2025-03-01T10:00:00+09:00'),
      source('undated-1', ['t/a']),
      { id: 'key', date: '2024-12-31', mentions: [mention('t/a', true)] },
    ];
    const g = buildGraph(topics('t/a'), s);
    const list = g.backlinks.get('t/a')!;
    expect(list.map((b) => b.source.id)).toEqual(['c', 'a', 'b', 'key', 'undated-1', 'undated-2']);
    expect(list.filter((b) => b.mention.headingMatch).map((b) => b.source.id)).toEqual(['key']);
    expect([...s].sort(compareSources).map((x) => x.id)).toEqual(list.map((b) => b.source.id));
  });
});

describe('buildGraph: typed relations', () => {
  it('shows a stated relation on both ends, the far end marked inverse; unknown targets and duplicates dropped', () => {
    const g = buildGraph(
      [
        { ref: 'techniques/mla', relations: [{ type: 'part-of', target: 'models/deepseek-v3' }, { type: 'part-of', target: 'models/deepseek-v3' }] },
        { ref: 'models/deepseek-v3', relations: [{ type: 'successor-of', target: 'models/deepseek-v2' }, { type: 'uses', target: 'techniques/gone' }] },
        { ref: 'models/deepseek-v2' },
      ],
      [],
    );
    expect(g.relations.get('techniques/mla')).toEqual([{ type: 'part-of', ref: 'models/deepseek-v3', inverse: false }]);
    expect(g.relations.get('models/deepseek-v3')).toEqual([
      { type: 'part-of', ref: 'techniques/mla', inverse: true },
      { type: 'successor-of', ref: 'models/deepseek-v2', inverse: false },
    ]);
    expect(g.relations.get('models/deepseek-v2')).toEqual([{ type: 'successor-of', ref: 'models/deepseek-v3', inverse: true }]);
    expect(g.relations.has('techniques/gone')).toBe(false);
  });
});
