/**
 * The topic name index: every name, Korean name and alias of every topic under
 * its `searchKey`. Shipped to the search page as one small JSON file, it answers
 * "is this query the name of a topic?" exactly — with or without spaces,
 * particles, case, or one typo — independently of how many sources the site
 * has. Pagefind then finds the passages.
 */
import { editDistance, queryKeys, searchKey } from './terms.ts';

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
  /** 1 exact name/alias, 0.9 after particle stripping, 0.7–0.8 one or two typos, 0.5 a word of the query. */
  score: number;
}

/** Topics the query names, best first. */
export function lookupTopics(index: AliasIndex, query: string, limit = 5): TopicHit[] {
  const hits = new Map<number, number>();
  const hit = (i: number, s: number) => hits.set(i, Math.max(hits.get(i) ?? 0, s));
  const keys = queryKeys(query);
  keys.forEach((k, n) => (index.keys[k] ?? []).forEach((i) => hit(i, n === 0 ? 1 : 0.9)));
  if (hits.size === 0) {
    // One typo for names of 4+ characters, two for 8+ (`mixtrue of experts`).
    const k = keys[0] ?? '';
    if (k.length >= 4)
      for (const [key, list] of Object.entries(index.keys)) {
        if (key.length < 4) continue;
        const max = Math.min(k.length, key.length) >= 8 ? 2 : 1;
        const d = editDistance(k, key, max);
        if (d <= max) list.forEach((i) => hit(i, d === 1 ? 0.8 : 0.7));
      }
  }
  // Multi-word queries: any word (or word without particle) that is itself a topic name.
  const words = query.trim().split(/\s+/);
  if (words.length > 1)
    for (const w of words) for (const k of queryKeys(w)) (index.keys[k] ?? []).forEach((i) => hit(i, 0.5));
  return [...hits]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, limit)
    .map(([i, score]) => ({ topic: index.topics[i]!, score }));
}
