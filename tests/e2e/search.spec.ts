/**
 * Issue 5, the search page as a reader uses it, in Chromium against dist/:
 * the header box and its `/` shortcut, typing a Korean query, filtering by
 * kind, section sub-results with highlights, opening a result, sharing the
 * URL (same results in a new page) and the back button.
 */
import { expect, test, type Page } from '@playwright/test';

const results = '#search-results > li';
const titles = (page: Page) => page.locator(`${results} > a.item-title`).evaluateAll((as) => as.map((a) => a.getAttribute('href')));
const badges = (page: Page) => page.locator(`${results} > .badge`).allTextContents();
/** The status line has the query in it once the answer for that query is on screen; the list is busy until its last batch is. */
const answered = async (page: Page, q: string) => {
  await expect(page.locator('#search-status')).toContainText(`‘${q}’`, { timeout: 15_000 });
  await expect(page.locator('#search-results')).toHaveAttribute('aria-busy', 'false', { timeout: 15_000 });
};

test('header box: `/` focuses it, a Korean query opens /search/?q=… with the topic first', async ({ page }) => {
  await page.goto('/sources/');
  await page.keyboard.press('/');
  const box = page.locator('#site-q');
  await expect(box).toBeFocused();
  await box.fill('강화학습은');
  await box.press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=%EA%B0%95%ED%99%94%ED%95%99%EC%8A%B5%EC%9D%80$/);
  await answered(page, '강화학습은');
  expect((await titles(page))[0]).toBe('/techniques/reinforcement-learning/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
});

test('typing, filtering by kind, sub-results, sharing the URL, opening a result, back', async ({ page, context }) => {
  await page.goto('/search/');
  // Typing (no Enter): the page searches after a short pause and keeps the query in the URL.
  await page.locator('#q').pressSequentially('KV 캐시', { delay: 30 });
  await answered(page, 'KV 캐시');
  await expect(page).toHaveURL(/[?&]q=KV(\+|%20)%EC%BA%90%EC%8B%9C/);
  expect((await titles(page))[0]).toBe('/techniques/kv-cache/');
  const kinds = await badges(page);
  expect(kinds).toContain('기법');
  expect(kinds).toContain('출처');

  // Filter: sources only.
  await page.getByRole('button', { name: '출처', exact: true }).click();
  await expect(page).toHaveURL(/kind=%EC%B6%9C%EC%B2%98/);
  await expect(page.getByRole('button', { name: '출처', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => badges(page)).not.toContain('기법');
  expect(new Set(await badges(page))).toEqual(new Set(['출처']));
  // Source results link to their matching sections, with highlighted excerpts.
  const sub = page.locator(`${results} .subs a[href*="#"]`).first();
  await expect(sub).toBeVisible();
  await expect(page.locator(`${results} .snippet mark`).first()).toBeVisible();
  const shown = await titles(page);
  expect(shown.length).toBeGreaterThan(0);

  // Sharing: the same URL in a new page gives the same results and the same filter.
  const shared = page.url();
  const other = await context.newPage();
  await other.goto(shared);
  await answered(other, 'KV 캐시');
  await expect(other.getByRole('button', { name: '출처', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(other.locator('#q')).toHaveValue('KV 캐시');
  expect(await titles(other)).toEqual(shown);
  await other.close();

  // Opening a section sub-result lands on that section of the source.
  const subHref = (await sub.getAttribute('href'))!;
  await sub.click();
  await expect(page).toHaveURL(new RegExp(`${subHref.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  await expect(page.locator('h1')).toBeVisible();
  const anchor = decodeURIComponent(subHref.split('#')[1]!);
  await expect(page.locator(`[id="${anchor}"]`)).toBeInViewport();

  // Back: the search page again, same query, same filter, same results.
  await page.goBack();
  await expect(page).toHaveURL(shared);
  await answered(page, 'KV 캐시');
  await expect(page.locator('#q')).toHaveValue('KV 캐시');
  expect(await titles(page)).toEqual(shown);

  // Back once more undoes the filter.
  await page.goBack();
  await expect(page).not.toHaveURL(/kind=/);
  await expect(page.getByRole('button', { name: '전체', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => badges(page)).toContain('기법');
});

test('a topic kind filter keeps topic hits of that kind only, and opening one goes to the topic page', async ({ page }) => {
  await page.goto(`/search/?q=${encodeURIComponent('딥시크')}&kind=${encodeURIComponent('모델')}`);
  await answered(page, '딥시크');
  expect(new Set(await badges(page))).toEqual(new Set(['모델']));
  const first = page.locator(`${results} > a.item-title`).first();
  await expect(first).toHaveAttribute('href', '/models/deepseek/');
  await first.click();
  await expect(page).toHaveURL(/\/models\/deepseek\/$/);
  await expect(page.locator('h1')).toContainText('DeepSeek');
  await page.goBack();
  await answered(page, '딥시크');
  await expect(page.getByRole('button', { name: '모델', exact: true })).toHaveAttribute('aria-pressed', 'true');
});
