/**
 * The MDX emitter: hostile text stays text (checked by compiling the output with
 * the real MDX compiler), frontmatter cannot be broken out of, output is
 * deterministic, and hand edits are recognised.
 */
import { describe, expect, it } from 'vitest';
import { compile } from '@mdx-js/mdx';
import remarkMath from 'remark-math';
import { parse as parseYaml } from 'yaml';
import { bodyToMarkdown, emitSource, isUntouchedGenerated } from '../../src/pipeline/emit.ts';
import { blocksFromPlain, root } from '../../src/pipeline/util/mdast.ts';
import type { SourceRecord } from '../../src/pipeline/types.ts';

const HOSTILE = [
  "import fs from 'node:fs'",
  'export const pwned = fs.readFileSync("/etc/passwd")',
  '{process.exit(1)} and {globalThis.x = 1}',
  '<script>alert(1)</script><img src=x onerror=alert(2)><iframe src="https://evil"></iframe>',
  '</script><script>alert(3)</script>',
  '---\ntitle: injected\n---',
  '<Component prop={1} />',
  '$100 and $200 but $E = mc^2$',
  '[click](javascript:alert(4)) *not emphasis* `not code` # not heading',
].join('\n\n');

function record(over: Partial<SourceRecord> = {}): SourceRecord {
  return {
    id: 'telegram/test/1',
    kind: 'telegram',
    format: 'telegram-json',
    title: 'title with "quotes" and \n newline: and --- and </script>',
    origin: { name: 'Chan' },
    links: [],
    tags: ['a: b', '- c'],
    lang: 'ko',
    body: root(blocksFromPlain(HOSTILE, { math: true })),
    telegram: { channelTitle: 'Chan\u2028next', messageId: 1 },
    provenance: { file: 'x/result.json', location: 'message 1' },
    ...over,
  };
}

/** Every JSX element, expression or ESM node MDX would compile: none may exist. */
async function codeNodes(md: string): Promise<string[]> {
  const found: string[] = [];
  await compile(md, {
    remarkPlugins: [
      remarkMath,
      () => (tree: any) => {
        const walk = (n: any) => {
          if (/^mdx/.test(n.type)) found.push(n.type);
          (n.children ?? []).forEach(walk);
        };
        walk(tree);
      },
    ],
  });
  return found;
}

describe('bodyToMarkdown', () => {
  it('emits hostile text that MDX compiles to no code at all', async () => {
    const md = bodyToMarkdown(record().body);
    expect(await codeNodes(md)).toEqual([]);
  });

  it('keeps the hostile text visible, literally, and real math as math', async () => {
    const out = String(await compile(bodyToMarkdown(record().body), { remarkPlugins: [remarkMath] }));
    expect(out).toContain("import fs from 'node:fs'");
    expect(out).toContain('{process.exit(1)} and {globalThis.x = 1}');
    expect(out).toContain('<script>alert(1)</script><img src=x onerror=alert(2)>');
    expect(out).toContain('$100 and $200 but ');
    expect(out).toContain('"E = mc^2"');
    expect(out).toContain('[click](javascript:alert(4))');
  });

  it('serialises the full hostile body exactly', () => {
    expect(bodyToMarkdown(record().body)).toBe(
      [
        "&#105;mport fs from 'node:fs'",
        '',
        '&#101;xport const pwned = fs.readFileSync("/etc/passwd")',
        '',
        '\\{process.exit(1)} and \\{globalThis.x = 1}',
        '',
        '\\<script>alert(1)\\</script>\\<img src=x onerror=alert(2)>\\<iframe src="[https://evil](https://evil)">\\</iframe>',
        '',
        '\\</script>\\<script>alert(3)\\</script>',
        '',
        '\\---\\',
        'title: injected\\',
        '\\---',
        '',
        '\\<Component prop=\\{1} />',
        '',
        '\\$100 and \\$200 but $E = mc^2$',
        '',
        '\\[click]\\(javascript:alert(4)) \\*not emphasis\\* \\`not code\\` # not heading',
        '',
      ].join('\n'),
    );
  });
});

describe('emitSource', () => {
  it('writes frontmatter that parses back to exactly the record', () => {
    const r = record();
    const text = emitSource(r, { mentions: [] });
    const fm = /^---\n([\s\S]*?)\n---\n/.exec(text)![1]!;
    const data = parseYaml(fm);
    expect(data.title).toBe(r.title);
    expect(data.tags).toEqual(r.tags);
    expect(data.telegram.channelTitle).toBe('Chan\u2028next');
    expect(Object.keys(data)).toEqual(['generatedHash', 'id', 'kind', 'format', 'title', 'origin', 'links', 'tags', 'lang', 'telegram', 'provenance', 'mentions']);
  });

  it('is deterministic', () => {
    expect(emitSource(record())).toBe(emitSource(record()));
  });

  it('recognises its own output and detects a human edit', () => {
    const text = emitSource(record());
    expect(isUntouchedGenerated(text)).toBe(true);
    expect(isUntouchedGenerated(text.replace('Chan', 'Channel'))).toBe(false);
    expect(isUntouchedGenerated('---\ntitle: hand written\n---\nbody')).toBe(false);
  });
});

describe('ESM-looking lines', () => {
  it('are escaped in text but left alone inside fenced code', () => {
    const body = root([
      { type: 'code', lang: 'js', value: "import x from 'y'\nexport const a = 1" },
      { type: 'blockquote', children: [{ type: 'paragraph', children: [{ type: 'text', value: 'import z' }] }] },
    ]);
    expect(bodyToMarkdown(body)).toBe("```js\nimport x from 'y'\nexport const a = 1\n```\n\n> &#105;mport z\n");
  });
});
