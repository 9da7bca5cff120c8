/**
 * Topic mention matching over plain text: every alias of every topic in one
 * Aho–Corasick pass over folded text (see korean.ts), then boundary rules per
 * script, exclusions, and longest-match overlap resolution.
 *
 * Boundary rules, by the script of the alias' first and last character:
 * - Latin/digit edge: the neighbour must not be a letter or digit (`RL` ∉ `URL`,
 *   `o1` ∉ `o10`), nor a `-`/`.` glued to one on the left (`V3` ∉ `DeepSeek-V3`,
 *   `R1` ∉ `Search-R1`), nor a `.` + letter/digit on the right (`Qwen2` ∉ `Qwen2.5`).
 *   A hyphen on the right is fine: `DeepSeek-V3` mentions `DeepSeek` when no
 *   longer alias covers it. Hangul may touch it on either side (`MoE를`, `GPU클러스터`).
 * - Hangul edge: the alias must start a word (no Hangul right before it) and may
 *   be followed only by a particle/ending chain (`딥씨크는`; `모델` ∉ `모델링`).
 * Spacing between Hangul and anything is folded away, so `KV 캐시` ≡ `KV캐시`.
 */
import { buildAutomaton } from './aho-corasick.ts';
import { foldInto, foldWithMap, isHangulCode, isParticleChain, isWordCode, newScratch, type FoldedText } from './korean.ts';

/** The match-relevant part of a topic (`TopicData` → `topicTerms`). */
export interface TopicTerms {
  /** `<kind>/<slug>`. */
  ref: string;
  /** name, nameKo and aliases. */
  names: string[];
  /** Forms that match only in exactly this case (also matched when not repeated in `names`). */
  caseSensitive: string[];
  /** Forms inside which this topic's aliases must not match. */
  exclude: string[];
}

/** One mention: `start`/`end` are offsets into the original text covering the alias only (no particle). */
export interface Match {
  ref: string;
  start: number;
  end: number;
  surface: string;
}

export interface Matcher {
  find(text: string): Match[];
  /** The same folded form claimed by several topics; the first ref (by sort order) wins. */
  conflicts: { form: string; refs: string[] }[];
  /** Forms not used, and why (too short to match safely). */
  skipped: { ref: string; form: string; reason: string }[];
}

type Edge = 'word' | 'hangul' | 'none';

interface Entry {
  ref: string;
  exclude: boolean;
  /** Set for case-sensitive forms: the accepted spellings, case kept. */
  cased?: string[];
  left: Edge;
  right: Edge;
}

const HYPHEN = 45;
const DOT = 46;

function edgeOf(code: number): Edge {
  if (isHangulCode(code)) return 'hangul';
  if (isWordCode(code)) return 'word';
  return 'none';
}

/**
 * Spelling variants of a Latin form: words joined by spaces or hyphens are
 * written both ways (`Mixture-of-Experts`, `mixture of experts`, `DeepSeek V3`).
 */
export function separatorVariants(form: string): string[] {
  const joint = /(?<=[\p{L}\p{N}])[ \-](?=[\p{L}\p{N}])/gu;
  const latinJoint = (s: string) =>
    s.replace(joint, (m, offset: number) => {
      const before = s.charCodeAt(offset - 1);
      const after = s.charCodeAt(offset + 1);
      return isHangulCode(before) || isHangulCode(after) ? m : '\u0000';
    });
  const marked = latinJoint(form);
  if (!marked.includes('\u0000')) return [form];
  return [...new Set([form, marked.replaceAll('\u0000', ' '), marked.replaceAll('\u0000', '-')])];
}

/** `TopicData` (or anything with its naming fields) → `TopicTerms`. */
export function topicTerms(
  ref: string,
  t: { name: string; nameKo?: string; aliases?: string[]; caseSensitive?: string[]; exclude?: string[] },
): TopicTerms {
  return {
    ref,
    names: [t.name, ...(t.nameKo ? [t.nameKo] : []), ...(t.aliases ?? [])],
    caseSensitive: t.caseSensitive ?? [],
    exclude: t.exclude ?? [],
  };
}

/** Where a URL or e-mail address starts inside a whitespace-delimited token. */
const URL_START = /(?:https?|ftp):\/\/|www\.|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\/|[\w.+-]+@[\w-]+\./i;

export function buildMatcher(topics: readonly TopicTerms[]): Matcher {
  const byKey = new Map<string, Entry[]>();
  const skipped: Matcher['skipped'] = [];
  const sorted = [...topics].sort((a, b) => (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));

  const add = (ref: string, form: string, exclude: boolean, caseSensitive: boolean) => {
    for (const variant of exclude ? [form] : separatorVariants(form)) {
      const f = foldWithMap(variant);
      const key = f.folded;
      if (key.length < 2) {
        skipped.push({ ref, form, reason: 'shorter than two characters once folded' });
        continue;
      }
      const entry: Entry = {
        ref,
        exclude,
        left: edgeOf(key.charCodeAt(0)),
        right: edgeOf(key.charCodeAt(key.length - 1)),
        ...(caseSensitive ? { cased: [f.cased] } : {}),
      };
      const list = byKey.get(key) ?? [];
      const same = list.find((e) => e.ref === ref && e.exclude === exclude);
      if (same) {
        // A case-insensitive form of the same key covers any case-sensitive one.
        if (!entry.cased) delete same.cased;
        else if (same.cased) same.cased = [...new Set([...same.cased, ...entry.cased])];
        continue;
      }
      list.push(entry);
      byKey.set(key, list);
    }
  };

  for (const t of sorted) {
    const cs = new Set(t.caseSensitive);
    const forms = [...new Set([...t.names, ...t.caseSensitive])];
    for (const form of forms) add(t.ref, form, false, cs.has(form));
    for (const form of t.exclude) add(t.ref, form, true, false);
  }

  const keys = [...byKey.keys()].sort();
  const entries = keys.map((k) => byKey.get(k)!);
  const conflicts: Matcher['conflicts'] = [];
  keys.forEach((key, i) => {
    const refs = [...new Set(entries[i]!.filter((e) => !e.exclude).map((e) => e.ref))];
    if (refs.length > 1) conflicts.push({ form: key, refs });
  });
  const lengths = keys.map((k) => k.length);
  const automaton = buildAutomaton(keys);

  const scratch = newScratch(4096);
  let taken = new Uint8Array(4096);

  function find(text: string): Match[] {
    if (!text) return [];
    const f = foldInto(text, true, scratch);
    const cands: { ref: string; s: number; e: number }[] = [];
    let excludes: { ref: string; s: number; e: number }[] | undefined;
    automaton.scan(f.folded, (p, e) => {
      const s = e - lengths[p]!;
      for (const entry of entries[p]!) {
        if (entry.exclude) {
          (excludes ??= []).push({ ref: entry.ref, s, e });
          continue;
        }
        if (entry.cased && !entry.cased.includes(f.cased.slice(s, e))) continue;
        if (!leftOk(f, s, entry.left) || !rightOk(f, e, entry.right)) continue;
        cands.push({ ref: entry.ref, s, e });
      }
    });
    if (!cands.length) return [];

    const urls = urlSpans(text);
    const kept = cands.filter(
      (c) =>
        !excludes?.some((x) => x.ref === c.ref && x.s <= c.s && c.e <= x.e) &&
        !urls.some(([us, ue]) => f.start[c.s]! < ue && f.end[c.e - 1]! > us),
    );
    // Longest first, then earliest, then by ref: greedy over the folded positions.
    kept.sort((a, b) => b.e - b.s - (a.e - a.s) || a.s - b.s || (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));
    if (taken.length < f.folded.length) taken = new Uint8Array(f.folded.length * 2);
    else taken.fill(0, 0, f.folded.length);
    const chosen: typeof kept = [];
    for (const c of kept) {
      let free = true;
      for (let i = c.s; i < c.e && free; i++) if (taken[i]) free = false;
      if (!free) continue;
      taken.fill(1, c.s, c.e);
      chosen.push(c);
    }
    chosen.sort((a, b) => a.s - b.s);
    return chosen.map((c) => {
      const start = f.start[c.s]!;
      const end = f.end[c.e - 1]!;
      return { ref: c.ref, start, end, surface: text.slice(start, end) };
    });
  }

  return { find, conflicts, skipped };
}

function leftOk(f: FoldedText, s: number, edge: Edge): boolean {
  if (s === 0 || f.gap[s] || edge === 'none') return true;
  const p = f.folded.charCodeAt(s - 1);
  if (edge === 'hangul') return !isHangulCode(p);
  if (isWordCode(p)) return false;
  // `DeepSeek-V3`, `v2.o1`: a hyphen or dot glued to a word continues it.
  if ((p === HYPHEN || p === DOT) && s >= 2 && !f.gap[s - 1] && isWordCode(f.folded.charCodeAt(s - 2))) return false;
  return true;
}

function rightOk(f: FoldedText, e: number, edge: Edge): boolean {
  const text = f.folded;
  if (e === text.length || f.gap[e] || edge === 'none') return true;
  const nx = text.charCodeAt(e);
  if (edge === 'word') {
    if (isWordCode(nx)) return false;
    // `Qwen2.5`, `GPT-4.5`: a dot followed by a letter/digit continues the name.
    if (nx === DOT && e + 1 < text.length && !f.gap[e + 1] && isWordCode(text.charCodeAt(e + 1))) return false;
    return true;
  }
  if (!isHangulCode(nx)) return true;
  let r = e + 1;
  while (r < text.length && !f.gap[r] && isHangulCode(text.charCodeAt(r))) r++;
  return isParticleChain(text.slice(e, r));
}

/**
 * Original-text spans of URLs and e-mail addresses: a name inside one is not a
 * mention. Only tokens holding `/` or `@` are examined, so plain prose costs nothing.
 */
function urlSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  let from = 0;
  for (;;) {
    const slash = text.indexOf('/', from);
    const at = text.indexOf('@', from);
    const p = slash < 0 ? at : at < 0 ? slash : Math.min(slash, at);
    if (p < 0) return spans;
    let s = p;
    while (s > 0 && !isUrlStop(text.charCodeAt(s - 1))) s--;
    let e = p;
    while (e < text.length && !isUrlStop(text.charCodeAt(e))) e++;
    const m = URL_START.exec(text.slice(s, e));
    if (m) spans.push([s + m.index, e]);
    from = e + 1;
  }
}

/** Whitespace and the quotes/brackets that close a URL in running text. */
function isUrlStop(c: number): boolean {
  return c <= 32 || c === 34 || c === 39 || c === 60 || c === 62 || c === 0x3000 || c === 0xff09 || c === 0x201c || c === 0x201d;
}
