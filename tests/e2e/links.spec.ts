/**
 * The link checker (scripts/check-links.ts) over the built site: no broken internal
 * link or anchor anywhere in dist/. Also checks the checker on a tiny made-up site,
 * so a green run means "checked", not "checked nothing".
 */
import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const run = (...args: string[]) => spawnSync(process.execPath, [path.join(root, 'scripts/check-links.ts'), ...args], { encoding: 'utf8', env: { ...process.env, BASE: '/', SITE: 'https://ai-kb.example.org' } });

test('every internal link and anchor in dist/ resolves', () => {
  const r = run(path.join(root, 'dist'));
  expect(r.stdout + r.stderr).toMatch(/check-links: \d+ pages, \d+ internal links, 0 broken/);
  expect(r.status).toBe(0);
});

test('the checker finds broken files and anchors, follows redirects, respects base', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'links-'));
  try {
    const page = (rel: string, html: string) => {
      mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      writeFileSync(path.join(dir, rel), `<!doctype html><html><body>${html}</body></html>`);
    };
    page('index.html', '<h2 id="a">A</h2><a href="/repo/b/#x">ok</a><a href="/repo/b/#nope">bad anchor</a><a href="/repo/c/">missing</a><a href="#a">self</a><a href="https://example.com/">ext</a><a href="/repo/old/#x">via redirect</a><img src="/repo/img.png"><a href="/elsewhere/">outside</a><script>var s = \'<a href="/repo/zzz/">\'</script>');
    page('b/index.html', '<p id="x">x</p>');
    page('old/index.html', '<meta http-equiv="refresh" content="0;url=/repo/b/">');
    writeFileSync(path.join(dir, 'img.png'), '');
    // Pages live at /repo/: the files are the site root.
    const r = spawnSync(process.execPath, [path.join(root, 'scripts/check-links.ts'), dir, '--base', '/repo/'], { encoding: 'utf8' });
    const out = r.stdout;
    expect(r.status).toBe(1);
    expect(out).toContain('index.html: /repo/b/#nope — no id "nope"');
    expect(out).toContain('index.html: /repo/c/ — no such file');
    expect(out).toContain('index.html: /elsewhere/ — outside base /repo/');
    expect(out).not.toContain('/repo/old/#x');
    expect(out).not.toContain('zzz');
    expect(out).toMatch(/3 broken/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
