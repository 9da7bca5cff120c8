/**
 * Issue 2, end to end in Chromium against the built site (dist/):
 * open a topic page, follow a source link and come back; search a Korean
 * term and land on the right topic page.
 */
import { expect, test } from '@playwright/test';

test('topic page → source page → back', async ({ page }) => {
  await page.goto('/techniques/mixture-of-experts/');
  await expect(page.locator('h1')).toContainText('Mixture of Experts');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  const first = page.locator('#mentions a[href^="/sources/"]').first();
  const title = (await first.textContent())!.trim();
  const target = await first.getAttribute('href');
  await first.click();
  await expect(page).toHaveURL(new RegExp(`${target}$`));
  await expect(page.locator('h1')).toHaveText(title);
  // The source page links back to the topic it mentions.
  await expect(page.locator('a[href="/techniques/mixture-of-experts/"]').first()).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(/\/techniques\/mixture-of-experts\/$/);
  await expect(page.locator('h1')).toContainText('Mixture of Experts');
});

test('a review source page shows its paper title, date, tags and arXiv link', async ({ page }) => {
  await page.goto('/sources/reviews/2025-10-23-every-attention-matters-an-efficient-hybrid-architecture-for-long-context-reasoning/');
  await expect(page.locator('h1')).toHaveText('Every Attention Matters: An Efficient Hybrid Architecture for Long-Context Reasoning');
  await expect(page.locator('time').first()).toHaveAttribute('datetime', /^2025-10-23T/);
  await expect(page.locator('a[href="https://arxiv.org/abs/2510.19338"]').first()).toBeVisible();
  await expect(page.locator('main')).toContainText('핵심 연구 목표');
  const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').first().textContent())!);
  expect(ld['@type']).toBe('Review');
  expect(ld.headline).toBe('Every Attention Matters: An Efficient Hybrid Architecture for Long-Context Reasoning');
  expect(ld.datePublished).toMatch(/^2025-10-23T\d{2}:\d{2}:\d{2}\+09:00$/);
  expect(ld.keywords).toContain('Review');
});

for (const [query, path] of [
  ['딥시크', '/models/deepseek'],
  ['멀티헤드 잠재 어텐션', '/techniques/multi-head-latent-attention/'],
  ['KV캐시', '/techniques/kv-cache/'],
] as const) {
  test(`search "${query}" lands on ${path}`, async ({ page }) => {
    await page.goto('/search/');
    await page.locator('input[name="q"]').first().fill(query);
    await page.locator('input[name="q"]').first().press('Enter');
    const firstResult = page.locator('#search-results a').first();
    await expect(firstResult).toBeVisible({ timeout: 10_000 });
    const hrefs = await page.locator('#search-results a').evaluateAll((as) => as.slice(0, 3).map((a) => a.getAttribute('href')));
    expect(hrefs.some((h) => h?.startsWith(path)), `top 3 for ${query}: ${hrefs.join(', ')}`).toBe(true);
    const hit = page.locator(`#search-results a[href^="${path}"]`).first();
    await hit.click();
    await expect(page).toHaveURL(new RegExp(path.replace(/\//g, '\\/')));
    await expect(page.locator('h1')).toBeVisible();
  });
}
