/**
 * `npm run bench [-- --sources 10000] [--no-readme]`
 *
 * Generates a realistic corpus from the real inputs in content/raw (Telegram
 * posts as a Desktop JSON export, review pages as flight payloads, digest items
 * as Markdown; default mix 50 % / 40 % / 10 %), builds it in bench-out/site with
 * the project's own pipeline, and measures each step: wall time and peak RSS
 * (GNU time when present, else /proc polling). Then a one-source incremental
 * rebuild. Writes the table into README.md between the bench markers.
 */
import { spawn } from 'node:child_process';
import { cp, mkdir, readFile, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUT = path.join(ROOT, 'bench-out');
const SITE = path.join(OUT, 'site');
const arg = (name: string, def: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : def;
};
const TOTAL = Number(arg('sources', '10000'));
const N_TG = Math.round(TOTAL * 0.5);
const N_REV = Math.round(TOTAL * 0.4);
const N_DIG = TOTAL - N_TG - N_REV;

interface Step {
  name: string;
  seconds: number;
  peakMB: number;
}

async function run(name: string, cmd: string, args: string[], cwd: string): Promise<Step> {
  const gnuTime = existsSync('/usr/bin/time');
  const started = performance.now();
  const tmp = path.join(OUT, `${name.replace(/\W+/g, '-')}.time`);
  const child = gnuTime
    ? spawn('/usr/bin/time', ['-f', '%M', '-o', tmp, cmd, ...args], { cwd, stdio: ['ignore', 'inherit', 'inherit'] })
    : spawn(cmd, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'] });
  let peakKB = 0;
  const poll = gnuTime ? undefined : setInterval(async () => (peakKB = Math.max(peakKB, await treeRssKB(child.pid!))), 200);
  const code: number = await new Promise((res) => child.on('exit', (c) => res(c ?? 1)));
  if (poll) clearInterval(poll);
  if (code !== 0) throw new Error(`${name} failed with exit code ${code}`);
  if (gnuTime) peakKB = Number((await readFile(tmp, 'utf8')).trim().split('\n').pop());
  return { name, seconds: (performance.now() - started) / 1000, peakMB: peakKB / 1024 };
}

/** Run a measuring script and return what it printed (it may exit non-zero when a budget is missed). */
async function capture(cmd: string, args: string[], cwd: string): Promise<string> {
  const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  const code: number = await new Promise((res) => child.on('exit', (c) => res(c ?? 1)));
  return code === 0 ? out : `${out}\n(exit code ${code}: budget missed)`;
}

/** RSS of a process and its children (fallback when GNU time is missing). */
async function treeRssKB(pid: number): Promise<number> {
  let total = 0;
  const read = async (p: number) => {
    const status = await readFile(`/proc/${p}/status`, 'utf8').catch(() => '');
    total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    const kids = await readFile(`/proc/${p}/task/${p}/children`, 'utf8').catch(() => '');
    for (const k of kids.split(/\s+/).filter(Boolean)) await read(Number(k));
  };
  await read(pid);
  return total;
}

// ---------- corpus generation ----------

async function generate() {
  const raw = path.join(SITE, 'content/raw');
  await mkdir(raw, { recursive: true });
  const seedDir = path.join(ROOT, 'content/raw/seeds');
  const seeds = await readdir(seedDir);
  const tgText = await readFile(path.join(seedDir, seeds.find((s) => s.startsWith('001'))!), 'utf8');
  const digest = await readFile(path.join(seedDir, seeds.find((s) => s.startsWith('002'))!), 'utf8');

  // Telegram: paragraphs of the real channel, recombined into posts of 1–4 paragraphs.
  const paras = tgText.split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p.length > 40);
  const messages = [];
  const t0 = 1735689600; // 2025-01-01T00:00:00Z
  for (let i = 0; i < N_TG; i++) {
    const n = 1 + (i % 4);
    const text = Array.from({ length: n }, (_, k) => paras[(i * 7 + k * 13) % paras.length]).join('\n\n');
    const unix = t0 + i * 3607;
    messages.push({
      id: i + 1,
      type: 'message',
      date: new Date((unix + 9 * 3600) * 1000).toISOString().slice(0, 19),
      date_unixtime: String(unix),
      from: 'Bench Channel',
      from_id: 'channel1234567',
      text: [{ type: 'bold', text: `#${i + 1} ` }, text],
      text_entities: [{ type: 'bold', text: `#${i + 1} ` }, { type: 'plain', text }],
      ...(i % 5 === 0 ? { reactions: [{ type: 'emoji', count: 3 + (i % 40), emoji: '👍' }] } : {}),
    });
  }
  await mkdir(path.join(raw, 'telegram'), { recursive: true });
  await writeFile(
    path.join(raw, 'telegram/result.json'),
    JSON.stringify({ name: 'Bench Channel', type: 'public_channel', id: 1234567, messages }, null, 1),
  );

  // Reviews: the real payloads, each copy with its own slug and title (JSON rows only,
  // so the byte counts of T rows stay valid).
  const revRoot = path.join(ROOT, 'content/raw/reviews');
  const pages: string[] = [];
  for (const d of (await readdir(revRoot)).sort()) {
    const f = path.join(revRoot, d, 'index.txt');
    if (existsSync(f)) pages.push(await readFile(f, 'utf8'));
  }
  for (let i = 0; i < N_REV; i++) {
    const page = pages[i % pages.length]!;
    const slug = /"slug","ai\/review\/([^"]+)"/.exec(page)![1]!;
    const copy = page
      .split(`ai/review/${slug}`).join(`ai/review/${slug}-b${i}`)
      .split(`"${slug}"`).join(`"${slug}-b${i}"`)
      .replace(/(\[논문리뷰\] [^"]*)"/g, `$1 (사본 ${i})"`);
    const dir = path.join(raw, 'reviews', `${slug}-b${i}`);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'index.txt'), copy);
  }

  // Digests: the real digest's research items, ten per file, titles numbered.
  const blocks = digest.split(/\n---\n/);
  const items = blocks.slice(1, -1);
  await mkdir(path.join(raw, 'digests'), { recursive: true });
  for (let f = 0; f * 10 < N_DIG; f++) {
    const chosen = [];
    for (let k = 0; k < 10 && f * 10 + k < N_DIG; k++) {
      const n = f * 10 + k;
      chosen.push(items[n % items.length]!.replace(/^(\s*\*\*)([^*]+)/, `$1$2 No. ${n}`));
    }
    const text = [blocks[0], ...chosen, blocks[blocks.length - 1]].join('\n---\n');
    await writeFile(path.join(raw, 'digests', `digest-${String(f).padStart(4, '0')}.md`), text);
  }
}

async function prepareSite() {
  await rm(OUT, { recursive: true, force: true });
  await mkdir(SITE, { recursive: true });
  for (const f of ['src', 'scripts', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
    if (existsSync(path.join(ROOT, f))) await cp(path.join(ROOT, f), path.join(SITE, f), { recursive: true });
  }
  await mkdir(path.join(SITE, 'content'), { recursive: true });
  await cp(path.join(ROOT, 'content/topics'), path.join(SITE, 'content/topics'), { recursive: true });
  // Link node_modules entry by entry, not as one symlink: Astro's content store
  // (node_modules/.astro) and our render/OG caches (node_modules/.cache) must be the
  // bench site's own, or the bench and the real site would share (and spoil) them.
  await mkdir(path.join(SITE, 'node_modules'));
  for (const entry of await readdir(path.join(ROOT, 'node_modules'))) {
    if (entry === '.astro' || entry === '.cache' || entry === '.vite') continue;
    await symlink(path.join(ROOT, 'node_modules', entry), path.join(SITE, 'node_modules', entry));
  }
}

async function dirSize(dir: string): Promise<{ bytes: number; html: number }> {
  let bytes = 0;
  let html = 0;
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    bytes += (await stat(path.join(e.parentPath, e.name))).size;
    if (e.name.endsWith('.html')) html++;
  }
  return { bytes, html };
}

const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`;

async function main() {
  const node = process.execPath;
  const astro = path.join(ROOT, 'node_modules/astro/bin/astro.mjs');
  await prepareSite();
  await generate();
  const steps: Step[] = [];
  steps.push(await run('ingest', node, ['scripts/ingest.ts'], SITE));
  steps.push(await run('astro build', node, [astro, 'build'], SITE));
  steps.push(await run('pagefind', node, ['scripts/postbuild.ts'], SITE));
  const dist = await dirSize(path.join(SITE, 'dist'));
  const index = await dirSize(path.join(SITE, 'dist/pagefind'));
  const total = steps.reduce((s, x) => s + x.seconds, 0);
  const peak = Math.max(...steps.map((s) => s.peakMB));

  // Page weight of the 10k site's pages (scripts/page-weight.ts), and search quality,
  // latency and bytes in Chromium (scripts/bench-search.ts) when it is there.
  const weight = await capture(node, ['scripts/page-weight.ts', 'dist'], SITE);
  // Run from the project (it reads the query set in tests/search/), against the bench site's dist.
  const searchBench = await capture(node, ['scripts/bench-search.ts', path.join(SITE, 'dist')], ROOT);

  // Incremental: one new review, then the same three steps again.
  const revDir = path.join(SITE, 'content/raw/reviews');
  const first = (await readdir(revDir)).sort()[0]!;
  const added = path.join(revDir, `${first}-incremental`);
  await mkdir(added, { recursive: true });
  const page = await readFile(path.join(revDir, first, 'index.txt'), 'utf8');
  const slug = /"slug","ai\/review\/([^"]+)"/.exec(page)![1]!;
  await writeFile(path.join(added, 'index.txt'), page.split(slug).join(`${slug}-incremental`));
  const inc: Step[] = [];
  inc.push(await run('ingest (+1)', node, ['scripts/ingest.ts'], SITE));
  inc.push(await run('astro build (+1)', node, [astro, 'build'], SITE));
  inc.push(await run('pagefind (+1)', node, ['scripts/postbuild.ts'], SITE));
  const incTotal = inc.reduce((s, x) => s + x.seconds, 0);

  const rows = [
    `Generated corpus: **${TOTAL.toLocaleString('en')} sources** (${N_TG} Telegram posts in one result.json, ${N_REV} review payloads, ${N_DIG} digest items), measured ${new Date().toISOString().slice(0, 10)} on this 2-core machine.`,
    '',
    '| step | wall time | peak RSS |',
    '| --- | ---: | ---: |',
    ...steps.map((s) => `| ${s.name} | ${s.seconds.toFixed(1)} s | ${s.peakMB.toFixed(0)} MB |`),
    `| **total build** | **${total.toFixed(1)} s** | **${peak.toFixed(0)} MB** |`,
    ...inc.map((s) => `| ${s.name} | ${s.seconds.toFixed(1)} s | ${s.peakMB.toFixed(0)} MB |`),
    `| **rebuild after adding 1 source** | **${incTotal.toFixed(1)} s** | |`,
    '',
    '',
    'Page weight on this site (gzip; fonts and images aside):',
    '',
    '```',
    weight.trim(),
    '```',
    '',
    'Search on this site (real Pagefind bundle in Chromium):',
    '',
    searchBench.trim(),
    '',
    `Pages: ${dist.html.toLocaleString('en')} HTML files · dist/: ${mb(dist.bytes)} · Pagefind index: ${mb(index.bytes)} · per page: ${((total * 1000) / Math.max(1, dist.html)).toFixed(1)} ms`,
  ];
  const table = rows.join('\n');
  console.log('\n' + table);
  await writeFile(path.join(OUT, 'result.md'), table + '\n');
  if (!process.argv.includes('--no-readme')) {
    const readme = path.join(ROOT, 'README.md');
    const text = await readFile(readme, 'utf8');
    const re = /(<!-- bench:start -->\n)[\s\S]*?(\n<!-- bench:end -->)/;
    if (re.test(text)) await writeFile(readme, text.replace(re, `$1${table}$2`));
  }
}

await main();
