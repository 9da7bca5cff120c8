/**
 * Curation: topics grow with the content (issue #4).
 *
 * While the ingest streams records through the link stage, a collector (an
 * `IngestObserver`) notes which names each source uses that no topic covers:
 *
 *   signal     where it comes from                                   strength
 *   model      model-name shapes in the text (`Qwen2.5-7B`, `GPT-4.1`)  strong
 *   tag        tags the source gives (review tags, hashtags)          strong when multi-word
 *   keyTerm    a digest item's bold key terms                         weak
 *   bold       short bold runs in a body                              weak
 *   text       Title Case phrases, acronyms, CamelCase in the text    context only
 *
 * `report()` turns those counts into candidates (with a suggested kind, the
 * number of sources, the observed spellings and example sources), unmatched
 * frequent terms, and ambiguous aliases. `promoteCandidates()` writes the
 * chosen candidates as `status: candidate` topic files, never over an existing file.
 *
 * Promotion levels (see scripts/ingest.ts):
 * - `auto`, on every ingest (so `npm run build`): strong signals only — a model
 *   name in ≥ 3 sources, or a multi-word tag in ≥ 4 sources.
 * - `ready`, with `--promote`: every candidate in ≥ `promoteMin` sources (default 3).
 * A candidate whose slug is already in the permalink ledger is one a person
 * deleted, renamed or merged away: it is never created again.
 *
 * Memory: per source only the indices of the terms it used (a typed array),
 * per term its spellings; never records or bodies. Counting happens at report
 * time, so a record replaced by a preferred copy (same id) is counted once.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SourceRecord } from './types.ts';
import type { Mention } from './link/link-body.ts';
import type { Matcher } from './link/matcher.ts';
import { readTopics, type TopicFile } from './topics.ts';
import { contentPaths, ingest, readLedger, type IngestObserver, type IngestSummary } from './ingest.ts';
import { writeIfChanged } from './write.ts';
import { computeRedirects, updateLedger, type Ledger } from './permalinks.ts';
import { slugify, isSlug } from './util/slug.ts';
import { yamlJson } from './emit.ts';
import type { TopicKind } from '../schema/topic.ts';
import {
  capitalisedTerms,
  guessKind,
  isModelName,
  isSingleCommonWord,
  isTermLike,
  modelBase,
  modelNames,
  singular,
  termKey,
  termParts,
  type TermParts,
} from './curation-terms.ts';

export interface CurationThresholds {
  /** A term must be in at least this many sources to be reported. Default 2. */
  reportMin: number;
  /** `--promote` writes candidates in at least this many sources. Default 3. */
  promoteMin: number;
  /** Every ingest writes model-name candidates seen in at least this many sources. Default 3. */
  autoModelMin: number;
  /** Every ingest writes multi-word tag candidates given by at least this many sources. Default 4. */
  autoTagMin: number;
  /** Rows per report section (candidates to be promoted are always listed). Default 100. */
  limit: number;
}

export const DEFAULT_THRESHOLDS: CurationThresholds = { reportMin: 2, promoteMin: 3, autoModelMin: 3, autoTagMin: 4, limit: 100 };

const SIGNALS = ['model', 'tag', 'keyTerm', 'bold', 'text'] as const;
export type Signal = (typeof SIGNALS)[number];
const BIT: Record<Signal, number> = { model: 1, tag: 2, keyTerm: 4, bold: 8, text: 16 };
const SIGNAL_BITS = 5;
/** Signals that make a term a candidate; `text` only adds to the count of one. */
const CANDIDATE_BITS = BIT.model | BIT.tag | BIT.keyTerm | BIT.bold;

/**
 * Why a candidate is or is not turned into a topic file:
 * - `auto`: strong signal over the automatic thresholds; every ingest creates it.
 * - `ready`: at or over `promoteMin`; `--promote` creates it.
 * - `watch`: below the thresholds, or a single ordinary word (`Reasoning`, `Benchmark`)
 *   that would link everywhere; listed so a person can create it by hand.
 * - `taken`: another topic file already has the slug.
 * - `removed`: the slug is in the permalink ledger, so a person deleted or renamed it: never re-created.
 * - `no-slug`: no Latin name to make a file name from (add one by hand).
 */
export type CandidateStatus = 'auto' | 'ready' | 'watch' | 'taken' | 'removed' | 'no-slug';

export interface Candidate {
  name: string;
  nameKo?: string;
  /** Other spellings seen, for the topic's `aliases`. */
  aliases: string[];
  kind: TopicKind;
  slug: string;
  /** Number of sources using it (any signal). */
  sources: number;
  /** Number of sources per signal. */
  signals: Partial<Record<Signal, number>>;
  /** Up to three source ids, in id order. */
  examples: string[];
  status: CandidateStatus;
}

export interface UnmatchedTerm {
  term: string;
  sources: number;
  examples: string[];
}

export interface AmbiguousAlias {
  form: string;
  refs: string[];
  /** `conflict`: several topics claim the form. `common-word`: it is also an ordinary English word. */
  reason: 'conflict' | 'common-word';
  /** Sources using it in lower case after another lower-case word (`the operator`): as an ordinary word. */
  lowercaseInProse?: number;
  /** Sources writing it capitalised (as a name). */
  capitalised?: number;
}

export interface CurationReport {
  sources: number;
  topics: number;
  thresholds: CurationThresholds;
  candidates: Candidate[];
  unmatchedTerms: UnmatchedTerm[];
  ambiguousAliases: AmbiguousAlias[];
}

export interface CurationCollector extends IngestObserver {
  /** `ledger`: the permalink ledger after the ingest (content/permalinks.json). */
  report(opts?: { ledger?: Ledger }): CurationReport;
}

interface Term {
  key: string;
  forms: Map<string, number>;
  alts: Map<string, number>;
  ko: Map<string, number>;
}

/** Spellings kept per term: enough to choose a name and aliases, bounded. */
const MAX_FORMS = 12;
/** Terms noted per source: a pathological body cannot grow memory without bound. */
const MAX_TERMS_PER_SOURCE = 400;
/** Tags that say what a source is, not what it is about. */
const GENERIC_TAGS = new Set(['review', 'reviews', 'paper', 'papers', 'news', 'research', 'article', 'blog', 'post', 'ai', 'ml']);

export function createCurationCollector(thresholds: Partial<CurationThresholds> = {}): CurationCollector {
  const th: CurationThresholds = { ...DEFAULT_THRESHOLDS, ...thresholds };
  let topics: TopicFile[] = [];
  let matcher: Matcher | undefined;
  const terms: Term[] = [];
  const termIndex = new Map<string, number>();
  /** Acronym key → long-form key → times given together (`Large Language Models (LLMs)`). */
  const abbreviations = new Map<string, Map<string, number>>();
  const perSource = new Map<string, { terms: Uint32Array; aliases: Uint32Array }>();
  // The same names recur across thousands of sources: every check on a form runs once.
  const keyOf = memo(termKey);
  const parse = memo((raw: string): TermParts | null => {
    if (/[:：]\s*$/.test(raw)) return null; // a run-in label (`**알림:**`), not a name
    const parts = termParts(raw);
    return parts && isTermLike(parts.name) ? parts : null;
  });
  /** Single-word Latin aliases, lower case → index into `wordAliases`. */
  const wordAliasIndex = new Map<string, number>();
  const wordAliases: { form: string; refs: Set<string> }[] = [];

  const fullyMatched = (form: string) => matcher!.find(form).some((m) => m.start === 0 && m.end === form.length);
  /** Some topic already has this name (or its singular, or it plus a generic head word like `Architecture`). */
  const covered = memo((form: string): boolean => {
    const stripped = form.replace(/[ -]?(?:architectures?|models?|methods?|frameworks?|approach(?:es)?|techniques?|mechanisms?|아키텍처|구조|모델|기법|방법)$/i, '').trim();
    return fullyMatched(form) || fullyMatched(singular(form)) || (stripped !== form && fullyMatched(stripped));
  });
  const partlyCovered = memo((form: string): boolean => matcher!.find(form).length > 0);
  /** A model name is covered by a topic whose name it starts with, when that name has a version (`Qwen2.5` covers `Qwen2.5-Coder`, `DeepSeek` does not cover `DeepSeek-V4`). */
  const modelCovered = memo((base: string): boolean => {
    const first = matcher!.find(base).find((m) => m.start === 0);
    return !!first && (first.end === base.length || /\d/.test(first.surface));
  });

  const intern = (key: string): number => {
    let i = termIndex.get(key);
    if (i === undefined) {
      i = terms.length;
      terms.push({ key, forms: new Map(), alts: new Map(), ko: new Map() });
      termIndex.set(key, i);
    }
    return i;
  };
  const bump = (m: Map<string, number>, form: string) => {
    if (m.has(form)) m.set(form, m.get(form)! + 1);
    else if (m.size < MAX_FORMS) m.set(form, 1);
  };

  return {
    topics(ts, m) {
      topics = ts;
      matcher = m;
      for (const t of ts) {
        const cased = new Set(t.data.caseSensitive);
        for (const form of [t.data.name, ...t.data.aliases]) {
          if (cased.has(form) || !/^[A-Za-z]{3,}$/.test(form) || /^[A-Z]+$/.test(form)) continue;
          const lower = form.toLowerCase();
          let i = wordAliasIndex.get(lower);
          if (i === undefined) wordAliasIndex.set(lower, (i = wordAliases.push({ form, refs: new Set() }) - 1));
          wordAliases[i]!.refs.add(t.ref);
        }
      }
    },

    record(record: SourceRecord, _mentions: Mention[]) {
      if (!matcher) throw new Error('curation collector: topics() must be called before record()');
      const seen = new Map<number, number>();
      const note = (parts: TermParts, signal: Signal) => {
        const key = keyOf(parts.name);
        if (!key || (seen.size >= MAX_TERMS_PER_SOURCE && !seen.has(termIndex.get(key) ?? -1))) return;
        if (signal === 'text') {
          // A phrase from running text that contains a topic name is about that topic (`DeepSeek-V3 Technical Report`).
          if (covered(parts.name) || partlyCovered(parts.name)) return;
        } else if (signal === 'model' || isModelName(parts.name) ? modelCovered(parts.name) : [parts.name, ...parts.alts, ...(parts.ko ? [parts.ko] : [])].some(covered)) return;
        const i = intern(key);
        const t = terms[i]!;
        bump(t.forms, parts.name);
        for (const a of parts.alts) {
          bump(t.alts, a);
          const ak = keyOf(a);
          if (/^[A-Z][A-Za-z0-9]*[A-Z]s?$/.test(a) && ak !== key) {
            let longs = abbreviations.get(ak);
            if (!longs) abbreviations.set(ak, (longs = new Map()));
            longs.set(key, (longs.get(key) ?? 0) + 1);
          }
        }
        if (parts.ko) bump(t.ko, parts.ko);
        seen.set(i, (seen.get(i) ?? 0) | BIT[signal]);
      };

      // A model name given as a tag or in bold is noted as a model (by its base name) too.
      const noteTerm = (raw: string, signal: Signal) => {
        const parts = parse(raw);
        if (!parts) return;
        if (signal === 'tag' && GENERIC_TAGS.has(parts.name.toLowerCase())) return;
        if (isModelName(parts.name)) {
          const base = { ...parts, name: modelBase(parts.name) };
          note(base, 'model');
          note(base, signal);
        } else note(parts, signal);
      };
      for (const tag of record.tags) noteTerm(tag.replace(/^#/, '').replace(/_/g, ' '), 'tag');
      for (const k of record.digest?.keyTerms ?? []) noteTerm(k, 'keyTerm');

      const aliasBits = new Map<number, number>();
      const texts = [record.title, ...blockTexts(record.body)];
      for (const text of texts) {
        for (const name of modelNames(text)) note({ name, alts: [] }, 'model');
        for (const term of capitalisedTerms(text)) note({ name: term, alts: [] }, 'text');
        if (wordAliasIndex.size) scanWordAliases(text, wordAliasIndex, aliasBits);
      }
      for (const b of boldRuns(record.body)) noteTerm(b, 'bold');

      perSource.set(record.id, {
        terms: Uint32Array.from([...seen].map(([i, bits]) => (i << SIGNAL_BITS) | bits)),
        aliases: Uint32Array.from([...aliasBits].map(([i, bits]) => (i << 2) | bits)),
      });
    },

    report({ ledger } = {}) {
      // Acronyms given with their long form count as the long form (`LLMs` → `Large Language Models`).
      const canon = terms.map((_, i) => i);
      for (const [ak, longs] of abbreviations) {
        const ai = termIndex.get(ak);
        if (ai === undefined) continue;
        const [bestKey] = [...longs].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]!;
        const li = termIndex.get(bestKey);
        if (li !== undefined && li !== ai) canon[ai] = li;
      }
      // Follow chains (`A → B → C`) to their end; a cycle keeps its smallest index.
      for (let i = 0; i < canon.length; i++) {
        let c = i;
        const path = new Set<number>();
        while (canon[c] !== c && !path.has(c)) {
          path.add(c);
          c = canon[c]!;
        }
        canon[i] = path.has(c) ? Math.min(...path) : c;
      }

      const ids = [...perSource.keys()].sort();
      const count = new Map<number, { sources: number; bits: number[]; examples: string[] }>();
      const aliasCount = wordAliases.map(() => [0, 0]);
      for (const id of ids) {
        const rec = perSource.get(id)!;
        const merged = new Map<number, number>();
        for (const packed of rec.terms) {
          const c = canon[packed >>> SIGNAL_BITS]!;
          merged.set(c, (merged.get(c) ?? 0) | (packed & ((1 << SIGNAL_BITS) - 1)));
        }
        for (const [i, bits] of merged) {
          let c = count.get(i);
          if (!c) count.set(i, (c = { sources: 0, bits: SIGNALS.map(() => 0), examples: [] }));
          c.sources++;
          SIGNALS.forEach((s, k) => {
            if (bits & BIT[s]) c!.bits[k]!++;
          });
          if (c.examples.length < 3) c.examples.push(id);
        }
        for (const packed of rec.aliases) {
          const a = aliasCount[packed >>> 2]!;
          if (packed & 1) a[0]!++;
          if (packed & 2) a[1]!++;
        }
      }

      const members = new Map<number, number[]>();
      canon.forEach((c, j) => {
        if (c !== j) (members.get(c) ?? members.set(c, []).get(c)!).push(j);
      });
      const existingSlugs = new Map(topics.map((t) => [t.slug, t.ref]));
      const everBuilt = new Set(Object.keys(ledger?.topics ?? {}).map((ref) => ref.split('/')[1]!));
      const candidates: Candidate[] = [];
      const unmatched: UnmatchedTerm[] = [];
      for (const [i, c] of count) {
        if (c.sources < th.reportMin) continue;
        const signals = Object.fromEntries(SIGNALS.map((s, k) => [s, c.bits[k]!]).filter(([, n]) => n)) as Candidate['signals'];
        const merged = mergeTerms(terms, i, members.get(i) ?? []);
        if (!(SIGNALS.some((s, k) => BIT[s] & CANDIDATE_BITS && c.bits[k]))) {
          unmatched.push({ term: merged.name, sources: c.sources, examples: c.examples });
          continue;
        }
        const modelShaped = (signals.model ?? 0) * 2 >= c.sources;
        const name = modelShaped ? merged.name : displayName(merged.name, merged.forms);
        const slug = slugify(name);
        const aliases = aliasList(name, merged.nameKo, [...merged.forms, ...merged.alts]);
        let status: CandidateStatus;
        if (!slug || !isSlug(slug)) status = 'no-slug';
        else if (existingSlugs.has(slug)) status = 'taken';
        else if (everBuilt.has(slug)) status = 'removed';
        else if ((signals.model ?? 0) >= th.autoModelMin || ((signals.tag ?? 0) >= th.autoTagMin && !isSingleCommonWord(name))) status = 'auto';
        else if (c.sources >= th.promoteMin && !isSingleCommonWord(name)) status = 'ready';
        else status = 'watch';
        candidates.push({
          name,
          ...(merged.nameKo ? { nameKo: merged.nameKo } : {}),
          aliases,
          kind: guessKind(name, modelShaped),
          slug,
          sources: c.sources,
          signals,
          examples: c.examples,
          status,
        });
      }
      const bySources = <T extends { sources: number }>(key: (x: T) => string) => (a: T, b: T) =>
        b.sources - a.sources || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
      candidates.sort(bySources((x) => x.name));
      unmatched.sort(bySources((x) => x.term));

      const ambiguous: AmbiguousAlias[] = matcher
        ? matcher.conflicts.map((x) => ({ form: x.form, refs: x.refs, reason: 'conflict' as const }))
        : [];
      wordAliases.forEach((a, i) => {
        const [lower, capital] = aliasCount[i]! as [number, number];
        if (lower >= th.reportMin && lower >= capital) {
          ambiguous.push({ form: a.form, refs: [...a.refs].sort(), reason: 'common-word', lowercaseInProse: lower, capitalised: capital });
        }
      });
      ambiguous.sort((a, b) => (b.lowercaseInProse ?? Infinity) - (a.lowercaseInProse ?? Infinity) || (a.form < b.form ? -1 : 1));

      return {
        sources: perSource.size,
        topics: topics.length,
        thresholds: th,
        // Every candidate that may be promoted stays, whatever the limit: promotion reads this list.
        candidates: candidates.filter((c, k) => k < th.limit || c.status === 'auto' || c.status === 'ready'),
        unmatchedTerms: unmatched.slice(0, th.limit),
        ambiguousAliases: ambiguous.slice(0, th.limit),
      };
    },
  };
}

/** The spellings of a term and of the acronyms folded into it (`folded`). */
function mergeTerms(terms: Term[], i: number, folded: number[]) {
  const forms = new Map(terms[i]!.forms);
  const alts = new Map(terms[i]!.alts);
  const ko = new Map(terms[i]!.ko);
  for (const j of folded) for (const [f, n] of [...terms[j]!.forms, ...terms[j]!.alts]) alts.set(f, (alts.get(f) ?? 0) + n);
  const top = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([f]) => f);
  const ranked = top(forms);
  return { name: ranked[0]!, forms: ranked, alts: top(alts), nameKo: top(ko)[0] };
}

/** Topic names are singular: `Large Language Models` → `Large Language Model` (the plural stays an alias). */
function displayName(top: string, forms: string[]): string {
  const singularForm = forms.find((f) => singular(f) === f && termKey(f) === termKey(top));
  return singularForm ?? singular(top);
}

/** Observed spellings other than the name, once each ignoring case (the matcher ignores case for Latin). */
function aliasList(name: string, nameKo: string | undefined, forms: string[]): string[] {
  const seen = new Set([name.toLowerCase(), ...(nameKo ? [nameKo.toLowerCase()] : [])]);
  const out: string[] = [];
  for (const f of forms) {
    const k = f.toLowerCase();
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(f);
  }
  return out.slice(0, 8);
}

type AnyNode = { type: string; value?: string; children?: AnyNode[] };
const SKIP = new Set(['code', 'math', 'inlineCode', 'inlineMath', 'html']);

/** The plain text of each block (paragraph, heading, table cell), code and math left out. */
function blockTexts(body: SourceRecord['body']): string[] {
  const out: string[] = [];
  const text = (n: AnyNode): string =>
    SKIP.has(n.type) ? ' ' : n.type === 'break' ? '\n' : typeof n.value === 'string' ? n.value : (n.children ?? []).map(text).join('');
  const walk = (n: AnyNode) => {
    if (SKIP.has(n.type)) return;
    if (n.type === 'paragraph' || n.type === 'heading' || n.type === 'tableCell') {
      // URLs are names of pages, not of things.
      out.push(text(n).replace(/\b(?:https?:\/\/|www\.)\S+/g, ' '));
      return;
    }
    for (const c of n.children ?? []) walk(c);
  };
  walk(body as AnyNode);
  return out;
}

/** Plain text of every `strong` run. */
function boldRuns(body: SourceRecord['body']): string[] {
  const out: string[] = [];
  const text = (n: AnyNode): string => (typeof n.value === 'string' ? n.value : (n.children ?? []).map(text).join(''));
  const walk = (n: AnyNode) => {
    if (SKIP.has(n.type)) return;
    if (n.type === 'strong') out.push(text(n));
    else for (const c of n.children ?? []) walk(c);
  };
  walk(body as AnyNode);
  return out;
}

/**
 * Bit 1: the alias appears in lower case right after a lower-case English word
 * (`the operator`, `a transformer`): used as an ordinary word. Bit 2: capitalised.
 */
function scanWordAliases(text: string, index: Map<string, number>, bits: Map<number, number>) {
  let prevEnd = -2;
  let prevLower = false;
  for (const m of text.matchAll(/[A-Za-z]+/g)) {
    const w = m[0];
    const i = index.get(w.toLowerCase());
    if (i !== undefined) {
      const lower = w === w.toLowerCase();
      const inProse = lower && prevLower && /^ +$/.test(text.slice(prevEnd, m.index));
      if (inProse) bits.set(i, (bits.get(i) ?? 0) | 1);
      else if (!lower) bits.set(i, (bits.get(i) ?? 0) | 2);
    }
    prevEnd = m.index + w.length;
    prevLower = /^[a-z]{2,}$/.test(w);
  }
}

// ---------------------------------------------------------------------------
// Output

/** The report as JSON text: deterministic (no dates, sorted), for content/curation-report.json. */
export function reportJson(report: CurationReport): string {
  return JSON.stringify(report, null, 2) + '\n';
}

/** The report as a readable table for the terminal. */
export function formatReport(report: CurationReport): string {
  const lines: string[] = [];
  // Hangul and CJK take two terminal columns.
  const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/.test(ch) ? 2 : 1), 0);
  const pad = (s: string, n: number) => {
    let out = s;
    while (width(out) >= n) out = [...out].slice(0, -1).join('');
    if (out !== s) out = [...out].slice(0, -1).join('') + '…';
    return out + ' '.repeat(Math.max(1, n - width(out)));
  };
  const signals = (c: Candidate) => SIGNALS.filter((s) => c.signals[s]).map((s) => `${s} ${c.signals[s]}`).join(', ');
  lines.push(`curation report: ${report.sources} sources, ${report.topics} topics`);
  lines.push(
    `\ncandidates (${report.candidates.length}; auto = created by every ingest, ready = created by --promote, ` +
      `thresholds: model ≥ ${report.thresholds.autoModelMin}, tag ≥ ${report.thresholds.autoTagMin}, --promote ≥ ${report.thresholds.promoteMin} sources)`,
  );
  lines.push(`  ${pad('status', 8)}${pad('n', 5)}${pad('kind', 11)}${pad('name', 34)}${pad('signals', 34)}example`);
  for (const c of report.candidates) {
    const name = c.nameKo ? `${c.name} (${c.nameKo})` : c.name;
    lines.push(`  ${pad(c.status, 8)}${pad(String(c.sources), 5)}${pad(c.kind, 11)}${pad(name, 34)}${pad(signals(c), 34)}${c.examples[0] ?? ''}`);
  }
  lines.push(`\nunmatched frequent terms (${report.unmatchedTerms.length}; no topic covers them, no strong signal)`);
  for (const u of report.unmatchedTerms) lines.push(`  ${pad(String(u.sources), 5)}${pad(u.term, 40)}${u.examples[0] ?? ''}`);
  lines.push(`\nambiguous aliases (${report.ambiguousAliases.length}; consider caseSensitive or exclude)`);
  for (const a of report.ambiguousAliases) {
    const why =
      a.reason === 'conflict'
        ? 'claimed by several topics'
        : `lower case in running English in ${a.lowercaseInProse} sources, capitalised in ${a.capitalised}`;
    lines.push(`  ${pad(a.form, 24)}${pad(a.refs.join(', '), 44)}${why}`);
  }
  return lines.join('\n');
}

/** The frontmatter of a new candidate topic file. */
export function candidateFile(c: Candidate): string {
  const lines = [
    '---',
    '# Created by the ingest from the curation report (npm run ingest -- --report).',
    '# Check the name, kind and aliases, write a description, then set status: curated.',
    `kind: ${c.kind}`,
    `name: ${yamlJson(c.name)}`,
    ...(c.nameKo ? [`nameKo: ${yamlJson(c.nameKo)}`] : []),
    `aliases: [${c.aliases.map(yamlJson).join(', ')}]`,
    `description: ${yamlJson('여러 출처에서 반복해 언급되어 자동으로 추가된 후보 주제입니다. 아직 사람이 검토하지 않았습니다.')}`,
    'status: candidate',
    '---',
    '',
  ];
  return lines.join('\n');
}

/**
 * Writes the candidates of the given level as topic files
 * (`content/topics/<kind>/<slug>.mdx`, `status: candidate`). Never overwrites:
 * a file that exists (written meanwhile, or by a person) is left alone.
 * Aliases another topic or an earlier candidate already claims are dropped.
 * Returns the refs written, in report order.
 */
export async function promoteCandidates(root: string, report: CurationReport, level: 'auto' | 'ready'): Promise<string[]> {
  const take = (c: Candidate) => c.status === 'auto' || (level === 'ready' && c.status === 'ready');
  const written: string[] = [];
  const slugs = new Set<string>();
  const claimed = new Set<string>();
  for (const c of report.candidates) {
    if (!take(c) || slugs.has(c.slug) || claimed.has(termKey(c.name))) continue;
    const aliases = c.aliases.filter((a) => !claimed.has(termKey(a)));
    const file = path.join(root, 'content/topics', c.kind, `${c.slug}.mdx`);
    await mkdir(path.dirname(file), { recursive: true });
    try {
      await writeFile(file, candidateFile({ ...c, aliases }), { flag: 'wx' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw e;
    }
    slugs.add(c.slug);
    for (const f of [c.name, ...(c.nameKo ? [c.nameKo] : []), ...aliases]) claimed.add(termKey(f));
    written.push(`${c.kind}/${c.slug}`);
  }
  return written;
}

// ---------------------------------------------------------------------------
// The ingest with curation (scripts/ingest.ts and the round-trip test)

export interface CuratedIngestOptions {
  root: string;
  log?: (line: string) => void;
  /** `none`: report only; `auto`: strong candidates (every ingest); `ready`: also `--promote` candidates. */
  promote: 'none' | 'auto' | 'ready';
  thresholds?: Partial<CurationThresholds>;
  /** Write content/curation-report.json. */
  writeReport?: boolean;
}

export interface CuratedIngest {
  summary: IngestSummary;
  report: CurationReport;
  /** Topic refs written as candidates. */
  promoted: string[];
}

/**
 * Ingest, collect, report, promote. Candidates written by this run are topic
 * pages at once, and get their mentions and links from the next ingest: a second
 * full pass here would double the ingest of a big corpus (measured: 36 s → 68 s at
 * 10,000 sources) for pages a person is meant to review anyway.
 */
export async function ingestWithCuration(opts: CuratedIngestOptions): Promise<CuratedIngest> {
  const log = opts.log ?? ((l: string) => process.stderr.write(l + '\n'));
  const collector = createCurationCollector(opts.thresholds);
  const summary = await ingest({ root: opts.root, log, observer: collector });
  const paths = contentPaths(opts.root);
  const report = collector.report({ ledger: await readLedger(paths.ledger) });
  if (opts.writeReport) await writeIfChanged(path.join(opts.root, 'content/curation-report.json'), reportJson(report));
  const promoted = opts.promote === 'none' ? [] : await promoteCandidates(opts.root, report, opts.promote);
  if (promoted.length) {
    // The new pages are permalinks from now on: into the ledger (and redirects) at once.
    const topics = await readTopics(paths.topics);
    const ledger = updateLedger(await readLedger(paths.ledger), topics);
    await writeIfChanged(paths.ledger, JSON.stringify(ledger, null, 2) + '\n');
    await writeIfChanged(paths.redirects, JSON.stringify(computeRedirects(ledger, topics), null, 2) + '\n');
    const shown = promoted.length > 12 ? `${promoted.slice(0, 12).join(', ')} … (+${promoted.length - 12})` : promoted.join(', ');
    log(`curation: ${promoted.length} candidate topics created (status: candidate): ${shown}; sources link to them from the next ingest`);
  }
  return { summary, report, promoted };
}

/** A function's results by argument, forgotten wholesale past `max` entries so memory stays bounded. */
function memo<T>(fn: (s: string) => T, max = 100_000): (s: string) => T {
  const cache = new Map<string, T>();
  return (s: string) => {
    if (cache.has(s)) return cache.get(s)!;
    if (cache.size >= max) cache.clear();
    const v = fn(s);
    cache.set(s, v);
    return v;
  };
}
