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
  const tmp = `${file}.tmp-${process.pid}`;
  try {
    try {
      await writeFile(tmp, text);
    } catch (e) {
      // Creating folders only when a write finds one missing saves a syscall per file.
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(tmp, text);
    }
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

/**
 * Write a generated entry unless it is unchanged or a person has edited it.
 * A file that differs only in `provenance` (the post moved to another page of a
 * re-paginated HTML export, or into a newer ChatExport_<date> folder) counts as
 * unchanged: rewriting it would churn every entry on each re-export for a field
 * the site never shows. Provenance then names where the current text was last taken from.
 */
export async function writeGenerated(file: string, text: string): Promise<WriteOutcome> {
  const existing = await readIfExists(file);
  if (existing === text) return 'unchanged';
  if (existing !== undefined && !isUntouchedGenerated(existing)) return 'kept-human-edit';
  if (existing !== undefined && withoutBookkeeping(existing) === withoutBookkeeping(text)) return 'unchanged';
  await writeAtomic(file, text);
  return existing === undefined ? 'created' : 'updated';
}

/** The file without its hash and provenance lines (one JSON value per frontmatter line, see emit.ts). */
function withoutBookkeeping(text: string): string {
  return text.replace(/^generatedHash: .*\n/m, '').replace(/^provenance: .*\n/m, '');
}

/** Write a plain data file (JSON ledgers) only when its bytes change. */
export async function writeIfChanged(file: string, text: string): Promise<boolean> {
  if ((await readIfExists(file)) === text) return false;
  await writeAtomic(file, text);
  return true;
}
