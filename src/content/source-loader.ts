/**
 * Content-layer loader for generated source entries (`content/sources/**\/*.mdx`).
 *
 * Why not `glob()`: glob hands `.mdx` files to the MDX compiler, which turns
 * every entry into a JS module — the cost that dominates a naive 10,000-page
 * build. Source entries hold no code by construction, so this loader parses
 * their frontmatter, validates it with the collection schema (errors name the
 * file and field), and renders the body with the fast path in
 * src/render/markdown.ts. Entries whose file digest is unchanged since the last
 * build keep their stored rendering: a rebuild re-renders only what changed.
 */
import type { Loader } from 'astro/loaders';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { listRawFiles } from '../pipeline/detect.ts';
import { renderBody } from '../render/markdown.ts';
import { readRendered, renderCacheDir } from '../render/cache.ts';
import { splitFrontmatter } from '../pipeline/topics.ts';
import { mapLimit } from '../pipeline/staging.ts';

export function sourceLoader(opts: { base: string }): Loader {
  return {
    name: 'kb-source-loader',
    load: async ({ store, parseData, generateDigest, config, logger }) => {
      const root = path.resolve(opts.base);
      const files = (await listRawFiles(root).catch(() => [] as string[])).filter((f) => f.endsWith('.mdx'));
      const seen = new Set<string>();
      const cacheDir = renderCacheDir(process.cwd());
      const base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      let fromCache = 0;
      let rendered = 0;
      // Files are read and parsed 32 at a time (the loop was waiting on one read after another);
      // entries are then stored in file order, so the store is the same on every run.
      const entries = await mapLimit(files, 32, async (rel) => {
        const abs = path.join(root, rel);
        const text = await readFile(abs, 'utf8');
        const id = rel.replace(/\\/g, '/').replace(/\.mdx$/, '');
        const digest = generateDigest(text + '\0' + config.base);
        const existing = store.get(id);
        if (existing && existing.digest === digest) return { id };
        const { frontmatter, body } = parseEntry(text, rel);
        const filePath = path.relative(process.cwd(), abs);
        const data = await parseData({ id, data: frontmatter, filePath });
        const cached = await readRendered(cacheDir, body, base);
        if (cached) fromCache++;
        const out = cached ?? renderBody(body, base);
        return { id, entry: { id, data, digest, filePath, rendered: { html: out.html, metadata: { headings: out.headings, hasMath: out.hasMath } } } };
      });
      for (const { id, entry } of entries) {
        seen.add(id);
        if (!entry) continue;
        rendered++;
        store.set(entry);
      }
      for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
      logger.info(`${files.length} source entries, ${rendered} updated (${fromCache} pre-rendered by the ingest), others unchanged`);
    },
  };
}

function parseEntry(text: string, file: string): { frontmatter: Record<string, unknown>; body: string } {
  const fm = splitFrontmatter(text);
  if (!fm) throw new Error(`${file}: missing frontmatter (--- block at the top)`);
  let frontmatter: unknown = jsonLines(fm.yaml);
  if (frontmatter === undefined) {
    try {
      frontmatter = parseYaml(fm.yaml);
    } catch (e) {
      throw new Error(`${file}: invalid frontmatter: ${(e as Error).message}`);
    }
  }
  if (!frontmatter || typeof frontmatter !== 'object') throw new Error(`${file}: frontmatter is not a mapping`);
  return { frontmatter: frontmatter as Record<string, unknown>, body: fm.body };
}

/**
 * The ingest writes frontmatter as one `key: <JSON>` line per field (JSON is YAML).
 * Reading that shape with JSON.parse is several times faster than a YAML parser;
 * anything else — a file a person rewrote in plain YAML — returns undefined and
 * goes through the YAML parser, with the same result for the same data.
 */
export function jsonLines(yaml: string): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  for (const line of yaml.split('\n')) {
    const m = /^([A-Za-z][A-Za-z0-9]*): (.+)$/.exec(line);
    if (!m || !/^["{[\d-]|^(true|false|null)$/.test(m[2]!)) return undefined;
    try {
      out[m[1]!] = JSON.parse(m[2]!);
    } catch {
      return undefined;
    }
  }
  return out;
}
