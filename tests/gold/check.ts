/**
 * Checks the topic catalogue and the gold link set; prints a report.
 *
 *   node tests/gold/check.ts            # catalogue + gold-set shape (exit 1 on errors)
 *   node tests/gold/check.ts --corpus   # also: topics with no mention in content/raw
 *   node tests/gold/check.ts --match    # also: run the gold cases through the current matcher
 *
 * Errors: schema failures, file name ≠ slugify(name) (unless listed in SLUG_EXCEPTIONS),
 * folder ≠ kind, relation targets that do not exist, one alias form claimed by two
 * topics, gold cases naming unknown topics. The matcher run is informational: the
 * gold set was labelled before the matcher was tuned, so failures there are findings.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { topicSchema, TOPIC_KINDS, type TopicData } from '../../src/schema/topic.ts';
import { slugify } from '../../src/pipeline/util/slug.ts';
import { splitFrontmatter } from '../../src/pipeline/topics.ts';
import { buildMatcher, topicTerms } from '../../src/pipeline/link/matcher.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TOPICS = path.join(ROOT, 'content/topics');
const GOLD = path.join(ROOT, 'tests/gold/links.json');

/** Placeholder entries someone else owns (site fixtures); reported, not validated as catalogue. */
const IGNORED = /^zz-sample-/;
/** Slugs deliberately not equal to slugify(name), with the reason. None so far. */
const SLUG_EXCEPTIONS: Record<string, string> = {};

interface GoldCase {
  source: string;
  text: string;
  expect: string[];
  forbid: string[];
  note: string;
  synthetic?: boolean;
}

const errors: string[] = [];
const warn: string[] = [];

async function loadTopics(): Promise<Map<string, TopicData>> {
  const out = new Map<string, TopicData>();
  for (const kind of TOPIC_KINDS) {
    const dir = path.join(TOPICS, kind);
    const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.mdx')).sort();
    for (const f of files) {
      const slug = f.replace(/\.mdx$/, '');
      if (IGNORED.test(slug)) {
        warn.push(`${kind}/${f}: placeholder, skipped`);
        continue;
      }
      const text = await readFile(path.join(dir, f), 'utf8');
      const fm = splitFrontmatter(text);
      if (!fm) {
        errors.push(`${kind}/${f}: no frontmatter`);
        continue;
      }
      const parsed = topicSchema.safeParse(parseYaml(fm.yaml));
      if (!parsed.success) {
        for (const i of parsed.error.issues) errors.push(`${kind}/${f}: ${i.path.join('.') || '(root)'}: ${i.message}`);
        continue;
      }
      const t = parsed.data;
      if (t.kind !== kind) errors.push(`${kind}/${f}: kind ${t.kind} ≠ folder ${kind}`);
      const want = slugify(t.name);
      if (want !== slug && !SLUG_EXCEPTIONS[`${kind}/${slug}`]) errors.push(`${kind}/${f}: slugify("${t.name}") = "${want}"`);
      if (fm.body.trim()) warn.push(`${kind}/${f}: has a body (summary is taken from sources when empty)`);
      out.set(`${kind}/${slug}`, t);
    }
  }
  return out;
}

/** Forms as the matcher sees them: NFC, lower-case, no spaces next to Hangul. */
function collisionKey(form: string): string {
  return form
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/ ?([\uac00-\ud7a3]) ?/g, '$1')
    .replace(/([\uac00-\ud7a3]) /g, '$1')
    .trim();
}

function checkCatalogue(topics: Map<string, TopicData>) {
  const owner = new Map<string, string>();
  for (const [ref, t] of topics) {
    for (const r of t.relations) if (!topics.has(r.target)) errors.push(`${ref}: relation ${r.type} → unknown ${r.target}`);
    const cs = new Set(t.caseSensitive);
    for (const form of [t.name, ...(t.nameKo ? [t.nameKo] : []), ...t.aliases, ...t.caseSensitive]) {
      const key = cs.has(form) ? `cased:${form}` : collisionKey(form);
      const prev = owner.get(key);
      if (prev && prev !== ref) errors.push(`alias collision: "${form}" in ${prev} and ${ref}`);
      owner.set(key, ref);
    }
  }
  // The matcher's own view (separator variants, folding) is the one that counts.
  const matcher = buildMatcher([...topics].map(([ref, t]) => topicTerms(ref, t)));
  for (const c of matcher.conflicts) errors.push(`matcher conflict: "${c.form}" → ${c.refs.join(', ')}`);
  for (const s of matcher.skipped) warn.push(`matcher skipped ${s.ref} "${s.form}": ${s.reason}`);
  return matcher;
}

async function checkGold(topics: Map<string, TopicData>): Promise<GoldCase[]> {
  const cases = JSON.parse(await readFile(GOLD, 'utf8')) as GoldCase[];
  cases.forEach((c, i) => {
    const at = `gold #${i} (${c.source})`;
    if (!c.source || !c.text || !Array.isArray(c.expect) || !Array.isArray(c.forbid) || !c.note) errors.push(`${at}: missing field`);
    for (const ref of [...c.expect, ...c.forbid]) if (!topics.has(ref)) errors.push(`${at}: unknown topic ${ref}`);
    for (const ref of c.expect) if (c.forbid.includes(ref)) errors.push(`${at}: ${ref} both expected and forbidden`);
  });
  return cases;
}

/** Verbatim check: non-synthetic gold text must occur in its source (whitespace-normalised). */
async function checkVerbatim(cases: GoldCase[]) {
  const raw = path.join(ROOT, 'content/raw');
  const squash = (s: string) => s.replace(/\s+/g, ' ');
  const seeds = await readdir(path.join(raw, 'seeds'));
  const reviews = (await readdir(path.join(raw, 'reviews'))).filter((d) => !d.includes('.'));
  const corpus: string[] = [];
  // Seed 003 is a review payload too, so every source is also compared tag-free.
  const unescape = (s: string) => s.replace(/&#x26;|&amp;/g, '&').replace(/&#x3C;|&lt;/g, '<').replace(/&gt;/g, '>');
  const variants = (t: string) => [squash(t), squash(unescape(t.replace(/<[^>]+>/g, ''))), squash(unescape(t.replace(/<[^>]+>/g, ' ')))];
  for (const f of seeds.sort()) corpus.push(...variants(await readFile(path.join(raw, 'seeds', f), 'utf8')));
  for (const d of reviews.sort()) {
    const t = await readFile(path.join(raw, 'reviews', d, 'index.txt'), 'utf8').catch(() => '');
    corpus.push(...variants(t));
  }
  const all = corpus.join('\n');
  for (const [i, c] of cases.entries()) {
    if (c.synthetic) continue;
    if (!all.includes(squash(c.text))) errors.push(`gold #${i} (${c.source}): text not found verbatim in content/raw`);
  }
}

async function corpusHits(topics: Map<string, TopicData>, matcher: ReturnType<typeof buildMatcher>) {
  const raw = path.join(ROOT, 'content/raw');
  const texts: string[] = [];
  for (const f of (await readdir(path.join(raw, 'seeds'))).sort()) texts.push(await readFile(path.join(raw, 'seeds', f), 'utf8'));
  for (const d of (await readdir(path.join(raw, 'reviews'))).sort()) {
    const t = await readFile(path.join(raw, 'reviews', d, 'index.txt'), 'utf8').catch(() => '');
    texts.push(t.replace(/<[^>]+>/g, ' '));
  }
  const hits = new Map<string, number>();
  for (const text of texts) for (const m of matcher.find(text)) hits.set(m.ref, (hits.get(m.ref) ?? 0) + 1);
  const none = [...topics.keys()].filter((r) => !hits.has(r));
  console.log(`\ncorpus: ${topics.size - none.length}/${topics.size} topics mentioned in content/raw`);
  if (none.length) console.log(`  not found by the matcher: ${none.join(', ')}`);
}

function runGold(cases: GoldCase[], matcher: ReturnType<typeof buildMatcher>) {
  let ok = 0;
  const fails: string[] = [];
  cases.forEach((c, i) => {
    const got = new Set(matcher.find(c.text).map((m) => m.ref));
    const missing = c.expect.filter((r) => !got.has(r));
    const wrong = c.forbid.filter((r) => got.has(r));
    if (!missing.length && !wrong.length) ok++;
    else fails.push(`  #${i} ${c.source}: ${missing.length ? `missing ${missing.join(', ')}` : ''}${wrong.length ? ` linked-forbidden ${wrong.join(', ')}` : ''}`);
  });
  console.log(`\nmatcher on gold: ${ok}/${cases.length} cases pass`);
  for (const f of fails) console.log(f);
}

const topics = await loadTopics();
const matcher = checkCatalogue(topics);
const cases = await checkGold(topics);
await checkVerbatim(cases);

const perKind = Object.fromEntries(TOPIC_KINDS.map((k) => [k, [...topics.keys()].filter((r) => r.startsWith(`${k}/`)).length]));
const neg = cases.filter((c) => c.forbid.length > 0).length;
const pos = cases.filter((c) => c.expect.length > 0).length;
console.log(`topics: ${topics.size} (${TOPIC_KINDS.map((k) => `${k} ${perKind[k]}`).join(', ')})`);
console.log(
  `gold: ${cases.length} cases — ${pos} with expected links, ${neg} with forbidden links (negatives), ` +
    `${cases.filter((c) => c.synthetic).length} synthetic`,
);
if (process.argv.includes('--corpus')) await corpusHits(topics, matcher);
if (process.argv.includes('--match')) runGold(cases, matcher);
if (warn.length) console.log(`\nnotes (${warn.length}):\n${warn.map((w) => `  ${w}`).join('\n')}`);
if (errors.length) {
  console.log(`\nERRORS (${errors.length}):\n${errors.map((e) => `  ${e}`).join('\n')}`);
  process.exitCode = 1;
}
