/**
 * Permalinks are a promise: every topic URL the site has ever built keeps working.
 *
 * `content/permalinks.json` is the ledger of every topic page ever built, with
 * the names it had. Each ingest adds today's topics and then derives redirects
 * (`content/redirects.json`, read by astro.config.mjs) for
 * - renamed/merged/retyped topics: an old ref that no longer exists goes to the
 *   topic that lists its slug in `redirectFrom`, else the topic that now carries
 *   its old name (as name or alias), else the same slug under another kind;
 *   a topic that vanished without trace goes to a search for its old name;
 * - aliases: `/techniques/mla/` → `/techniques/multi-head-latent-attention/` for
 *   every alias whose slug is free and unambiguous within the kind.
 */
import { slugify } from './util/slug.ts';
import type { TopicFile } from './topics.ts';

export interface Ledger {
  /** `<kind>/<slug>` → the names it had when last built. */
  topics: Record<string, { name: string; aliases?: string[] }>;
}

export function updateLedger(ledger: Ledger, topics: TopicFile[]): Ledger {
  const next: Ledger = { topics: { ...ledger.topics } };
  for (const t of topics) next.topics[t.ref] = { name: t.data.name, aliases: [...t.data.aliases].sort() };
  return { topics: sortKeys(next.topics) };
}

const norm = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

/** Redirect map: path → path, both with leading and trailing slash, sorted by source path. */
export function computeRedirects(ledger: Ledger, topics: TopicFile[]): Record<string, string> {
  const current = new Map(topics.map((t) => [t.ref, t]));
  const out: Record<string, string> = {};
  const byRedirectFrom = new Map<string, TopicFile[]>();
  const byName = new Map<string, TopicFile[]>();
  const bySlug = new Map<string, TopicFile[]>();
  const push = <K>(m: Map<K, TopicFile[]>, k: K, t: TopicFile) => (m.get(k) ?? m.set(k, []).get(k)!).push(t);
  for (const t of topics) {
    for (const old of t.data.redirectFrom) push(byRedirectFrom, old, t);
    for (const n of [t.data.name, ...t.data.aliases]) push(byName, norm(n), t);
    push(bySlug, t.slug, t);
  }
  const pick = (cands: TopicFile[] | undefined, kind: string) =>
    cands && cands.length ? (cands.find((c) => c.kind === kind) ?? (cands.length === 1 ? cands[0] : undefined)) : undefined;

  for (const [ref, seen] of Object.entries(ledger.topics)) {
    if (current.has(ref)) continue;
    const [kind, slug] = ref.split('/') as [string, string];
    const target = pick(byRedirectFrom.get(slug), kind) ?? pick(byName.get(norm(seen.name)), kind) ?? pick(bySlug.get(slug), kind);
    out[`/${ref}/`] = target ? `/${target.ref}/` : `/search/?q=${encodeURIComponent(seen.name)}`;
  }
  // redirectFrom slugs that never made it into the ledger (hand-written before a first build).
  for (const t of topics)
    for (const old of t.data.redirectFrom) {
      const from = `/${t.kind}/${old}/`;
      if (!current.has(`${t.kind}/${old}`) && !(from in out)) out[from] = `/${t.ref}/`;
    }
  // Alias URLs: only where the slug is free in the kind and claimed by exactly one topic.
  const claims = new Map<string, Set<string>>();
  for (const t of topics)
    for (const alias of [t.data.name, ...t.data.aliases]) {
      const s = slugify(alias);
      if (!s || s === t.slug) continue;
      const key = `${t.kind}/${s}`;
      (claims.get(key) ?? claims.set(key, new Set()).get(key)!).add(t.ref);
    }
  for (const [key, refs] of claims) {
    if (refs.size !== 1 || current.has(key) || `/${key}/` in out) continue;
    out[`/${key}/`] = `/${[...refs][0]}/`;
  }
  return sortKeys(out);
}

/** The object with its keys in byte order: stable JSON files. */
export function sortKeys<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
