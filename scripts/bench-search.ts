/**
 * `node scripts/bench-search.ts <dist> [--port 4397] [--base /] [--cold 5]`
 *
 * Search at any site size (issue 5): serves a built dist/ with scripts/serve.ts,
 * runs the query set (tests/search/queries.json) through the real search page in
 * Chromium, and measures what a reader waits for and downloads:
 *
 * - hit rate: expected topic page in the top 3 (≥ 95 %);
 * - first query: from submitting the form on a freshly loaded search page (empty
 *   cache, network idle: the page fetches the engine as it loads) to its first
 *   results on screen (max ≤ 150 ms), over `--cold` fresh pages. The page shows the
 *   named topics and Pagefind's results in batches of five; the time to the whole
 *   first page, and to a query submitted at the load event (engine still loading),
 *   are shown too, not budgeted;
 * - later queries: every other query in the same page (p95 ≤ 50 ms to first results);
 * - bytes fetched for the first query (≤ 250 KB): every search resource, whenever
 *   the page fetched it — pagefind.js and its worker, the wasm, entry/meta, index
 *   and filter chunks, fragments, search-topics.json — counted as a static host
 *   sends them (JS/JSON gzip-encoded, Pagefind's own files are gzip already);
 *   scripts/serve.ts does not compress, so its raw bytes are shown too. The page's
 *   own HTML, CSS and script bundle are listed apart and not counted.
 *
 * Prints a Markdown table; exits 1 when a budget is missed.
 */
import { spawn } from 'node:child_process';
import { readdir, readFile, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright';
import { formatMisses, QUERIES, runQuality } from '../tests/helpers/search-quality.ts';

const BUDGET = { rate: 0.95, firstMs: 150, laterMs: 50, firstBytes: 250 * 1024 };

const args = process.argv.slice(2);
const opt = (name: string, def: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1]! : def;
};
const dist = path.resolve(args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) ?? 'dist');
const port = Number(opt('port', '4397'));
const base = opt('base', '/').replace(/\/?$/, '/');
const coldRuns = Number(opt('cold', '5'));
const origin = `http://127.0.0.1:${port}`;
if (!existsSync(path.join(dist, 'pagefind/pagefind.js'))) throw new Error(`${dist}: no pagefind/pagefind.js — build the site first`);

async function startServer() {
  const server = spawn(process.execPath, [path.join(import.meta.dirname, 'serve.ts'), dist, String(port)], { stdio: ['ignore', 'ignore', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    server.stderr.on('data', (d: Buffer) => d.toString().includes('serving') && resolve());
    server.on('exit', (c) => reject(new Error(`serve.ts exited with ${c}`)));
  });
  return server;
}

const KB = (b: number) => `${(b / 1024).toFixed(1)} KB`;
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? 0;
};

/**
 * Submits `q` in the search page; resolves with the milliseconds until its first
 * results are on screen (the status line names the query) and until the whole first
 * page is (the list is no longer aria-busy).
 */
async function timedQuery(page: Page, q: string): Promise<{ first: number; full: number }> {
  return page.evaluate(async (q) => {
    const input = document.getElementById('q') as HTMLInputElement;
    const status = document.getElementById('search-status')!;
    const list = document.getElementById('search-results')!;
    let first = 0;
    const t0 = performance.now();
    const finished = new Promise<number>((resolve) => {
      const check = () => {
        if (!status.textContent!.startsWith(`‘${q}’`)) return;
        first ||= performance.now() - t0;
        if (list.getAttribute('aria-busy') === 'false') (mo.disconnect(), resolve(performance.now() - t0));
      };
      const mo = new MutationObserver(check);
      mo.observe(document.getElementById('search')!, { childList: true, characterData: true, subtree: true, attributes: true });
    });
    input.value = q;
    input.form!.requestSubmit();
    const full = await finished;
    return { first, full };
  }, q);
}

interface Fetched {
  url: string;
  bytes: number;
  gzip: number;
}

/**
 * Records every finished request of a browser context (its pages and Pagefind's
 * worker) with its body size on the wire and the gzip size a host would send.
 */
function recordResponses(context: BrowserContext): Fetched[] {
  const out: Fetched[] = [];
  context.on('requestfinished', async (req) => {
    const [sizes, res] = await Promise.all([req.sizes(), req.response()]);
    const entry = { url: req.url(), bytes: sizes.responseBodySize + sizes.responseHeadersSize, gzip: 0 };
    out.push(entry);
    const body = res ? await res.body().catch(() => null) : null;
    // Bytes on the wire (serve.ts gzips text like a static host); Chromium reports 0 for a
    // worker script's body, and then the body itself says what came.
    if (body && sizes.responseBodySize === 0) entry.bytes = body.length + sizes.responseHeadersSize;
    // Pagefind's chunks and wasm are gzip already; what serve.ts sends raw a host would gzip.
    entry.gzip = body && !/\.pf_|\.pagefind$/.test(entry.url) ? gzipSync(body).length + sizes.responseHeadersSize : entry.bytes;
  });
  return out;
}

const isSearchResource = (url: string) => /\/pagefind\/|\/search-topics\.json/.test(url);

/**
 * A fresh context (empty cache), the search page, one query. `settled`: the query is
 * submitted once the page is idle (a reader needs longer than that to type); otherwise
 * at the load event, while the page is still fetching the engine.
 */
async function coldRun(browser: Browser, q: string, settled: boolean) {
  const context = await browser.newContext();
  const fetched = recordResponses(context);
  const page = await context.newPage();
  await page.goto(`${origin}${base}search/`, { waitUntil: settled ? 'networkidle' : 'load' });
  const ms = await timedQuery(page, q);
  await page.waitForTimeout(200); // let the last requestfinished handlers run
  const search = fetched.filter((f) => isSearchResource(f.url));
  const own = fetched.filter((f) => !isSearchResource(f.url));
  await context.close();
  return { q, ms, search, own };
}

async function dirBytes(dir: string): Promise<number> {
  let n = 0;
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) if (e.isFile()) n += (await stat(path.join(e.parentPath, e.name))).size;
  return n;
}

async function main() {
  const server = await startServer();
  const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
  const browser = await chromium.launch(systemChromium ? { executablePath: systemChromium, args: ['--no-sandbox', '--disable-gpu'] } : {});
  try {
    // Warm the server's file cache so the first measured run is not a disk benchmark.
    await (await browser.newPage()).goto(`${origin}${base}search/?q=warm`);

    const cold = [];
    const atLoad = [];
    for (let i = 0; i < coldRuns; i++) {
      const q = QUERIES[(i * 37) % QUERIES.length]!.q;
      cold.push(await coldRun(browser, q, true));
      atLoad.push((await coldRun(browser, q, false)).ms);
    }

    const page = await browser.newPage();
    await page.goto(`${origin}${base}search/`, { waitUntil: 'networkidle' });
    await timedQuery(page, QUERIES[0]!.q);
    const later = [];
    for (const { q } of QUERIES.slice(1)) later.push(await timedQuery(page, q));

    const quality = await runQuality(await browser.newPage(), origin, base);

    const topics = await readFile(path.join(dist, 'search-topics.json'));
    const indexBytes = await dirBytes(path.join(dist, 'pagefind'));
    const pages = (await readdir(dist, { recursive: true })).filter((f) => String(f).endsWith('.html')).length;
    const bytes = cold.map((c) => c.search.reduce((s, f) => s + f.bytes, 0));
    const gz = cold.map((c) => c.search.reduce((s, f) => s + f.gzip, 0));
    const worst = cold[gz.indexOf(Math.max(...gz))]!;
    const times = (xs: { first: number; full: number }[], k: 'first' | 'full') => xs.map((x) => x[k]);
    const med = (xs: number[]) => pct(xs, 50).toFixed(0);

    const ok = {
      rate: quality.rate >= BUDGET.rate,
      first: Math.max(...times(cold.map((c) => c.ms), 'first')) <= BUDGET.firstMs,
      later: pct(times(later, 'first'), 95) <= BUDGET.laterMs,
      bytes: Math.max(...gz) <= BUDGET.firstBytes,
    };
    const mark = (b: boolean) => (b ? '✅' : '❌');
    const row = (label: string, xs: number[], budget: string, pass?: boolean) =>
      `| ${label} | ${med(xs)} / ${pct(xs, 95).toFixed(0)} / ${Math.max(...xs).toFixed(0)} ms | ${budget} | ${pass === undefined ? '' : mark(pass)} |`;
    const rows = [
      `Search on ${dist}: ${pages.toLocaleString('en')} HTML pages · Pagefind index ${(indexBytes / 1024 / 1024).toFixed(1)} MB · search-topics.json ${KB(topics.length)} (${KB(gzipSync(topics).length)} gzip)`,
      '',
      '| measure | value | budget | |',
      '| --- | ---: | ---: | --- |',
      `| hit rate (expected page in top 3, ${quality.total} queries) | ${(quality.rate * 100).toFixed(1)} % (${quality.hits}/${quality.total}) | ≥ 95 % | ${mark(ok.rate)} |`,
      '| **latency** (median / p95 / max) | | | |',
      row(`first query, first results on screen (${coldRuns} fresh pages, page loaded)`, times(cold.map((c) => c.ms), 'first'), `max ≤ ${BUDGET.firstMs} ms`, ok.first),
      row('first query, whole first page (10 results)', times(cold.map((c) => c.ms), 'full'), '—'),
      row('first query submitted at the load event, first results', times(atLoad, 'first'), '—'),
      row(`later queries (${later.length}), first results on screen`, times(later, 'first'), `p95 ≤ ${BUDGET.laterMs} ms`, ok.later),
      row('later queries, whole first page', times(later, 'full'), '—'),
      '| **weight** of the first query (max over fresh pages) | | | |',
      `| bytes as a static host sends them (gzip for JS/JSON; Pagefind files are gzip already) | ${KB(Math.max(...gz))} | ≤ ${KB(BUDGET.firstBytes)} | ${mark(ok.bytes)} |`,
      `| bytes on the wire from scripts/serve.ts (gzips text like a static host) | ${KB(Math.max(...bytes))} | — | |`,
      '',
      `Heaviest first query: ‘${worst.q}’ — ${worst.search.length} search requests:`,
      '',
      '| resource | bytes on the wire | gzip-served |',
      '| --- | ---: | ---: |',
      ...summarise(worst.search).map(([k, n, b, g]) => `| ${k} (${n}) | ${KB(b)} | ${KB(g)} |`),
      `| *not counted: the page's own HTML/CSS/JS* (${worst.own.length}) | *${KB(worst.own.reduce((s, f) => s + f.bytes, 0))}* | *${KB(worst.own.reduce((s, f) => s + f.gzip, 0))}* |`,
    ];
    console.log(rows.join('\n'));
    if (quality.misses.length) console.log(`\nMisses:\n${formatMisses(quality)}`);
    if (!Object.values(ok).every(Boolean)) process.exitCode = 1;
  } finally {
    await browser.close();
    server.kill();
  }
}

/** Groups requests by resource kind: [kind, count, bytes, gzip]. */
function summarise(fs: Fetched[]): [string, number, number, number][] {
  const kind = (u: string) =>
    /search-topics/.test(u) ? 'search-topics.json' : /\/fragment\//.test(u) ? 'fragments' : /\/index\//.test(u) ? 'index chunks' : /\/filter\//.test(u) ? 'filter chunks' : /wasm/.test(u) ? 'wasm' : path.basename(new URL(u).pathname);
  const m = new Map<string, [number, number, number]>();
  for (const f of fs) {
    const r = m.get(kind(f.url)) ?? [0, 0, 0];
    m.set(kind(f.url), [r[0] + 1, r[1] + f.bytes, r[2] + f.gzip]);
  }
  return [...m].map(([k, [n, b, g]]) => [k, n, b, g]);
}

await main();
