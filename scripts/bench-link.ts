/**
 * Micro-benchmark of topic matching: ~300 topics (≈1,200 forms) against
 * 10,000 generated Korean/English texts of ~2 KB, then the same texts through
 * linkBody as one-paragraph-per-line mdast. Prints milliseconds.
 *
 *   node scripts/bench-link.ts [sources=10000] [topics=300]
 *   node scripts/bench-link.ts --real [sources=10000]
 *
 * `--real`: the real topic catalogue (content/topics) and the real records the
 * adapters make from content/raw, repeated up to `sources`, through linkBody
 * and the curation collector, exactly as the ingest calls them (issue #4:
 * linking 10,000 sources must add no more than a few seconds).
 */
import type { Root } from 'mdast';
import { buildMatcher, type TopicTerms } from '../src/pipeline/link/matcher.ts';
import { linkBody } from '../src/pipeline/link/link-body.ts';

const REAL = process.argv.includes('--real');
const ARGS = process.argv.slice(2).filter((a) => a !== '--real');
const SOURCES = Number(ARGS[0] ?? 10_000);
const TOPICS = Number(ARGS[1] ?? 300);
if (REAL) {
  await benchReal(SOURCES);
  process.exit(0);
}

// Deterministic PRNG (mulberry32) so runs are comparable.
let seed = 42;
const rand = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
  return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

const SYLLABLES = '가나다라마바사아자차카타파하거너더러머버서어저처커터퍼허고노도로모보소오조초코토포호구누두루무부수우주추쿠투푸후그느드르므브스으즈츠크트프흐기니디리미비시이지치키티피히';
const LATIN = 'abcdefghijklmnopqrstuvwxyz';
const hangulWord = (n: number) => Array.from({ length: n }, () => pick([...SYLLABLES])).join('');
const latinWord = (n: number) => Array.from({ length: n }, () => pick([...LATIN])).join('');
const PARTICLES = ['', '', '는', '를', '의', '에서', '으로', '와', '가'];

const topics: TopicTerms[] = [];
for (let i = 0; i < TOPICS; i++) {
  const en = `${latinWord(5)} ${latinWord(6)}`;
  topics.push({
    ref: `techniques/t${i}`,
    names: [en, hangulWord(3), `${latinWord(3).toUpperCase()}${i}`, `${hangulWord(2)} ${hangulWord(2)}`],
    caseSensitive: [],
    exclude: [],
  });
}
const forms = topics.flatMap((t) => t.names);

const texts: string[] = [];
for (let s = 0; s < SOURCES; s++) {
  let text = '';
  while (text.length < 2000) {
    const r = rand();
    if (r < 0.04) text += pick(forms);
    else if (r < 0.6) text += hangulWord(1 + Math.floor(rand() * 4));
    else if (r < 0.9) text += latinWord(2 + Math.floor(rand() * 7));
    else text += String(Math.floor(rand() * 10_000));
    text += pick(PARTICLES) + (rand() < 0.05 ? '.\n' : ' ');
  }
  texts.push(text);
}
const chars = texts.reduce((n, t) => n + t.length, 0);

let t0 = performance.now();
const matcher = buildMatcher(topics);
const buildMs = performance.now() - t0;

t0 = performance.now();
let matches = 0;
for (const text of texts) matches += matcher.find(text).length;
const findMs = performance.now() - t0;

const bodies: Root[] = texts.map((text) => ({
  type: 'root',
  children: text.split('\n').map((line) => ({ type: 'paragraph', children: [{ type: 'text', value: line }] })),
}));
t0 = performance.now();
let mentions = 0;
for (const body of bodies) mentions += linkBody(body, matcher, { urlFor: (ref) => `/topics/${ref}/` }).mentions.length;
const linkMs = performance.now() - t0;

console.log(
  [
    `topics: ${TOPICS} (${forms.length} forms), sources: ${SOURCES}, text: ${(chars / 1e6).toFixed(1)}M chars`,
    `buildMatcher: ${buildMs.toFixed(0)} ms`,
    `find over all sources: ${findMs.toFixed(0)} ms (${matches} matches, ${((chars / findMs) * 1000 / 1e6).toFixed(1)}M chars/s)`,
    `linkBody over all sources: ${linkMs.toFixed(0)} ms (${mentions} topic mentions)`,
  ].join('\n'),
);

async function benchReal(n: number) {
  const path = await import('node:path');
  const { readTopics } = await import('../src/pipeline/topics.ts');
  const { topicMatcher } = await import('../src/pipeline/ingest.ts');
  const { detectFormat, listRawFiles, readRawFile } = await import('../src/pipeline/detect.ts');
  const { createCurationCollector } = await import('../src/pipeline/curation.ts');
  type Rec = import('../src/pipeline/types.ts').SourceRecord;
  const root = path.resolve(import.meta.dirname, '..');
  const topics = await readTopics(path.join(root, 'content/topics'));
  let t0 = performance.now();
  const matcher = topicMatcher(topics);
  const buildMs = performance.now() - t0;

  const raw = path.join(root, 'content/raw');
  const records: Rec[] = [];
  const groups = new Map<string, { adapter: NonNullable<ReturnType<typeof detectFormat>>; files: Awaited<ReturnType<typeof readRawFile>>[] }>();
  for (const rel of await listRawFiles(raw)) {
    const file = await readRawFile(raw, rel);
    const adapter = detectFormat(file);
    if (!adapter) continue;
    const key = adapter.grouping === 'directory' ? `${adapter.id}\n${path.posix.dirname(file.path)}` : `${adapter.id}\n${file.path}`;
    (groups.get(key) ?? groups.set(key, { adapter, files: [] }).get(key)!).files.push(file);
  }
  for (const { adapter, files } of groups.values()) {
    const result = await adapter.parse(files[0]!, files);
    for await (const r of result.records) records.push(r);
  }
  const chars = (r: Rec) => JSON.stringify(r.body).length;
  const sample = Array.from({ length: n }, (_, i) => records[i % records.length]!);
  const mb = sample.reduce((x, r) => x + chars(r), 0) / 1e6;

  t0 = performance.now();
  let mentions = 0;
  const linked = sample.map((r) => {
    const out = linkBody(r.body, matcher, { urlFor: (ref) => `/${ref}/`, title: r.kind === 'telegram' ? undefined : r.title });
    mentions += out.mentions.length;
    return out.mentions;
  });
  const linkMs = performance.now() - t0;

  const collector = createCurationCollector();
  collector.topics!(topics, matcher);
  t0 = performance.now();
  sample.forEach((r, i) => collector.record({ ...r, id: `${r.id}/${i}` }, linked[i]!));
  const report = collector.report();
  const curateMs = performance.now() - t0;

  console.log(
    [
      `real catalogue: ${topics.length} topics; ${records.length} real records repeated to ${n} sources (${mb.toFixed(1)} MB of mdast JSON)`,
      `buildMatcher: ${buildMs.toFixed(0)} ms`,
      `linkBody over all sources: ${linkMs.toFixed(0)} ms (${mentions} topic mentions, ${(linkMs / n).toFixed(2)} ms/source)`,
      `curation collector + report: ${curateMs.toFixed(0)} ms (${report.candidates.length} candidates)`,
      `heap used: ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`,
    ].join('\n'),
  );
}
