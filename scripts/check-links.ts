/**
 * Link checker over the built site: every internal href/src in every HTML file
 * must resolve to a file in dist/ (directory URLs to their index.html, redirect
 * pages followed), and every #fragment must be an id (or <a name>) in the target
 * page. Absolute URLs on the site's own origin (canonical, og:image) are checked
 * too. Regex parsing and per-file caches keep it fast on 10,000+ pages.
 *
 *   node scripts/check-links.ts [dist] [--base /repo/] [--site https://host]
 *
 * Prints each broken link with the file it is in; exits 1 when there is any.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface BrokenLink {
  file: string;
  href: string;
  reason: string;
}
export interface LinkReport {
  pages: number;
  links: number;
  broken: BrokenLink[];
  ms: number;
}

const ATTR = /\s(href|src|srcset)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/gi;
const META_URL = /<meta\s[^>]*(?:property|name)\s*=\s*["'](?:og:image|og:url|twitter:image)["'][^>]*>/gi;
const ID = /\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/gi;
const REFRESH = /<meta\s[^>]*http-equiv\s*=\s*["']?refresh["']?[^>]*content\s*=\s*["'][^"']*url=([^"']+)["']/i;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" };
const decodeEntities = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    const l = e.toLowerCase();
    if (ENTITIES[l]) return ENTITIES[l]!;
    if (l.startsWith('#x')) return String.fromCodePoint(parseInt(l.slice(2), 16));
    if (l.startsWith('#')) return String.fromCodePoint(parseInt(l.slice(1), 10));
    return m;
  });

/** Markup without scripts, styles and comments: their text is not links. */
const markupOnly = (html: string) =>
  html.replace(/<script\b[\s\S]*?<\/script\s*>/gi, '').replace(/<style\b[\s\S]*?<\/style\s*>/gi, '').replace(/<!--[\s\S]*?-->/g, '');

export function checkLinks(dist: string, opts: { base?: string; site?: string } = {}): LinkReport {
  const started = performance.now();
  const root = path.resolve(dist);
  const base = (opts.base ?? '/').replace(/\/?$/, '/').replace(/^\/?/, '/');
  const siteOrigin = opts.site ? new URL(opts.site).origin : undefined;
  const files = (readdirSync(root, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();

  const stats = new Map<string, 'file' | 'dir' | 'none'>();
  const kindOf = (p: string) => {
    let k = stats.get(p);
    if (!k) {
      try {
        k = statSync(p).isDirectory() ? 'dir' : 'file';
      } catch {
        k = 'none';
      }
      stats.set(p, k);
    }
    return k;
  };
  const pages = new Map<string, { ids: Set<string>; refresh?: string }>();
  const pageOf = (file: string) => {
    let p = pages.get(file);
    if (!p) {
      const html = readFileSync(file, 'utf8');
      const ids = new Set<string>();
      for (const m of markupOnly(html).matchAll(ID)) ids.add(decodeEntities(m[1] ?? m[2] ?? m[3] ?? ''));
      p = { ids, refresh: REFRESH.exec(html)?.[1] };
      pages.set(file, p);
    }
    return p;
  };

  /** The file a site URL path resolves to, following directory indexes. */
  const fileFor = (pathname: string): string | undefined => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return undefined;
    }
    if (!decoded.startsWith(base)) return undefined;
    const rel = decoded.slice(base.length);
    const p = path.join(root, rel);
    if (!p.startsWith(root)) return undefined;
    const k = kindOf(p);
    if (k === 'file' && !rel.endsWith('/')) return p;
    if (k === 'dir' || rel === '' || rel.endsWith('/')) {
      const index = path.join(p, 'index.html');
      return kindOf(index) === 'file' ? index : undefined;
    }
    return undefined;
  };

  const broken: BrokenLink[] = [];
  let links = 0;
  for (const file of files) {
    const html = readFileSync(file, 'utf8');
    const rel = path.relative(root, file).split(path.sep).join('/');
    const pageUrl = new URL(base + rel.replace(/(^|\/)index\.html$/, '$1'), 'http://site.invalid');
    const found: string[] = [];
    for (const m of markupOnly(html).matchAll(ATTR)) {
      const value = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '').trim();
      if (m[1]!.toLowerCase() === 'srcset') found.push(...value.split(',').map((c) => c.trim().split(/\s+/)[0]!).filter(Boolean));
      else found.push(value);
    }
    for (const m of html.matchAll(META_URL)) {
      const content = /content\s*=\s*["']([^"']*)["']/i.exec(m[0])?.[1];
      if (content) found.push(decodeEntities(content));
    }
    for (const href of found) {
      if (href === '' || href === '#') continue;
      let url: URL;
      const absolute = /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//');
      if (absolute) {
        let u: URL;
        try {
          u = new URL(href, pageUrl);
        } catch {
          broken.push({ file: rel, href, reason: 'unparsable URL' });
          continue;
        }
        if (!siteOrigin || u.origin !== siteOrigin) continue; // external
        url = new URL(u.pathname + u.search + u.hash, 'http://site.invalid');
      } else {
        try {
          url = new URL(href, pageUrl);
        } catch {
          broken.push({ file: rel, href, reason: 'unparsable URL' });
          continue;
        }
      }
      links++;
      let target = fileFor(url.pathname);
      if (!target) {
        broken.push({ file: rel, href, reason: url.pathname.startsWith(base) ? 'no such file' : `outside base ${base}` });
        continue;
      }
      const fragment = url.hash.slice(1);
      if (!fragment || !target.endsWith('.html')) continue;
      // A redirect page has no ids of its own: check the fragment where it leads.
      let page = pageOf(target);
      for (let hops = 0; page.refresh && hops < 3; hops++) {
        const next = fileFor(new URL(decodeEntities(page.refresh), new URL(path.relative(root, target), 'http://site.invalid' + base)).pathname);
        if (!next) break;
        target = next;
        page = pageOf(target);
      }
      let id: string;
      try {
        id = decodeURIComponent(fragment);
      } catch {
        id = fragment;
      }
      if (id === 'top' || page.ids.has(id)) continue;
      broken.push({ file: rel, href, reason: `no id "${id}" in ${path.relative(root, target)}` });
    }
  }
  return { pages: files.length, links, broken, ms: performance.now() - started };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const flag = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args.splice(i, 2)[1] : undefined;
  };
  const base = flag('--base') ?? process.env.BASE ?? '/';
  const site = flag('--site') ?? process.env.SITE ?? 'https://ai-kb.example.org';
  const dist = args[0] ?? path.resolve(import.meta.dirname, '../dist');
  const report = checkLinks(dist, { base, site });
  for (const b of report.broken) process.stdout.write(`${b.file}: ${b.href} — ${b.reason}\n`);
  process.stdout.write(`check-links: ${report.pages} pages, ${report.links} internal links, ${report.broken.length} broken (${(report.ms / 1000).toFixed(1)} s)\n`);
  process.exit(report.broken.length ? 1 : 0);
}
