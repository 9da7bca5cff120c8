/**
 * Page weight, measured on the built site: for each page, the gzip-compressed
 * bytes of its HTML, the CSS it links and the JS it loads up front (script src
 * and modulepreload; inline scripts are in the HTML). Fonts and images aside.
 * Budget: 60 KB per topic page. Also checks that KaTeX's CSS is linked exactly
 * on the pages that contain math.
 *
 *   node scripts/page-weight.ts [dist] [page paths…] [--json] [--check]
 *
 * Without page paths it measures the home page, a kind index, the topic pages with
 * the most and the median mentions, and one source page of each kind.
 * --check exits 1 when a topic page is over budget or KaTeX is linked wrongly.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export const BUDGET_BYTES = 60 * 1024;

export interface PageWeight {
  page: string;
  html: number;
  css: number;
  js: number;
  total: number;
  /** Raw (uncompressed) HTML bytes. */
  rawHtml: number;
}

const gz = (b: Buffer | string) => gzipSync(b, { level: 6 }).length;

function assetsOf(html: string): { css: string[]; js: string[] } {
  const css = [...html.matchAll(/<link\b[^>]*rel=["']?stylesheet["']?[^>]*>/gi)].map((m) => /href=["']?([^"'\s>]+)/i.exec(m[0])?.[1]).filter((h): h is string => Boolean(h));
  const js = [
    ...[...html.matchAll(/<script\b[^>]*\ssrc=["']?([^"'\s>]+)/gi)].map((m) => m[1]!),
    ...[...html.matchAll(/<link\b[^>]*rel=["']?modulepreload["']?[^>]*>/gi)].map((m) => /href=["']?([^"'\s>]+)/i.exec(m[0])?.[1]).filter((h): h is string => Boolean(h)),
  ];
  return { css: [...new Set(css)], js: [...new Set(js)] };
}

export function weigh(dist: string, page: string, base = '/'): PageWeight {
  const file = path.join(dist, page.replace(/^\//, ''), page.endsWith('.html') ? '' : 'index.html');
  const html = readFileSync(file);
  const { css, js } = assetsOf(html.toString('utf8'));
  const asset = (href: string) => {
    if (/^[a-z]+:|^\/\//i.test(href)) return 0;
    const rel = href.startsWith(base) ? href.slice(base.length) : href.replace(/^\//, '');
    try {
      return gz(readFileSync(path.join(dist, rel.split(/[?#]/)[0]!)));
    } catch {
      return 0;
    }
  };
  const h = gz(html);
  const c = css.reduce((n, x) => n + asset(x), 0);
  const j = js.reduce((n, x) => n + asset(x), 0);
  return { page, html: h, css: c, js: j, total: h + c + j, rawHtml: html.length };
}

/** KaTeX CSS must be linked exactly where math is rendered. */
export function katexCheck(dist: string): { pages: number; math: number; linked: number; wrong: string[] } {
  const files = (readdirSync(dist, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => path.join(e.parentPath, e.name));
  let math = 0;
  let linked = 0;
  const wrong: string[] = [];
  for (const f of files) {
    const html = readFileSync(f, 'utf8');
    const hasMath = /class="katex(?:-display)?"/.test(html);
    const links = /<link\b[^>]*href=["'][^"']*katex[^"']*\.css/i.test(html);
    if (hasMath) math++;
    if (links) linked++;
    if (hasMath !== links) wrong.push(`${path.relative(dist, f)}: ${hasMath ? 'math without KaTeX CSS' : 'KaTeX CSS without math'}`);
  }
  return { pages: files.length, math, linked, wrong };
}

function defaultPages(dist: string): string[] {
  const pages = ['/', '/techniques/'];
  // Topic pages by size of their mention list: the largest and the median.
  const topics: { page: string; mentions: number }[] = [];
  for (const kind of ['models', 'techniques', 'infra', 'policy']) {
    let dirs: string[] = [];
    try {
      dirs = readdirSync(path.join(dist, kind));
    } catch {
      continue;
    }
    for (const slug of dirs) {
      try {
        const html = readFileSync(path.join(dist, kind, slug, 'index.html'), 'utf8');
        if (/http-equiv=["']?refresh/i.test(html)) continue; // an alias redirect
        topics.push({ page: `/${kind}/${slug}/`, mentions: (html.match(/class="mention"/g) ?? []).length });
      } catch {
        // not a page
      }
    }
  }
  topics.sort((a, b) => b.mentions - a.mentions || (a.page < b.page ? -1 : 1));
  if (topics[0]) pages.push(topics[0].page);
  if (topics.length > 2) pages.push(topics[Math.floor(topics.length / 2)]!.page);
  for (const p of ['/models/deepseek-v3/', '/techniques/mixture-of-experts/']) if (topics.some((t) => t.page === p) && !pages.includes(p)) pages.push(p);
  // One source page of each kind.
  for (const kind of ['telegram', 'reviews', 'digests']) {
    try {
      const first = (readdirSync(path.join(dist, 'sources', kind), { recursive: true }) as string[]).filter((f) => f.endsWith('index.html')).sort()[0];
      if (first) pages.push(`/sources/${kind}/${first.replace(/index\.html$/, '')}`);
    } catch {
      // no sources of that kind
    }
  }
  pages.push('/search/');
  return pages;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const check = args.includes('--check');
  const rest = args.filter((a) => !a.startsWith('--'));
  const dist = path.resolve(rest[0] ?? path.join(import.meta.dirname, '../dist'));
  const base = (process.env.BASE ?? '/').replace(/\/?$/, '/');
  const pages = rest.length > 1 ? rest.slice(1) : defaultPages(dist);
  const rows = pages.map((p) => weigh(dist, p, base));
  const katex = katexCheck(dist);
  const isTopic = (p: string) => /^\/(models|techniques|infra|policy)\/[^/]+\/$/.test(p);
  const over = rows.filter((r) => isTopic(r.page) && r.total > BUDGET_BYTES);
  if (json) {
    process.stdout.write(JSON.stringify({ budget: BUDGET_BYTES, rows, katex: { ...katex, wrong: katex.wrong.slice(0, 20) } }, null, 2) + '\n');
  } else {
    const kb = (n: number) => (n / 1024).toFixed(1).padStart(6);
    process.stdout.write(`page weight (gzip -6; fonts and images aside), budget ${BUDGET_BYTES / 1024} KB for topic pages\n`);
    process.stdout.write(`${'page'.padEnd(70)} ${'HTML'.padStart(6)} ${'CSS'.padStart(6)} ${'JS'.padStart(6)} ${'total'.padStart(6)}  raw HTML\n`);
    for (const r of rows) {
      const flag = isTopic(r.page) ? (r.total > BUDGET_BYTES ? '  OVER' : '  ok') : '';
      const name = r.page.length > 70 ? r.page.slice(0, 67) + '...' : r.page;
      process.stdout.write(`${name.padEnd(70)} ${kb(r.html)} ${kb(r.css)} ${kb(r.js)} ${kb(r.total)}  ${kb(r.rawHtml)}${flag}\n`);
    }
    process.stdout.write(`KaTeX CSS: ${katex.linked} of ${katex.pages} pages link it, ${katex.math} have math, ${katex.wrong.length} mismatched\n`);
    for (const w of katex.wrong.slice(0, 20)) process.stdout.write(`  ${w}\n`);
  }
  if (check && (over.length || katex.wrong.length)) process.exit(1);
}
