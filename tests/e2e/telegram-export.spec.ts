/**
 * Issue 3, point 6: a Telegram Desktop export dropped into content/raw/ becomes
 * pages of the built site. This spec builds its OWN small site: a temp copy of
 * the project (tracked and new files, no raw inputs or generated sources of the
 * main tree, node_modules symlinked) with one JSON and one HTML export, runs
 * `npm run build` there, serves that dist/ on its own port, and checks each
 * post's page (text; for JSON the time to the minute) and the source list's links.
 */
import { expect, test } from '@playwright/test';
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { messagesHtml, plainText, resultJson, type ExportChat, type ExportPost } from '../helpers/telegram-exports.ts';

const REPO = path.resolve(import.meta.dirname, '../..');
const NODE = path.join(REPO, 'node_modules/.bin/node');
const PORT = Number(process.env.E2E_TG_PORT ?? 4402);
const BASE = `http://127.0.0.1:${PORT}`;
const KEEP = process.env.E2E_KEEP === '1';

// 2025-03-01 10:15 KST and on; the JSON chat was exported on a machine at UTC+3, so wall time ≠ Korea time.
const T0 = 1_740_791_700;
const JSON_CHAT: ExportChat = { name: 'AI 소식 🌏 E2E', id: 1777000111, tzHours: 3 };
const JSON_POSTS: ExportPost[] = [
  { id: 11, unix: T0, text: '**한국어** 게시물입니다: 트랜스포머 구조를 설명합니다 🤖 #인공지능', reactions: [{ emoji: '👍', count: 7 }] },
  { id: 12, unix: T0 + 3 * 3600 + 7 * 60, text: 'مرحبا بالعالم! نموذج لغوي جديد للترجمة 🌍' },
  { id: 13, unix: T0 + 26 * 3600 + 42 * 60, text: '이모지 가득한 글 🎉🔥🧠 지난 글: https://t.me/kb_e2e_json/11' },
];
const HTML_TITLE = 'ML 노트 📚 E2E';
const HTML_POSTS: ExportPost[] = [
  { id: 21, unix: T0 + 100, text: '**HTML** 내보내기 첫 글: 한국어 본문과 [논문 링크](https://arxiv.org/abs/1706.03762) 📄' },
  { id: 22, unix: T0 + 5000, text: 'النص العربي في تصدير HTML ✨' },
  { id: 23, unix: T0 + 9000, text: '세 번째 글 😀👋 끝.' },
];

/** `2025년 3월 1일 10:15`: the site shows exact instants in Korea time (src/lib/view/dates.ts). */
function koreaMinute(unix: number): string {
  const d = new Date((unix + 9 * 3600) * 1000);
  return `${d.getUTCFullYear()}년 ${d.getUTCMonth() + 1}월 ${d.getUTCDate()}일 ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
}

let work: string;
let server: ChildProcess | undefined;

function run(cmd: string, args: string[], cwd: string, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, PATH: `${path.join(cwd, 'node_modules/.bin')}:${process.env.PATH}` };
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout!.on('data', (d) => (out += d));
    child.stderr!.on('data', (d) => (out += d));
    const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(out);
      else reject(new Error(`${cmd} ${args.join(' ')} failed (${signal ?? `exit ${code}`}):\n${out.slice(-6000)}`));
    });
  });
}

/** The project as it stands (committed and new files), minus raw inputs and generated output. */
async function copyProject(dest: string) {
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: REPO, maxBuffer: 64 << 20 })
    .toString('utf8')
    .split('\0')
    .filter(Boolean)
    .filter((f) => !/^(content\/(raw|sources)\/|content\/(permalinks|redirects)\.json$|dist\/|bench-out\/|tests\/)/.test(f))
    .filter((f) => existsSync(path.join(REPO, f)));
  for (const f of files) {
    await mkdir(path.dirname(path.join(dest, f)), { recursive: true });
    await copyFile(path.join(REPO, f), path.join(dest, f));
  }
  await symlink(path.join(REPO, 'node_modules'), path.join(dest, 'node_modules'), 'dir');
}

async function waitForServer(url: string, ms: number) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await fetch(url).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server at ${url} did not start`);
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(12 * 60_000);
  work = await mkdtemp(path.join(tmpdir(), 'kb-e2e-tg-'));
  await copyProject(work);
  const raw = path.join(work, 'content/raw/telegram');
  await mkdir(path.join(raw, 'ChatExport_2025-03-05'), { recursive: true });
  await writeFile(path.join(raw, 'ChatExport_2025-03-05/result.json'), resultJson(JSON_CHAT, JSON_POSTS));
  await mkdir(path.join(raw, 'ml-notes'), { recursive: true });
  await writeFile(path.join(raw, 'ml-notes/channel.yaml'), 'username: kb_e2e_html\n');
  await writeFile(path.join(raw, 'ml-notes/messages.html'), messagesHtml(HTML_TITLE, HTML_POSTS));

  // Another helper may be mid-edit on the site's pages: one retry after a pause.
  let lastError: unknown;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await run('npm', ['run', 'build'], work, 5 * 60_000);
      lastError = undefined;
      break;
    } catch (e) {
      lastError = e;
      await new Promise((r) => setTimeout(r, 30_000));
    }
  }
  if (lastError) throw lastError;

  server = spawn(NODE, [path.join(work, 'scripts/serve.ts'), path.join(work, 'dist'), String(PORT)], { stdio: 'ignore' });
  await waitForServer(`${BASE}/sources/`, 20_000);
});

test.afterAll(async () => {
  server?.kill('SIGTERM');
  if (work && !KEEP) await rm(work, { recursive: true, force: true });
});

const cases = [
  ...JSON_POSTS.map((p) => ({ format: 'json', url: `/sources/telegram/kb-e2e-json/${p.id}/`, post: p })),
  ...HTML_POSTS.map((p) => ({ format: 'html', url: `/sources/telegram/kb-e2e-html/${p.id}/`, post: p })),
];

for (const { format, url, post } of cases) {
  test(`${format} export post ${post.id} has its page at ${url}`, async ({ page }) => {
    const res = await page.goto(`${BASE}${url}`);
    expect(res?.status()).toBe(200);
    const article = page.locator('article.source');
    await expect(article).toContainText(plainText(post.text).split('\n')[0]!.slice(0, 40));
    for (const emoji of post.text.match(/\p{Extended_Pictographic}/gu) ?? []) await expect(article).toContainText(emoji);
    if (format === 'json') {
      // The instant, to the minute: shown in Korea time, machine-readable with the export's own offset.
      const time = page.locator('header.page-head time').first();
      const wall = new Date((post.unix + 3 * 3600) * 1000).toISOString().slice(0, 16);
      // Korea time first, then the exporter's own wall clock (UTC+03:00 here) for readers comparing with the original.
      const [, mo, d, hm] = /^\d{4}-(\d{2})-(\d{2})T(\d{2}:\d{2})$/.exec(wall)!;
      await expect(time).toHaveText(`${koreaMinute(post.unix)} (한국 시간 · 현지 ${Number(mo)}월 ${Number(d)}일 ${hm}, UTC+03:00)`);
      expect(await time.getAttribute('datetime')).toMatch(new RegExp(`^${wall}:\\d\\d\\+03:00$`));
    }
    await expect(page.locator(`a[href="https://t.me/kb_e2e_${format}/${post.id}"]`).first()).toBeVisible();
  });
}

test('the source list links to every post page', async ({ page }) => {
  await page.goto(`${BASE}/sources/`);
  for (const { url, post } of cases) {
    const link = page.locator(`a.item-title[href="${url}"]`);
    await expect(link, url).toHaveCount(1);
    await expect(link).toContainText(plainText(post.text).split('\n')[0]!.slice(0, 10));
    await link.click();
    await expect(page).toHaveURL(`${BASE}${url}`);
    await page.goBack();
  }
});
