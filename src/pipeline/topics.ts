/**
 * Reading topic entries (`content/topics/<kind>/<slug>.mdx`) for the ingest:
 * frontmatter validated with the same zod schema the site uses, with one
 * error listing every bad field by file and path.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { listRawFiles } from './detect.ts';
import { topicSchema, TOPIC_KINDS, type TopicData, type TopicKind } from '../schema/topic.ts';
import { isSlug } from './util/slug.ts';

export interface TopicFile {
  /** `<kind>/<slug>` */
  ref: string;
  kind: TopicKind;
  slug: string;
  /** Path relative to the topics root. */
  file: string;
  data: TopicData;
  /** The MDX body (after the frontmatter), trimmed. */
  body: string;
}

export class ContentError extends Error {
  constructor(title: string, lines: string[]) {
    super(`${title}\n${lines.map((l) => `  - ${l}`).join('\n')}`);
    this.name = 'ContentError';
  }
}

/** One readable line per zod issue: `field.path: expected …, found …`. */
export function formatIssues(error: z.ZodError): string[] {
  return error.issues.map((i) => {
    const where = i.path.length ? i.path.join('.') : '(frontmatter)';
    return `${where}: ${i.message}`;
  });
}

export function splitFrontmatter(text: string): { yaml: string; body: string; bodyLine: number } | undefined {
  const m = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!m) return undefined;
  return { yaml: m[1]!, body: text.slice(m[0].length), bodyLine: m[0].split('\n').length };
}

export async function readTopics(topicsRoot: string): Promise<TopicFile[]> {
  const files = (await listRawFiles(topicsRoot).catch(() => [] as string[])).filter((f) => f.endsWith('.mdx'));
  const out: TopicFile[] = [];
  const problems: string[] = [];
  for (const rel of files) {
    const file = rel.split(path.sep).join('/');
    const parts = file.replace(/\.mdx$/, '').split('/');
    const [kind, slug] = parts as [TopicKind, string];
    if (parts.length !== 2 || !(TOPIC_KINDS as readonly string[]).includes(kind)) {
      problems.push(`${file}: topic files live at <kind>/<slug>.mdx with kind one of ${TOPIC_KINDS.join(', ')}`);
      continue;
    }
    if (!isSlug(slug)) {
      problems.push(`${file}: file name must be an ASCII kebab-case slug (a-z, 0-9, -)`);
      continue;
    }
    const text = await readFile(path.join(topicsRoot, rel), 'utf8');
    const fm = splitFrontmatter(text);
    if (!fm) {
      problems.push(`${file}: missing frontmatter (a --- block at the top)`);
      continue;
    }
    let raw: unknown;
    try {
      raw = parseYaml(fm.yaml);
    } catch (e) {
      problems.push(`${file}: invalid YAML frontmatter: ${(e as Error).message.split('\n')[0]}`);
      continue;
    }
    const parsed = topicSchema.safeParse(raw);
    if (!parsed.success) {
      for (const line of formatIssues(parsed.error)) problems.push(`${file}: ${line}`);
      continue;
    }
    if (parsed.data.kind !== kind) {
      problems.push(`${file}: kind: "${parsed.data.kind}" does not match its folder "${kind}"`);
      continue;
    }
    out.push({ ref: `${kind}/${slug}`, kind, slug, file, data: parsed.data, body: fm.body.trim() });
  }
  if (problems.length) throw new ContentError(`Invalid topic entries in ${topicsRoot}:`, problems);
  return out;
}
