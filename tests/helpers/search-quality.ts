/**
 * The search quality check shared by tests/e2e/search-quality.spec.ts (the
 * small site) and scripts/bench-search.ts (any dist/, e.g. the 10k bench site):
 * every query of tests/search/queries.json goes through the real search page.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright';

export interface Query {
  q: string;
  expect: string;
  why: string;
}

export const QUERIES: Query[] = JSON.parse(readFileSync(path.join(import.meta.dirname, '../search/queries.json'), 'utf8'));

/** Status texts the page shows while it has no answer yet (src/pages/search.astro). */
const PENDING = ['검색 중…', '검색어를 입력하세요.'];

/** Waits until the search page has answered (all batches on screen), then returns the result paths (no host, no #fragment), best first. */
export async function resultPaths(page: Page, n = 3): Promise<string[]> {
  const answered = await page
    .waitForFunction(
      (pending) => {
        const s = document.getElementById('search-status')?.textContent ?? '';
        const busy = document.getElementById('search-results')?.getAttribute('aria-busy') === 'true';
        return s !== '' && !pending.includes(s) && !busy;
      },
      PENDING,
      { timeout: 15_000 },
    )
    .then(() => true)
    .catch(() => false);
  if (!answered) return [`(no answer after 15 s: ${await page.locator('#search-status').textContent()})`];
  return page.$$eval(
    '#search-results > li > a.item-title',
    (as, n) => as.slice(0, n).map((a) => new URL((a as HTMLAnchorElement).href).pathname),
    n,
  );
}

export interface QualityResult {
  hits: number;
  total: number;
  rate: number;
  misses: { q: string; expect: string; got: string[] }[];
}

/** Opens `/search/?q=…` for every query and checks the expected page is in the top 3. `base` ends with `/`. */
export async function runQuality(page: Page, origin: string, base = '/', queries = QUERIES): Promise<QualityResult> {
  const misses: QualityResult['misses'] = [];
  for (const { q, expect } of queries) {
    await page.goto(`${origin}${base}search/?q=${encodeURIComponent(q)}`);
    const got = await resultPaths(page, 3);
    const want = base + expect.replace(/^\//, '');
    if (!got.includes(want)) misses.push({ q, expect, got });
  }
  const total = queries.length;
  const hits = total - misses.length;
  return { hits, total, rate: hits / total, misses };
}

export function formatMisses(r: QualityResult): string {
  return r.misses.map((m) => `  ✗ ${m.q} → want ${m.expect}, got ${m.got.join(' | ') || '(nothing)'}`).join('\n');
}
