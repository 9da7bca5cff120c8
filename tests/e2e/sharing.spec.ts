/**
 * Issue 6, browsing and sharing, in Chromium against the built site (dist/):
 * permalinks land on their heading, 링크 복사 copies the full URL, alias URLs
 * redirect, Open Graph cards exist, the sitemap/feed/404 work, and every kind of
 * page renders without horizontal overflow at 360 px in light and dark mode.
 * Screenshots go to test-results/ (look at them when the layout changes).
 */
import { expect, test, type Page } from '@playwright/test';
import { readdirSync } from 'node:fs';
import path from 'node:path';

const TOPIC = '/techniques/mixture-of-experts/';
const dist = path.resolve(import.meta.dirname, '../../dist');

/** The first built source page of a kind (`telegram`, `reviews`, `digests`). */
function firstSource(kind: string): string {
  const files = (readdirSync(path.join(dist, 'sources', kind), { recursive: true }) as string[]).filter((f) => f.endsWith('index.html')).sort();
  return `/sources/${kind}/${files[0]!.split(path.sep).join('/').replace(/index\.html$/, '')}`;
}

const PAGES: [string, () => string][] = [
  ['home', () => '/'],
  ['kind-index', () => '/techniques/'],
  ['topic', () => TOPIC],
  ['topic-models', () => '/models/deepseek-v3/'],
  ['source-telegram', () => firstSource('telegram')],
  ['source-review', () => firstSource('reviews')],
  ['source-digest', () => firstSource('digests')],
  ['search', () => '/search/?q=%EB%94%A5%EC%8B%9C%ED%81%AC'],
  ['timeline', () => '/sources/timeline/'],
];

async function noHorizontalOverflow(page: Page, what: string) {
  const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  expect(scroll, `${what}: scrollWidth ${scroll} > innerWidth ${inner}`).toBeLessThanOrEqual(inner);
}

const isDark = (page: Page) =>
  page.evaluate(() => {
    const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/\d+/g)!.map(Number) as [number, number, number];
    return (r + g + b) / 3 < 100;
  });

test.describe('permalinks', () => {
  test('a section permalink lands on its heading', async ({ page }) => {
    await page.goto(`${TOPIC}#mentions`);
    await expect(page.locator('#mentions-h')).toBeInViewport();
    // The heading has a plain "#" link to itself: the permalink without JS.
    await expect(page.locator('#mentions .sec-head a.anchor').first()).toHaveAttribute('href', '#mentions');
  });

  test('a per-mention permalink lands on that mention', async ({ page }) => {
    await page.goto(TOPIC);
    const items = page.locator('li.mention[id^="m-"]');
    const id = await items.nth((await items.count()) - 1).getAttribute('id');
    await page.goto(`${TOPIC}#${id}`);
    const target = page.locator(`[id="${id}"]`);
    await expect(target).toBeInViewport();
    await expect(target.locator('a.anchor')).toHaveAttribute('href', `#${id}`);
  });

  test('링크 복사 copies the full URL with the anchor', async ({ browser, baseURL }) => {
    const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    await page.goto(`${TOPIC}?from=test`);
    const button = page.locator('button[data-copy="mentions"]');
    await expect(button).toBeVisible();
    await expect(button).toHaveText('링크 복사');
    await button.click();
    await expect(button).toHaveText('복사됨');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(`${baseURL}${TOPIC}#mentions`);
    // A group heading inside the mentions section has its own.
    const group = page.locator('.mention-group button[data-copy]').first();
    const groupId = await group.getAttribute('data-copy');
    await group.click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}${TOPIC}#${groupId}`);
    await expect(page.locator(`[id="${groupId}"]`)).toHaveCount(1);
    await context.close();
  });

  test('without JS the copy buttons are hidden and the # links remain', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(TOPIC);
    await expect(page.locator('button[data-copy="summary"]')).toBeHidden();
    await expect(page.locator('a.anchor[href="#summary"]')).toBeVisible();
    await context.close();
  });

  test('an alias URL redirects to the topic', async ({ page }) => {
    await page.goto('/techniques/mla/');
    await expect(page).toHaveURL(/\/techniques\/multi-head-latent-attention\/$/);
    await expect(page.locator('h1')).toContainText('Multi-head Latent Attention');
  });

  test('breadcrumbs lead home and to the kind', async ({ page }) => {
    await page.goto(TOPIC);
    const crumbs = page.locator('nav.crumbs');
    await expect(crumbs.locator('a[href="/"]')).toHaveText('홈');
    await expect(crumbs.locator('a[href="/techniques/"]')).toHaveText('기법');
    await expect(crumbs.locator('[aria-current="page"]')).toHaveText('Mixture of Experts');
  });
});

test.describe('topic page content', () => {
  test('DeepSeek-V3 shows key numbers with citations', async ({ page }) => {
    await page.goto('/models/deepseek-v3/');
    const facts = page.locator('#facts');
    await expect(facts).toBeVisible();
    const text = (await facts.textContent())!;
    expect(text).toMatch(/6,?710억/);
    expect(text).toMatch(/370억/);
    expect(text).toMatch(/14\.8T 토큰/);
    expect(text).toMatch(/278만8천 GPU-시/);
    // Every fact cites a source page.
    const items = facts.locator('li');
    for (let i = 0; i < (await items.count()); i++) await expect(items.nth(i).locator('.cite a[href^="/sources/"]')).toHaveCount(1);
  });

  test('the neighbourhood graph is static SVG with links', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/models/deepseek-v3/');
    const svg = page.locator('#graph svg.graph-wide');
    await expect(svg).toBeVisible();
    const links = svg.locator('a');
    expect(await links.count()).toBeGreaterThan(2);
    expect(await links.count()).toBeLessThanOrEqual(8);
    await expect(svg.locator('a[href="/models/deepseek-v2/"]')).toHaveAttribute('aria-label', /DeepSeek-V2/);
    await context.close();
  });

  test('mentions by month are bars with their numbers as text', async ({ page }) => {
    await page.goto('/techniques/grpo/');
    const bars = page.locator('#timeline ol.bars li');
    expect(await bars.count()).toBeGreaterThan(0);
    await expect(bars.first()).toContainText(/\d{4}년 \d{1,2}월 \d+건/);
  });
});

test.describe('sharing', () => {
  test('topic pages have Open Graph and Twitter cards with a generated image', async ({ page, request }) => {
    await page.goto('/models/deepseek-v3/');
    const image = await page.locator('meta[property="og:image"]').getAttribute('content');
    expect(image).toMatch(/\/og\/models\/deepseek-v3\.png$/);
    await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary_large_image');
    const res = await request.get(new URL(image!).pathname);
    expect(res.status()).toBe(200);
    const png = await res.body();
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    expect(png.length).toBeLessThan(120_000);
  });

  test('sitemap, robots and the Atom feed are well-formed', async ({ page, request }) => {
    await page.goto('/');
    const sitemap = await (await request.get('/sitemap.xml')).text();
    const feed = await (await request.get('/feed.xml')).text();
    const robots = await (await request.get('/robots.txt')).text();
    expect(robots).toMatch(/^Sitemap: https?:\/\/\S+\/sitemap\.xml$/m);
    const parsed = await page.evaluate(
      ([s, f]) => {
        const p = new DOMParser();
        const sm = p.parseFromString(s!, 'application/xml');
        const fd = p.parseFromString(f!, 'application/xml');
        return {
          errors: sm.getElementsByTagName('parsererror').length + fd.getElementsByTagName('parsererror').length,
          urls: [...sm.getElementsByTagName('loc')].map((l) => l.textContent ?? ''),
          entries: fd.getElementsByTagName('entry').length,
          updated: [...fd.querySelectorAll('entry > updated')].map((u) => u.textContent ?? ''),
        };
      },
      [sitemap, feed],
    );
    expect(parsed.errors).toBe(0);
    expect(parsed.urls.some((u) => u.endsWith('/techniques/mixture-of-experts/'))).toBe(true);
    expect(parsed.urls.some((u) => u.includes('/search/'))).toBe(false);
    expect(parsed.entries).toBeGreaterThan(0);
    expect(parsed.entries).toBeLessThanOrEqual(50);
    // Newest first.
    const times = parsed.updated.map((u) => Date.parse(u));
    expect(times.every((t) => !Number.isNaN(t))).toBe(true);
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  test('the 404 page suggests topics from the missing path', async ({ page }) => {
    const res = await page.goto('/models/deepseek-v-3/');
    expect(res?.status()).toBe(404);
    await expect(page.locator('#suggest')).toBeVisible();
    await expect(page.locator('#suggest-list a[href="/models/deepseek-v3/"]')).toBeVisible();
    await expect(page.locator('#q')).toHaveValue('deepseek v 3');
  });
});

test.describe('browsing', () => {
  test('a kind index sorts by mention count and keeps it in the URL', async ({ page }) => {
    await page.goto('/techniques/');
    await page.locator('button[data-sort="count"]').click();
    await expect(page).toHaveURL(/\?sort=count$/);
    const counts = await page.locator('#topic-list > li').evaluateAll((ls) => ls.map((l) => Number((l as HTMLElement).dataset.count)));
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);
    await page.reload();
    await expect(page.locator('button[data-sort="count"]')).toHaveAttribute('aria-pressed', 'true');
  });

  test('the timeline of sources links each month to its list', async ({ page }) => {
    await page.goto('/sources/timeline/');
    const month = page.locator('.month-bars a').first();
    const label = (await month.textContent())!;
    await month.click();
    await expect(page.locator('h1')).toContainText(label);
    expect(await page.locator('main .list .item').count()).toBeGreaterThan(0);
  });
});

test.describe('comfort', () => {
  for (const scheme of ['light', 'dark'] as const) {
    test(`360 px, ${scheme}: no horizontal overflow on every kind of page`, async ({ browser }, info) => {
      const context = await browser.newContext({ viewport: { width: 360, height: 780 }, colorScheme: scheme });
      const page = await context.newPage();
      for (const [name, url] of PAGES) {
        await page.goto(url());
        await page.waitForLoadState('networkidle');
        await noHorizontalOverflow(page, `${name} (${scheme})`);
        expect(await isDark(page), `${name} follows the ${scheme} scheme`).toBe(scheme === 'dark');
        await page.screenshot({ path: `test-results/screens/360-${scheme}-${name}.png`, fullPage: name.startsWith('topic') || name === 'home' });
      }
      info.annotations.push({ type: 'screenshots', description: 'test-results/screens/' });
      await context.close();
    });
  }

  test('the theme toggle switches dark mode and remembers it', async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(TOPIC);
    expect(await isDark(page)).toBe(false);
    await page.locator('#theme-toggle').click();
    expect(await isDark(page)).toBe(true);
    await page.screenshot({ path: 'test-results/screens/1280-toggled-dark-topic.png' });
    await page.goto('/');
    expect(await isDark(page)).toBe(true);
    await noHorizontalOverflow(page, 'home (toggled dark)');
    await page.locator('#theme-toggle').click();
    expect(await isDark(page)).toBe(false);
    await context.close();
  });

  test('JS-only controls do not shift the layout', async ({ page }) => {
    await page.goto(TOPIC);
    const cls = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let total = 0;
          new PerformanceObserver((list) => {
            for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!e.hadRecentInput) total += e.value;
          }).observe({ type: 'layout-shift', buffered: true });
          setTimeout(() => resolve(total), 500);
        }),
    );
    expect(cls).toBeLessThan(0.01);
  });
});
