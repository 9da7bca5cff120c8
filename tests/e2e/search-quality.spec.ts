/**
 * Issue 5: search quality on the built site. Every query of
 * tests/search/queries.json (written from the topic files and the way the
 * seeds talk, labelled before tuning) runs through the real search page; at
 * least 95 % must have the expected topic page in the top 3.
 */
import { expect, test } from '@playwright/test';
import { formatMisses, QUERIES, runQuality } from '../helpers/search-quality.ts';

test('≥ 95 % of the query set finds its topic page in the top 3', async ({ page, baseURL }) => {
  test.setTimeout(300_000);
  const r = await runQuality(page, baseURL!);
  console.log(`search quality: ${r.hits}/${r.total} = ${(r.rate * 100).toFixed(1)} % in top 3`);
  if (r.misses.length) console.log(formatMisses(r));
  expect(QUERIES.length).toBeGreaterThanOrEqual(60);
  expect(r.rate).toBeGreaterThanOrEqual(0.95);
});
