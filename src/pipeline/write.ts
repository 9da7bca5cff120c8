/**
 * Writing generated files safely:
 * - atomic: each file is written to a temporary sibling and renamed over the target,
 *   so a crash never leaves half a file;
 * - idempotent: a file whose bytes would not change is not touched (mtime included);
 * - respectful: a generated file a person has edited since (its `generatedHash` no
 *   longer matches) is never overwritten.
 */
import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isUntouchedGenerated } from './emit.ts';

export type WriteOutcome = 'created' | 'updated' | 'unchanged' | 'kept-human-edit';

export async function writeAtomic(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  try {
    await writeFile(tmp, text);
    await rename(tmp, file);
  } catch (e) {
    await unlink(tmp).catch(() => {});
    throw e;
  }
}

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

/** Write a generated entry unless it is unchanged or a person has edited it. */
export async function writeGenerated(file: string, text: string): Promise<WriteOutcome> {
  const existing = await readIfExists(file);
  if (existing === text) return 'unchanged';
  if (existing !== undefined && !isUntouchedGenerated(existing)) return 'kept-human-edit';
  await writeAtomic(file, text);
  return existing === undefined ? 'created' : 'updated';
}

/** Write a plain data file (JSON ledgers) only when its bytes change. */
export async function writeIfChanged(file: string, text: string): Promise<boolean> {
  if ((await readIfExists(file)) === text) return false;
  await writeAtomic(file, text);
  return true;
}
