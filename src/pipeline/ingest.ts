/**
 * The whole ingest, in order:
 *
 *   1. topics   read + validate content/topics/**           (src/pipeline/topics.ts)
 *   2. detect   sniff every file under content/raw/          (src/pipeline/detect.ts)
 *   3. parse    one adapter per format → SourceRecord[]      (src/pipeline/adapters/)
 *   4. normalise NFC, no control/bidi-override characters        (src/pipeline/normalise.ts)
 *      merge    one record per id (same post in two exports)  (preferred() below)
 *   5. link     topic mentions, first mention linked          (src/pipeline/link/)
 *   6. emit     safe, deterministic MDX                       (src/pipeline/emit.ts)
 *   7. write    atomic, idempotent, never over a human edit   (src/pipeline/write.ts)
 *   8. ledger   permalinks + redirects                        (src/pipeline/permalinks.ts)
 *
 * Nothing is written until every input has parsed: a malformed file stops the
 * ingest with an error naming the file and place, and content/ stays as it was.
 */
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { detectFormat, listRawFiles, readRawFile } from './detect.ts';
import { ADAPTERS } from './adapters/index.ts';
import type { Adapter, ParseResult, SourceRecord } from './types.ts';
import { IngestError } from './types.ts';
import { emitSource } from './emit.ts';
import { normaliseRecord } from './normalise.ts';
import { writeGenerated, writeIfChanged, type WriteOutcome } from './write.ts';
import { mapLimit, Staging } from './staging.ts';
import { readTopics, splitFrontmatter, type TopicFile } from './topics.ts';
import { renderMdast } from '../render/markdown.ts';
import { buildBase, renderCacheDir, writeRendered } from '../render/cache.ts';
import { computeRedirects, sortKeys, updateLedger, type Ledger } from './permalinks.ts';
import { buildMatcher, topicTerms, type Matcher } from './link/matcher.ts';
import { linkBody, type Mention } from './link/link-body.ts';
import { sourceSchema } from '../schema/source.ts';

export interface IngestOptions {
  /** Project root holding content/. */
  root: string;
  /** Log line sink (default: stderr). */
  log?: (line: string) => void;
  /** Sees every linked record as it streams past (the curation report's collector, src/pipeline/curation.ts). */
  observer?: IngestObserver;
}

/**
 * A read-only tap on the link stage. Records stream through the ingest one at
 * a time, so an observer must keep only small aggregates, never records.
 */
export interface IngestObserver {
  /** Once, before any record: the topics and the matcher built from them. */
  topics?(topics: TopicFile[], matcher: Matcher): void;
  /**
   * Every record that won its merge so far, with its mentions. A record with the
   * same id may come again later (a preferred copy from another export): it replaces the first.
   */
  record(record: SourceRecord, mentions: Mention[]): void;
}

export interface IngestSummary {
  files: { path: string; format: string | null; records: number }[];
  records: number;
  outcomes: Record<WriteOutcome, number>;
  skipped: { file: string; location: string; reason: string }[];
  warnings: { file: string; location: string; message: string }[];
  keptHumanEdits: string[];
  orphans: string[];
  redirects: number;
  topics: number;
}

export function contentPaths(root: string) {
  const content = path.join(root, 'content');
  return {
    raw: path.join(content, 'raw'),
    topics: path.join(content, 'topics'),
    sources: path.join(content, 'sources'),
    ledger: path.join(content, 'permalinks.json'),
    redirects: path.join(content, 'redirects.json'),
    /** Telegram chat id → the channel key its permalinks use (see stableChannel). */
    channels: path.join(content, 'telegram-channels.json'),
  };
}

export async function ingest(opts: IngestOptions): Promise<IngestSummary> {
  const log = opts.log ?? ((l: string) => process.stderr.write(l + '\n'));
  const paths = contentPaths(opts.root);

  // 1. topics
  const topics = await readTopics(paths.topics);
  const matcher = topicMatcher(topics);
  opts.observer?.topics?.(topics, matcher);

  // 2–3. detect + parse (everything, before any write)
  const rels = await listRawFiles(paths.raw).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return [] as string[];
    throw e;
  });
  const summary: IngestSummary = {
    files: [],
    records: 0,
    outcomes: { created: 0, updated: 0, unchanged: 0, 'kept-human-edit': 0 },
    skipped: [],
    warnings: [],
    keptHumanEdits: [],
    orphans: [],
    redirects: 0,
    topics: topics.length,
  };
  // Detection reads each file once and keeps only its path: 10,000 inputs are never all in memory.
  const groups = new Map<string, { adapter: Adapter; rels: string[] }>();
  for (const rel of rels) {
    const file = await readRawFile(paths.raw, rel);
    const adapter = detectFormat(file);
    if (!adapter) {
      summary.files.push({ path: file.path, format: null, records: 0 });
      summary.skipped.push({ file: file.path, location: '', reason: 'unknown format (no adapter recognised the content)' });
      continue;
    }
    const key = adapter.grouping === 'directory' ? `${adapter.id}\n${path.posix.dirname(file.path)}` : `${adapter.id}\n${file.path}`;
    (groups.get(key) ?? groups.set(key, { adapter, rels: [] }).get(key)!).rels.push(rel);
  }

  // 3–6. parse, merge, link and emit one record at a time into a staging folder:
  // memory stays bounded for huge exports, and nothing under content/ changes
  // unless every input parsed.
  const staging = new Staging(path.join(path.dirname(paths.sources), `.staging-${process.pid}`));
  await rm(staging.dir, { recursive: true, force: true });
  const kept = new Map<string, MergeKey>();
  const channels = await readJson<Record<string, string>>(paths.channels, {});
  const channelsBefore = JSON.stringify(channels);
  const renderDir = renderCacheDir(opts.root);
  const renderBase = buildBase();
  const errors: string[] = [];
  try {
    for (const { adapter, rels: groupRels } of groups.values()) {
      const files = await Promise.all(groupRels.map((r) => readRawFile(paths.raw, r)));
      const where = files.length > 1 ? `${files[0]!.path} (+${files.length - 1})` : files[0]!.path;
      let count = 0;
      let result: ParseResult | undefined;
      try {
        result = await adapter.parse(files[0]!, files);
        for await (const raw of result.records) {
          count++;
          const r = stableChannel(normaliseRecord(raw), channels);
          const invalid = validateRecord(r);
          if (invalid) {
            errors.push(`${r.provenance.file} (${r.provenance.location}): adapter ${adapter.id} produced an invalid record: ${invalid}`);
            continue;
          }
          const key = mergeKey(r);
          const prev = kept.get(r.id);
          if (prev && preferred(prev, key) === prev) continue;
          kept.set(r.id, key);
          // A review's or digest item's title is the paper's title: a topic it names is what the
          // source is about (headingMatch). Telegram titles are just the first line of the body.
          const title = r.kind === 'telegram' ? undefined : r.title;
          const linked = linkBody(r.body, matcher, { urlFor: (ref: string) => `/${ref}/`, title });
          // A topic named only in the title has no passage to show (and count must be ≥ 1).
          const mentions = linked.mentions.filter((m) => m.count > 0);
          opts.observer?.record(r, mentions);
          const text = emitSource({ ...r, body: linked.body }, { mentions });
          await staging.put(r.id, text);
          // Render now, from the tree in hand, for the site's source loader (src/render/cache.ts).
          await writeRendered(renderDir, splitFrontmatter(text)!.body, renderBase, renderMdast(linked.body, renderBase));
        }
      } catch (e) {
        errors.push(e instanceof IngestError ? e.message : `${where}: ${(e as Error).stack ?? e}`);
        continue;
      }
      summary.files.push({ path: where, format: adapter.id, records: count });
      for (const s of result.skipped) summary.skipped.push({ file: where, ...s });
      for (const w of result.warnings) summary.warnings.push({ file: where, ...w });
    }
    if (errors.length) {
      throw new IngestError('content/raw', '', `ingest stopped, nothing was written:\n${errors.map((e) => `  - ${e}`).join('\n')}`);
    }

    // 7. move staged entries into place (atomic per file, idempotent, human edits kept)
    const ids = [...kept.keys()].sort();
    const outcomes = await mapLimit(ids, 16, async (id) => writeGenerated(path.join(paths.sources, `${id}.mdx`), await staging.get(id)));
    outcomes.forEach((outcome, i) => {
      summary.outcomes[outcome]++;
      if (outcome === 'kept-human-edit') summary.keptHumanEdits.push(`${ids[i]}.mdx`);
    });
    summary.records = ids.length;
    if (JSON.stringify(channels) !== channelsBefore) await writeIfChanged(paths.channels, JSON.stringify(sortKeys(channels), null, 2) + '\n');
    // Entries from earlier ingests that no input produced this time stay: a newer
    // export of a channel covers a shorter window, and old posts must not vanish.
    const produced = new Set(ids.map((id) => `${id}.mdx`));
    const existing = await listRawFiles(paths.sources).catch(() => [] as string[]);
    summary.orphans = existing.filter((f) => f.endsWith('.mdx') && !produced.has(f.split(path.sep).join('/')));
  } finally {
    await staging.dispose();
  }

  // 8. permalinks
  const ledger = await readLedger(paths.ledger);
  const nextLedger = updateLedger(ledger, topics);
  const redirects = computeRedirects(nextLedger, topics);
  summary.redirects = Object.keys(redirects).length;
  await writeIfChanged(paths.ledger, JSON.stringify(nextLedger, null, 2) + '\n');
  await writeIfChanged(paths.redirects, JSON.stringify(redirects, null, 2) + '\n');

  log(formatSummary(summary));
  return summary;
}

/**
 * A Telegram channel keeps the key its first export gave it. The key comes from
 * the username when an export reveals it, else from the numeric chat id; a later
 * export of the same chat (same id) that reveals the username — or no longer does —
 * must not move every post to new URLs. The first key seen for a chat id is kept
 * in content/telegram-channels.json and reused.
 */
export function stableChannel(r: SourceRecord, channels: Record<string, string>): SourceRecord {
  const chatId = r.telegram?.chatId;
  if (r.kind !== 'telegram' || !chatId) return r;
  const [, key, ...rest] = r.id.split('/');
  const known = channels[chatId];
  if (known === undefined) {
    channels[chatId] = key!;
    return r;
  }
  return known === key ? r : { ...r, id: ['telegram', known, ...rest].join('/') };
}

async function readJson<T>(file: string, fallback: T): Promise<T> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as T;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return fallback;
    throw new IngestError(path.basename(file), '', `cannot read ${path.basename(file)}: ${(e as Error).message}`);
  }
}

/** The matcher over every name, Korean name and alias of the topics: the one the ingest links with. */
export function topicMatcher(topics: TopicFile[]): Matcher {
  return buildMatcher(topics.map((t) => topicTerms(t.ref, t.data)));
}

export function readLedger(file: string): Promise<Ledger> {
  return readJson<Ledger>(file, { topics: {} });
}

/** Adapters are checked against the site's schema here, so a bad record fails the ingest, not the Astro build. */
function validateRecord(r: SourceRecord): string | undefined {
  const { body: _body, ...data } = r;
  const parsed = sourceSchema.safeParse({ ...data, mentions: [] });
  if (parsed.success) return undefined;
  return parsed.error.issues.map((i) => `${i.path.join('.') || '(record)'}: ${i.message}`).join('; ');
}

const FORMAT_RANK: Record<string, number> = {
  'telegram-json': 4, 'telegram-html': 3, 'telegram-web': 2, 'telegram-text': 1,
  'review-flight': 3, 'review-html': 2, 'digest-markdown': 1,
};

/** What decides between two records with the same id; small, so it can be kept for every id. */
export type MergeKey = readonly [edited: string, formatRank: number, bodySize: number, file: string];

export function mergeKey(r: SourceRecord): MergeKey {
  const edited = r.telegram?.edited?.iso ?? r.review?.updated?.iso ?? '';
  return [edited, FORMAT_RANK[r.format] ?? 0, JSON.stringify(r.body).length, r.provenance.file];
}

/**
 * Two inputs produced the same id (the same post in two exports, the same
 * review as payload and as HTML). Keep the newer edit; on a tie the richer
 * format; on a tie the longer body; on a tie the first file path — so the result
 * never depends on the order files were read.
 */
export function preferred(a: MergeKey, b: MergeKey): MergeKey {
  for (let i = 0; i < 3; i++) {
    if (a[i]! > b[i]!) return a;
    if (a[i]! < b[i]!) return b;
  }
  return a[3] <= b[3] ? a : b;
}

function formatSummary(s: IngestSummary): string {
  const byFormat = new Map<string, number>();
  for (const f of s.files) byFormat.set(f.format ?? 'unknown', (byFormat.get(f.format ?? 'unknown') ?? 0) + f.records);
  const lines = [
    `ingest: ${s.files.length} raw inputs → ${s.records} sources, ${s.topics} topics, ${s.redirects} redirects`,
    `  by format: ${[...byFormat].map(([k, v]) => `${k} ${v}`).join(', ')}`,
    `  files: ${s.outcomes.created} created, ${s.outcomes.updated} updated, ${s.outcomes.unchanged} unchanged, ${s.outcomes['kept-human-edit']} kept (edited by hand)`,
  ];
  if (s.skipped.length) {
    lines.push(`  skipped ${s.skipped.length} (not research content or unknown format):`);
    for (const k of s.skipped.slice(0, 20)) lines.push(`    - ${k.file}${k.location ? ` ${k.location}` : ''}: ${k.reason}`);
    if (s.skipped.length > 20) lines.push(`    … ${s.skipped.length - 20} more (npm run ingest -- --report)`);
  }
  if (s.warnings.length) lines.push(`  ${s.warnings.length} warnings (npm run ingest -- --report)`);
  if (s.keptHumanEdits.length) lines.push(`  kept hand-edited: ${s.keptHumanEdits.join(', ')}`);
  if (s.orphans.length) lines.push(`  ${s.orphans.length} entries from earlier inputs kept (no longer in content/raw)`);
  return lines.join('\n');
}
