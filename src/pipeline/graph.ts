/**
 * The topic graph as a pure function of the records (Quartz's habit: links are
 * recorded on each document while it is processed; backlinks and related
 * pages are derived afterwards). No Astro imports: the site, the ingest report
 * and the tests share it.
 */

export interface GraphTopic {
  ref: string; // `<kind>/<slug>`
  relations?: { type: string; target: string }[];
}
export interface GraphMention {
  ref: string;
  count: number;
  passages: { text: string; section?: string }[];
  headingMatch: boolean;
}
export interface GraphSource {
  id: string;
  /** ISO date for ordering; undefined sorts last. */
  date?: string;
  mentions: GraphMention[];
}

export interface Backlink<S extends GraphSource> {
  source: S;
  mention: GraphMention;
}

export interface Related {
  ref: string;
  /** Ochiai (cosine) co-occurrence: shared / sqrt(sourcesA × sourcesB), in [0, 1]. */
  score: number;
  /** Number of sources mentioning both. */
  shared: number;
}

export interface Graph<S extends GraphSource> {
  backlinks: Map<string, Backlink<S>[]>;
  related: Map<string, Related[]>;
  /** Typed relations, both directions: stated on a topic, or its inverse from the other side. */
  relations: Map<string, { type: string; ref: string; inverse: boolean }[]>;
}

/** Newest first, undated last; ties by id so the order is total and stable. */
export function compareSources(a: GraphSource, b: GraphSource): number {
  if (a.date !== b.date) {
    if (a.date === undefined) return 1;
    if (b.date === undefined) return -1;
    return a.date < b.date ? 1 : -1;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Related topics are ranked by the Ochiai coefficient of the sets of sources
 * that mention them — shared / sqrt(|A|·|B|) — not by raw co-occurrence
 * counts, so a topic mentioned everywhere (e.g. "LLM") does not crowd out
 * specific neighbours. Pairs need at least `minShared` shared sources;
 * each topic keeps its `limit` best.
 */
export function buildGraph<S extends GraphSource>(
  topics: GraphTopic[],
  sources: S[],
  opts: { minShared?: number; limit?: number } = {},
): Graph<S> {
  const minShared = opts.minShared ?? 1;
  const limit = opts.limit ?? 12;
  const known = new Set(topics.map((t) => t.ref));
  const backlinks = new Map<string, Backlink<S>[]>();
  const pair = new Map<string, number>();
  for (const source of [...sources].sort(compareSources)) {
    const refs = [...new Set(source.mentions.map((m) => m.ref).filter((r) => known.has(r)))].sort();
    for (const m of source.mentions) {
      if (!known.has(m.ref)) continue;
      let list = backlinks.get(m.ref);
      if (!list) backlinks.set(m.ref, (list = []));
      list.push({ source, mention: m });
    }
    for (let i = 0; i < refs.length; i++)
      for (let j = i + 1; j < refs.length; j++) {
        const key = `${refs[i]}\n${refs[j]}`;
        pair.set(key, (pair.get(key) ?? 0) + 1);
      }
  }
  const related = new Map<string, Related[]>();
  for (const [key, shared] of pair) {
    if (shared < minShared) continue;
    const [a, b] = key.split('\n') as [string, string];
    const score = shared / Math.sqrt(backlinks.get(a)!.length * backlinks.get(b)!.length);
    for (const [x, y] of [[a, b], [b, a]] as const) {
      let list = related.get(x);
      if (!list) related.set(x, (list = []));
      list.push({ ref: y, score, shared });
    }
  }
  for (const [ref, list] of related) {
    list.sort((p, q) => q.score - p.score || q.shared - p.shared || (p.ref < q.ref ? -1 : 1));
    related.set(ref, list.slice(0, limit));
  }
  const relations = new Map<string, { type: string; ref: string; inverse: boolean }[]>();
  const add = (from: string, type: string, ref: string, inverse: boolean) => {
    let list = relations.get(from);
    if (!list) relations.set(from, (list = []));
    if (!list.some((r) => r.type === type && r.ref === ref && r.inverse === inverse)) list.push({ type, ref, inverse });
  };
  for (const t of topics)
    for (const r of t.relations ?? []) {
      if (!known.has(r.target)) continue;
      add(t.ref, r.type, r.target, false);
      add(r.target, r.type, t.ref, true);
    }
  return { backlinks, related, relations };
}
