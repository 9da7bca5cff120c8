/**
 * MDX emission: `SourceRecord` → the text of `content/sources/<id>.mdx`.
 *
 * Safety: the body is serialised from mdast by mdast-util-to-markdown with the
 * MDX and math extensions, whose "unsafe" patterns escape every `{`, `<` and `$`
 * that text could use to open an expression, JSX, ESM or math. Lines that MDX
 * would read as `import`/`export` statements get their first letter escaped too.
 * The frontmatter is one JSON value per key (JSON is YAML), so no value can
 * close the block or inject keys. Tests compile every emitted file with
 * @mdx-js/mdx and check it contains no expression, JSX or ESM.
 *
 * Determinism: keys are written in a fixed order, arrays keep source order, and
 * nothing depends on time, environment or the file system.
 */
import type { Root } from 'mdast';
import { toMarkdown, type Options as ToMarkdownOptions } from 'mdast-util-to-markdown';
import { mdxToMarkdown } from 'mdast-util-mdx';
import { mathToMarkdown } from 'mdast-util-math';
import { gfmTableToMarkdown } from 'mdast-util-gfm-table';
import { gfmStrikethroughToMarkdown } from 'mdast-util-gfm-strikethrough';
import type { SourceRecord } from './types.ts';
import { shortHash } from './util/slug.ts';

const TO_MARKDOWN: ToMarkdownOptions = {
  bullet: '-',
  emphasis: '_',
  strong: '*',
  fence: '`',
  rule: '-',
  listItemIndent: 'one',
  resourceLink: true,
    // Only the GFM parts bodies use (tables, strikethrough): the full gfmToMarkdown adds
  // autolink and task-list "unsafe" patterns that made emission several times slower.
  extensions: [mdxToMarkdown(), mathToMarkdown({ singleDollarTextMath: true }), gfmTableToMarkdown(), gfmStrikethroughToMarkdown()],
};

/** The body as MDX-safe Markdown (also valid CommonMark with the same meaning). */
export function bodyToMarkdown(body: Root): string {
  return escapeEsmLines(toMarkdown(body, TO_MARKDOWN));
}

/**
 * MDX reads a line starting with `import `/`export ` as ESM. Outside fenced code,
 * replace its first letter with a character reference (same text in CommonMark);
 * inside fences the line is code and stays byte-for-byte.
 */
function escapeEsmLines(md: string): string {
  let fence: string | undefined;
  return md
    .split('\n')
    .map((line) => {
      const open = /^ {0,3}(`{3,}|~{3,})/.exec(line);
      if (fence) {
        if (open && open[1]![0] === fence[0] && open[1]!.length >= fence.length && line.trim() === open[1]) fence = undefined;
        return line;
      }
      if (open) {
        fence = open[1];
        return line;
      }
      return line.replace(/^(\s*(?:>\s*)*)(import|export)\b/, (_m, ws: string, word: string) => `${ws}&#${word.charCodeAt(0)};${word.slice(1)}`);
    })
    .join('\n');
}

/** YAML-safe JSON scalar: JSON, plus escapes for characters YAML treats as breaks or forbids. */
export function yamlJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u007f-\u009f\u2028\u2029\ufeff\ufff9-\uffff]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Field order of the frontmatter: stable output and readable files. */
const ORDER: (keyof SourceRecord)[] = [
  'id', 'kind', 'format', 'title', 'date', 'origin', 'author', 'url', 'links', 'tags', 'lang',
  'telegram', 'review', 'digest', 'provenance',
];

export interface EmitExtras {
  /** Topic mentions found by the linker (see link/), written as `mentions:`. */
  mentions?: unknown;
}

/**
 * The full file text. The `generatedHash` line is a hash of everything else in
 * the file: if the file on disk no longer matches its own hash, a person has
 * edited it and the ingest leaves it alone.
 */
export function emitSource(record: SourceRecord, extras: EmitExtras = {}): string {
  const lines: string[] = [];
  for (const key of ORDER) {
    const value = record[key];
    if (value === undefined || key === 'body') continue;
    lines.push(`${key}: ${yamlJson(value)}`);
  }
  if (extras.mentions !== undefined) lines.push(`mentions: ${yamlJson(extras.mentions)}`);
  const body = bodyToMarkdown(record.body);
  return withHash(lines, body);
}

function withHash(frontmatterLines: string[], body: string): string {
  const rest = `${frontmatterLines.join('\n')}\n---\n\n${body}`;
  return `---\ngeneratedHash: ${yamlJson(shortHash(rest))}\n${rest}`;
}

/**
 * True when `fileText` is exactly what the ingest wrote (its hash still matches),
 * false when a person changed it since. Files without a hash line are human files.
 */
export function isUntouchedGenerated(fileText: string): boolean {
  const m = /^---\ngeneratedHash: "([0-9a-f]{8})"\n/.exec(fileText);
  if (!m) return false;
  return shortHash(fileText.slice(m[0].length)) === m[1];
}
