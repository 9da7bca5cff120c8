/**
 * The gold link set (tests/gold/links.json) scored against the real topic
 * catalogue, the way the ingest links: plain text → paragraphs → linkBody.
 * Issue #4: recall of expected (case, topic) pairs ≥ 90%, zero forbidden links.
 * The gold set was labelled independently of the matcher; when this fails, fix
 * the matcher or a topic's names for the language, never the gold case to fit.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTopics } from '../../src/pipeline/topics.ts';
import { topicMatcher } from '../../src/pipeline/ingest.ts';
import { linkBody } from '../../src/pipeline/link/link-body.ts';
import { blocksFromPlain, root } from '../../src/pipeline/util/mdast.ts';

interface GoldCase {
  source: string;
  text: string;
  expect: string[];
  forbid: string[];
  note: string;
}

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('gold link set', async () => {
  const topics = await readTopics(path.join(ROOT, 'content/topics'));
  const matcher = topicMatcher(topics);
  const cases = JSON.parse(await readFile(path.join(ROOT, 'tests/gold/links.json'), 'utf8')) as GoldCase[];
  const linked = cases.map((c) => {
    const { mentions } = linkBody(root(blocksFromPlain(c.text)), matcher, { urlFor: (ref) => `/${ref}/` });
    return new Set(mentions.map((m) => m.ref));
  });

  let expected = 0;
  let found = 0;
  const missing: string[] = [];
  const forbidden: string[] = [];
  cases.forEach((c, i) => {
    for (const ref of c.expect) {
      expected++;
      if (linked[i]!.has(ref)) found++;
      else missing.push(`#${i} ${c.source}: ${ref}`);
    }
    for (const ref of c.forbid) if (linked[i]!.has(ref)) forbidden.push(`#${i} ${c.source}: ${ref}`);
  });
  const recall = found / expected;

  it('is a real gold set: ≥ 40 cases, negatives included, every ref a known topic', () => {
    const refs = new Set(topics.map((t) => t.ref));
    expect(cases.length).toBeGreaterThanOrEqual(40);
    expect(cases.filter((c) => c.forbid.length > 0).length).toBeGreaterThan(0);
    for (const c of cases) for (const ref of [...c.expect, ...c.forbid]) expect(refs, `${c.source}: ${ref}`).toContain(ref);
  });

  it('recall of expected links ≥ 90%, zero forbidden links', () => {
    const negatives = cases.reduce((n, c) => n + c.forbid.length, 0);
    console.log(
      `gold: ${cases.length} cases, recall ${found}/${expected} = ${(recall * 100).toFixed(1)}%, ` +
        `forbidden linked ${forbidden.length}/${negatives}` +
        (missing.length ? `\n  missing: ${missing.join('; ')}` : '') +
        (forbidden.length ? `\n  forbidden: ${forbidden.join('; ')}` : ''),
    );
    expect(recall).toBeGreaterThanOrEqual(0.9);
    expect(forbidden).toEqual([]);
  });
});
