/**
 * The source loader reads generated frontmatter with JSON.parse (fast path) and
 * anything else with YAML: both must give the same data for every entry.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { jsonLines } from '../../src/content/source-loader.ts';
import { splitFrontmatter } from '../../src/pipeline/topics.ts';

const SOURCES = path.resolve(import.meta.dirname, '../../content/sources');

describe('jsonLines', () => {
  const files = readdirSync(SOURCES, { recursive: true }).map(String).filter((f) => f.endsWith('.mdx'));
  it('reads every generated entry exactly as YAML does', () => {
    expect(files.length).toBeGreaterThan(100);
    for (const f of files) {
      const fm = splitFrontmatter(readFileSync(path.join(SOURCES, f), 'utf8'))!;
      const fast = jsonLines(fm.yaml);
      expect(fast, f).toBeDefined();
      expect(fast, f).toEqual(parseYaml(fm.yaml));
    }
  });
  it('declines plain YAML written by a person', () => {
    expect(jsonLines('title: A hand-written title\ntags: [a, b]')).toBeUndefined();
    expect(jsonLines('id: "x"\n# comment')).toBeUndefined();
    expect(jsonLines('id: "x"\ntags:\n  - a')).toBeUndefined();
  });
});
