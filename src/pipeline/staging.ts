/**
 * Where emitted entries wait until every input has parsed. Entries stay in
 * memory up to a budget and spill to a folder beside content/sources beyond it,
 * so a 10,000-source ingest does no extra disk round trip while a 200 MB export
 * still runs in bounded memory. Nothing here touches content/sources.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export class Staging {
  readonly dir: string;
  readonly #budget: number;
  readonly #memory = new Map<string, string>();
  readonly #onDisk = new Set<string>();
  readonly #dirs = new Set<string>();
  #bytes = 0;

  constructor(dir: string, budgetBytes = 96 * 1024 * 1024) {
    this.dir = dir;
    this.#budget = budgetBytes;
  }

  async put(id: string, text: string): Promise<void> {
    const old = this.#memory.get(id);
    if (old !== undefined) this.#bytes -= old.length * 2;
    this.#memory.set(id, text);
    this.#bytes += text.length * 2;
    if (this.#bytes > this.#budget) await this.#spill();
  }

  async get(id: string): Promise<string> {
    return this.#memory.get(id) ?? readFile(this.#file(id), 'utf8');
  }

  async #spill(): Promise<void> {
    for (const [id, text] of this.#memory) {
      const file = this.#file(id);
      const dir = path.dirname(file);
      if (!this.#dirs.has(dir)) {
        await mkdir(dir, { recursive: true });
        this.#dirs.add(dir);
      }
      await writeFile(file, text);
      this.#onDisk.add(id);
    }
    this.#memory.clear();
    this.#bytes = 0;
  }

  #file(id: string): string {
    return path.join(this.dir, `${id}.mdx`);
  }

  async dispose(): Promise<void> {
    this.#memory.clear();
    if (this.#onDisk.size) await rm(this.dir, { recursive: true, force: true });
  }
}

/** Run `fn` over `items` with at most `limit` in flight, results in input order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
