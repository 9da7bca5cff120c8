/**
 * Micro-benchmark of topic matching: ~300 topics (≈1,200 forms) against
 * 10,000 generated Korean/English texts of ~2 KB, then the same texts through
 * linkBody as one-paragraph-per-line mdast. Prints milliseconds.
 *
 *   node scripts/bench-link.ts [sources=10000] [topics=300]
 */
import type { Root } from 'mdast';
import { buildMatcher, type TopicTerms } from '../src/pipeline/link/matcher.ts';
import { linkBody } from '../src/pipeline/link/link-body.ts';

const SOURCES = Number(process.argv[2] ?? 10_000);
const TOPICS = Number(process.argv[3] ?? 300);

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
