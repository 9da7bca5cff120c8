/**
 * A cache of rendered source bodies, keyed by the exact body text and base path.
 *
 * The ingest already holds each body as a tree, so it renders it there (no
 * Markdown parse) and leaves the result here; the source loader then finds it by
 * the same key instead of parsing the Markdown again — on a 10,000-source build
 * that is most of the content-sync time. A body a person edited has a new key
 * and is simply rendered by the loader. The cache lives in node_modules/.cache:
 * never committed, safe to delete.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { RenderedBody } from './markdown.ts';

export const RENDER_CACHE_VERSION = 1;

export function renderCacheDir(root: string): string {
  return path.join(root, 'node_modules', '.cache', 'kb-render');
}

function keyOf(body: string, base: string): string {
  return createHash('sha256').update(`${RENDER_CACHE_VERSION}\0${base}\0${body}`).digest('hex').slice(0, 40);
}

function fileOf(dir: string, key: string): string {
  return path.join(dir, key.slice(0, 2), `${key}.json`);
}

export async function readRendered(dir: string, body: string, base: string): Promise<RenderedBody | undefined> {
  try {
    return JSON.parse(await readFile(fileOf(dir, keyOf(body, base)), 'utf8')) as RenderedBody;
  } catch {
    return undefined;
  }
}

export async function writeRendered(dir: string, body: string, base: string, rendered: RenderedBody): Promise<void> {
  const file = fileOf(dir, keyOf(body, base));
  const text = JSON.stringify(rendered);
  try {
    await writeFile(file, text);
  } catch {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text);
  }
}

/** Normalised base path as Astro uses it (`/`, `/kb/`): from the BASE env, like astro.config.mjs. */
export function buildBase(): string {
  const b = process.env.BASE ?? '/';
  return b.endsWith('/') ? b : `${b}/`;
}
