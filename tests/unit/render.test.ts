/**
 * The ingest pre-renders bodies from its tree (renderMdast); the site's loader
 * renders the emitted Markdown (renderBody) when there is no pre-rendering.
 * Both must give the same page: checked on every fixture record of every adapter.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { listRawFiles, readRawFile, detectFormat } from '../../src/pipeline/detect.ts';
import { bodyToMarkdown } from '../../src/pipeline/emit.ts';
import { renderBody, renderMdast } from '../../src/render/markdown.ts';
import type { SourceRecord } from '../../src/pipeline/types.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');

async function records(dir: string): Promise<SourceRecord[]> {
  const rels = (await listRawFiles(dir)).filter((f) => !/^(expected\.json|expected-error\.txt|README\.md)$/.test(f));
  const files = await Promise.all(rels.map((f) => readRawFile(dir, f)));
  const out: SourceRecord[] = [];
  const detected = files.filter((f) => detectFormat(f));
  if (!detected.length) return out;
  const adapter = detectFormat(detected[0]!)!;
  try {
    const result = await adapter.parse(detected[0]!, detected);
    for await (const r of result.records) out.push(r);
  } catch {
    // malformed fixtures: nothing to render
  }
  return out;
}

describe('renderMdast equals renderBody(bodyToMarkdown)', () => {
  for (const format of readdirSync(FIXTURES)) {
    for (const c of readdirSync(path.join(FIXTURES, format))) {
      const dir = path.join(FIXTURES, format, c);
      if (!statSync(dir).isDirectory()) continue;
      it(`${format}/${c}`, async () => {
        for (const r of await records(dir)) {
          for (const base of ['/', '/kb/']) {
            expect(renderMdast(r.body, base), r.id).toEqual(renderBody('\n' + bodyToMarkdown(r.body), base));
          }
        }
      });
    }
  }
});

describe('renderBody math', () => {
  it('renders real math with KaTeX and keeps broken TeX from failing the build', () => {
    const ok = renderBody('Energy $E = mc^2$ here.');
    expect(ok.hasMath).toBe(true);
    expect(ok.html).toContain('class="katex"');
    const bad = renderBody('Broken $\\frac{1}{$ and $\\href{javascript:alert(1)}{x}$ end.');
    expect(bad.hasMath).toBe(true);
    expect(bad.html).not.toMatch(/href="?javascript:/i); // \href is untrusted: shown as source text only
  });
  it('leaves prices as text', () => {
    const out = renderBody('\\$100 and \\$200');
    expect(out.hasMath).toBe(false);
    expect(out.html).toBe('<p>$100 and $200</p>');
  });
});
