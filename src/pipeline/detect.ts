/**
 * Stage 1: find raw files and decide their format from their content.
 */
import { open, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Adapter, RawFile } from './types.ts';
import { ADAPTERS } from './adapters/index.ts';

/** Files bigger than this are not read into memory; adapters stream `absPath`. */
export const WHOLE_FILE_LIMIT = 32 * 1024 * 1024;
const HEAD_BYTES = 64 * 1024;

/** Read a raw file for detection and parsing. `rel` is relative to `rawRoot`. */
export async function readRawFile(rawRoot: string, rel: string): Promise<RawFile> {
  const absPath = path.join(rawRoot, rel);
  const { size } = await stat(absPath);
  const fh = await open(absPath, 'r');
  try {
    if (size <= WHOLE_FILE_LIMIT) {
      const text = stripBom((await fh.readFile()).toString('utf8'));
      return { path: rel.split(path.sep).join('/'), absPath, text, head: text.slice(0, HEAD_BYTES), size };
    }
    const buf = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await fh.read(buf, 0, HEAD_BYTES, 0);
    // Cut at the last complete UTF-8 sequence so the head never ends in U+FFFD.
    let end = bytesRead;
    while (end > 0 && (buf[end - 1]! & 0xc0) === 0x80) end--;
    if (end > 0 && buf[end - 1]! >= 0xc0) end--;
    return { path: rel.split(path.sep).join('/'), absPath, head: stripBom(buf.subarray(0, end).toString('utf8')), size };
  } finally {
    await fh.close();
  }
}

function stripBom(s: string): string {
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

/** All files under `rawRoot`, relative, sorted (byte order: deterministic on every machine). Dotfiles are ignored. */
export async function listRawFiles(rawRoot: string): Promise<string[]> {
  const out: string[] = [];
  async function walk(dir: string) {
    for (const e of await readdir(dir, { withFileTypes: true })) {
      if (e.name.startsWith('.')) continue;
      const abs = path.join(dir, e.name);
      if (e.isDirectory()) await walk(abs);
      else if (e.isFile()) out.push(path.relative(rawRoot, abs));
    }
  }
  await walk(rawRoot);
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The adapter whose `detect` scores highest (≥ 0.5), or undefined for an unknown format. */
export function detectFormat(file: RawFile, adapters: readonly Adapter[] = ADAPTERS): Adapter | undefined {
  let best: Adapter | undefined;
  let bestScore = 0.5 - Number.EPSILON;
  for (const a of adapters) {
    const s = a.detect(file);
    if (s > bestScore) {
      best = a;
      bestScore = s;
    }
  }
  return best;
}
