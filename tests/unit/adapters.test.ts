/**
 * Fixture tests for every adapter, in the style of remark-gfm's test/fixtures:
 *
 *   tests/fixtures/<format-id>/<case>/<input files…>   the raw input (any names, sub-folders allowed)
 *   tests/fixtures/<format-id>/<case>/expected.json    full expected ParseResult (body as Markdown)
 *   tests/fixtures/<format-id>/<case>/expected-error.txt  instead, for malformed input: the exact error message
 *
 * Each case checks that detection picks <format-id> for the case's main input, then compares the
 * whole output. `UPDATE_FIXTURES=1 npx vitest run tests/unit/adapters.test.ts` rewrites the expected
 * files; review the diff like code.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { detectFormat, listRawFiles, readRawFile } from '../../src/pipeline/detect.ts';
import { ADAPTERS } from '../../src/pipeline/adapters/index.ts';
import { bodyToMarkdown } from '../../src/pipeline/emit.ts';
import type { ParseResult, SourceRecord } from '../../src/pipeline/types.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
const UPDATE = process.env.UPDATE_FIXTURES === '1';
const EXPECTED = new Set(['expected.json', 'expected-error.txt', 'README.md']);

/** What a fixture compares: the ParseResult with each body rendered by the emitter, so diffs are readable. */
export function serialise(result: ParseResult & { records: SourceRecord[] }): unknown {
  return {
    records: result.records.map((r) => ({ ...r, body: bodyToMarkdown(r.body) })),
    skipped: result.skipped,
    warnings: result.warnings,
  };
}

const formats = existsSync(FIXTURES) ? readdirSync(FIXTURES).filter((d) => statSync(path.join(FIXTURES, d)).isDirectory()) : [];

for (const format of formats) {
  const adapter = ADAPTERS.find((a) => a.id === format);
  describe(`adapter ${format}`, () => {
    it('exists', () => expect(adapter, `no adapter with id ${format}`).toBeDefined());
    for (const name of readdirSync(path.join(FIXTURES, format)).sort()) {
      const dir = path.join(FIXTURES, format, name);
      if (!statSync(dir).isDirectory()) continue;
      it(name, async () => {
        const rels = (await listRawFiles(dir)).filter((f) => !EXPECTED.has(f));
        const files = await Promise.all(rels.map((f) => readRawFile(dir, f)));
        const detected = files.filter((f) => detectFormat(f)?.id === format);
        expect(detected.length, `no input file in ${dir} detected as ${format}`).toBeGreaterThan(0);
        const errorFile = path.join(dir, 'expected-error.txt');
        let actual: string;
        let expectedPath: string;
        try {
          const results: ParseResult[] = [];
          if (adapter!.grouping === 'directory') results.push(await adapter!.parse(detected[0]!, detected));
          else for (const f of detected) results.push(await adapter!.parse(f, detected));
          const records = [];
          for (const r of results) for await (const rec of r.records) records.push(rec);
          const merged = {
            records,
            skipped: results.flatMap((r) => r.skipped),
            warnings: results.flatMap((r) => r.warnings),
          };
          actual = JSON.stringify(serialise(merged), null, 2) + '\n';
          expectedPath = path.join(dir, 'expected.json');
        } catch (e) {
          if (!existsSync(errorFile) && !UPDATE) throw e;
          actual = String((e as Error).message) + '\n';
          expectedPath = errorFile;
        }
        if (UPDATE) writeFileSync(expectedPath, actual);
        expect(existsSync(expectedPath), `missing ${expectedPath} (run with UPDATE_FIXTURES=1)`).toBe(true);
        expect(actual).toBe(readFileSync(expectedPath, 'utf8'));
      });
    }
  });
}
