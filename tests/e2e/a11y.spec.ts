/**
 * Accessibility with axe-core: no serious or critical violations (WCAG 2.x A/AA
 * rules) on each kind of page, in the light and the dark theme.
 */
import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readdirSync } from 'node:fs';
import path from 'node:path';

const dist = path.resolve(import.meta.dirname, '../../dist');
function firstSource(kind: string): string {
  const files = (readdirSync(path.join(dist, 'sources', kind), { recursive: true }) as string[]).filter((f) => f.endsWith('index.html')).sort();
  return `/sources/${kind}/${files[0]!.split(path.sep).join('/').replace(/index\.html$/, '')}`;
}

const PAGES: [string, () => string][] = [
  ['home', () => '/'],
  ['kind index', () => '/techniques/'],
  ['topic', () => '/techniques/mixture-of-experts/'],
  ['topic with facts and graph', () => '/models/deepseek-v3/'],
  ['telegram source', () => firstSource('telegram')],
  ['review source', () => firstSource('reviews')],
  ['digest source', () => firstSource('digests')],
  ['search', () => '/search/?q=%EB%94%A5%EC%8B%9C%ED%81%AC'],
  ['timeline', () => '/sources/timeline/'],
  ['404', () => '/models/no-such-model/'],
];

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`axe, ${scheme}`, () => {
    test.use({ colorScheme: scheme });
    for (const [name, url] of PAGES) {
      test(`${name}: no serious or critical violations`, async ({ page }) => {
        await page.goto(url());
        await page.waitForLoadState('networkidle');
        const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
        const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        const report = bad.map((v) => `${v.impact} ${v.id}: ${v.help}\n  ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join('\n  ')}`).join('\n');
        expect(bad, report).toEqual([]);
      });
    }
  });
}
