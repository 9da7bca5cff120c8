/**
 * The topic name index: every name, Korean name and alias of every topic under
 * its `searchKey`. Shipped to the search page as one small JSON file, it answers
 * "is this query the name of a topic?" exactly — with or without spaces,
 * particles, case, or one typo — independently of how many sources the site
 * has. Pagefind then finds the passages.
 */
import { editDistance, jamoForm, queryKeys, searchKey, typoBudget } from './terms.ts';

export interface AliasTopic {
  /** Page path without base, e.g. `/techniques/multi-head-latent-attention/`. */
  u: string;
  /** Name, Korean name, kind (models|techniques|infra|policy), description. */
  n: string;
  k?: string;
  t: string;
  d: string;
}
export interface AliasIndex {
  topics: AliasTopic[];
  /** searchKey → indexes into `topics`. */
  keys: Record<string, number[]>;
}

export function buildAliasIndex(
  topics: { ref: string; name: string; nameKo?: string; aliases: string[]; description: string }[],
): AliasIndex {
  const sorted = [...topics].sort((a, b) => (a.ref < b.ref ? -1 : 1));
  const keys: Record<string, number[]> = {};
  sorted.forEach((t, i) => {
    for (const name of [t.name, t.nameKo, ...t.aliases]) {
      if (!name) continue;
      const k = searchKey(name);
      if (!k) continue;
      const list = (keys[k] ??= []);
      if (!list.includes(i)) list.push(i);
    }
  });
  return {
    topics: sorted.map((t) => ({ u: `/${t.ref}/`, n: t.name, ...(t.nameKo ? { k: t.nameKo } : {}), t: t.ref.split('/')[0]!, d: t.description })),
    keys: Object.fromEntries(Object.entries(keys).sort(([a], [b]) => (a < b ? -1 : 1))),
  };
}

export interface TopicHit {
  topic: AliasTopic;
  /**
   * 1 exact name/alias, 0.9 after particle stripping, 0.7–0.8 a typo, 0.5–0.65 a
   * part of a name (`어텐션` of `어텐션 메커니즘`), 0.25–0.6 a run of words of a longer query.
   */
  score: number;
}

interface KeyEntry {
  key: string;
  jamo: string;
  topics: number[];
}
const entriesCache = new WeakMap<AliasIndex, KeyEntry[]>();
function entries(index: AliasIndex): KeyEntry[] {
  let e = entriesCache.get(index);
  if (!e) entriesCache.set(index, (e = Object.entries(index.keys).map(([key, topics]) => ({ key, jamo: jamoForm(key), topics }))));
  return e;
}

/** A part of a name must be this long, and a third of the name, to count: shorter ones (`모델`, `ai`) are in too many names. */
const MIN_PART = 3;
/** A kind of partial match naming more topics than this is ambiguous and left to Pagefind. */
const MAX_PARTIAL_TOPICS = 3;
const MAX_WORDS = 12;
const MAX_RUN = 4;

/**
 * Topics of which `key` is a part: the start of a name (`미스트랄` → `미스트랄 7B`),
 * its end (`언러닝` → `머신 언러닝`), or a name the key extends (`HBM3E` → `HBM`).
 * Korean compounds put the head last, so a name that starts with the query is the
 * thing itself (`어텐션 메커니즘`) and one that ends with it a kind of it (`희소 어텐션`).
 */
function partialHits(index: AliasIndex, key: string, oneWord: boolean): Map<number, number> {
  const out = new Map<number, number>();
  if (key.length < MIN_PART) return out;
  const tiers: [number, (e: KeyEntry) => boolean][] = [
    [0.65, (e) => e.key.length > key.length && e.key.length <= key.length * 3 && e.key.startsWith(key)],
    [0.6, (e) => e.key.length > key.length && e.key.length <= key.length * 3 && e.key.endsWith(key)],
    // Only within one word: across words, the runs of words in lookupTopics weigh each part.
    [0.5, (e) => oneWord && e.key.length >= MIN_PART && e.key.length * 2 >= key.length && e.key.length < key.length && key.startsWith(e.key)],
  ];
  for (const [score, test] of tiers) {
    const found = new Map<number, number>();
    for (const e of entries(index)) {
      if (!test(e)) continue;
      // The tighter the fit, the better: `에이전트 AI` before `에이전트적 중간 훈련`.
      const fit = Math.min(e.key.length, key.length) / Math.max(e.key.length, key.length);
      for (const i of e.topics) found.set(i, Math.max(found.get(i) ?? 0, fit));
    }
    if (found.size > MAX_PARTIAL_TOPICS) continue;
    for (const [i, fit] of found) out.set(i, Math.max(out.get(i) ?? 0, score + 0.05 * fit));
  }
  return out;
}

/** Topics the query names, best first. */
export function lookupTopics(index: AliasIndex, query: string, limit = 5): TopicHit[] {
  const hits = new Map<number, number>();
  const hit = (i: number, s: number) => hits.set(i, Math.max(hits.get(i) ?? 0, s));
  const keys = queryKeys(query);
  keys.forEach((k, n) => (index.keys[k] ?? []).forEach((i) => hit(i, n === 0 ? 1 : 0.9)));
  if (hits.size === 0) {
    for (const k of keys) {
      const jk = jamoForm(k);
      for (const e of entries(index)) {
        const max = typoBudget(k, e.key, jk, e.jamo);
        if (!max || Math.abs(jk.length - e.jamo.length) > max) continue;
        const d = editDistance(jk, e.jamo, max);
        if (d <= max) e.topics.forEach((i) => hit(i, d === 1 ? 0.8 : 0.7));
      }
    }
    const oneWord = !/\s/.test(query.trim());
    for (const k of keys) partialHits(index, k, oneWord).forEach((s, i) => hit(i, s));
  }
  // Multi-word queries: runs of words that name a topic, or part of one. Korean
  // noun phrases put the head last (`H100 수출 규제` is about export rules), so a
  // run that ends the query counts more, and so does a longer one.
  // Bounded: a pasted paragraph costs no more than a dozen words of runs of up to four.
  const words = query.normalize('NFKC').trim().split(/\s+/).slice(0, MAX_WORDS);
  if (words.length > 1) {
    const total = searchKey(query).length || 1;
    for (let i = 0; i < words.length; i++)
      for (let j = i + 1; j <= Math.min(words.length, i + MAX_RUN); j++) {
        if (i === 0 && j === words.length) continue;
        const run = words.slice(i, j).join(' ');
        const score = 0.3 + 0.2 * (searchKey(run).length / total) + (j === words.length ? 0.1 : 0);
        const runKeys = queryKeys(run);
        let exact = false;
        for (const k of runKeys)
          for (const t of index.keys[k] ?? []) {
            hit(t, score);
            exact = true;
          }
        // A part of a name, a little below a whole name at the same place.
        if (!exact) for (const k of runKeys) partialHits(index, k, j - i === 1).forEach((_, t) => hit(t, score - 0.05));
      }
  }
  return [...hits]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, limit)
    .map(([i, score]) => ({ topic: index.topics[i]!, score }));
}
