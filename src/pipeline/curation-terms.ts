/**
 * Term extraction for the curation report (src/pipeline/curation.ts): pure
 * functions from a record's text to the names it may be about. They look for
 * shape, not for a word list of known models, so new names are found too.
 */
import type { TopicKind } from '../schema/topic.ts';

/** A name as a source wrote it, with the other names given next to it. */
export interface TermParts {
  /** The name to key on (English when the source gave one). */
  name: string;
  /** Other Latin names: `LLMs` in `Large Language Models (LLMs)`. */
  alts: string[];
  /** The Korean name: `가설 생성` in `가설 생성(hypothesis generation)`. */
  ko?: string;
}

const HANGUL = /[\uac00-\ud7a3\u3131-\u318e]/;
const LATIN = /[A-Za-z]/;

/**
 * One key per concept: case, spacing, hyphens and dots do not matter, nor a
 * plural last word (`Diffusion Models` ≡ `diffusion-model`, `Qwen 2.5` ≡ `Qwen2.5`).
 */
export function termKey(form: string): string {
  return singular(form.normalize('NFKC').trim()).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * English plural of the last word → singular, conservatively: `Models` → `Model`,
 * `LLMs` → `LLM`, `Policies` → `Policy`, `Processes` → `Process`; `Robotics`,
 * `Kosmos`, `Analysis`, `Loss` stay.
 */
export function singular(form: string): string {
  const m = /([A-Za-z0-9]+)$/.exec(form);
  if (!m) return form;
  const w = m[1]!;
  const head = form.slice(0, m.index);
  if (/^[A-Z][A-Z0-9]+s$/.test(w)) return head + w.slice(0, -1);
  if (w.length < 4 || /[^a-z]/.test(w.slice(1))) return form;
  if (/ies$/.test(w)) return head + w.slice(0, -3) + 'y';
  if (/(ss|sh|ch|x)es$/.test(w)) return head + w.slice(0, -2);
  if (/(ss|us|is|os|ics|as)$/.test(w)) return form;
  if (/s$/.test(w)) return head + w.slice(0, -1);
  return form;
}

/**
 * Splits `A (B)`/`A(B, C)` into a name and its other names: the Latin side is
 * the name when one side is Hangul (`가설 생성(hypothesis generation)`), the
 * outer text otherwise (`Large Language Models (LLMs)`).
 */
export function termParts(raw: string): TermParts | undefined {
  const s = raw
    .normalize('NFKC')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^["'“‘「]+|["'”’」]+$/g, '')
    .replace(/\s*[:：]$/, '')
    .trim();
  if (!s) return undefined;
  const m = /^(.*?)\s*[(]([^()]+)[)]$/.exec(s);
  if (!m || !m[1]) return { name: s, alts: [] };
  const outer = m[1].trim();
  const inner = m[2]!.split(/\s*[,;]\s*/).map((x) => x.trim()).filter(Boolean);
  if (HANGUL.test(outer) && !LATIN.test(outer) && inner.length && LATIN.test(inner[0]!) && !HANGUL.test(inner[0]!)) {
    return { name: inner[0]!, alts: inner.slice(1), ko: outer };
  }
  if (LATIN.test(outer) && inner.length && HANGUL.test(inner[0]!)) {
    // Only a name is a Korean name: not a remark like `(Qwen3-4B-Base 평균 35.3 -> 49.1)`.
    const ko = inner[0]!;
    return !/\d/.test(ko) && isTermLike(ko) ? { name: outer, alts: [], ko } : { name: outer, alts: [] };
  }
  return { name: outer, alts: inner.filter((x) => isTermLike(x) && !HANGUL.test(x)) };
}

/** Looks like a name, not a phrase or a sentence: short, a letter, no end punctuation, no number-with-unit. */
export function isTermLike(s: string): boolean {
  if (s.length < 2 || [...s].length > 40) return false;
  if (!/\p{L}/u.test(s) || s.split(/\s+/).length > 5) return false;
  if (/[.!?,;:：…]$/.test(s) || /^[^\p{L}\p{N}]/u.test(s)) return false;
  if (/\d\s*(%|배|개|년|월|일|단계|x\b)/.test(s) || /^\d+(?:\.\d+)?[BMKT]\b/i.test(s) || /->|→|=/.test(s)) return false;
  // A Korean verb or sentence ending: a phrase from the text, not a name.
  if (/(?:[다요]|하는|되는|있는|없는|에서|으로|하고)$/.test(s)) return false;
  return true;
}

// ---------------------------------------------------------------------------
// Model names

/** First parts that number things, not models: `Top-1`, `Figure-3`, `Stage-2`, `ISO-8601`. */
const NOT_MODEL_STEM = new Set(
  ('top pass figure fig table tab section sec step stage phase level chapter appendix eq equation layer round ' +
    'epoch day week month year version ver type class tier group case part item rule article page line batch block ' +
    'head node rank seed no vol issue covid iso utf sha md rfc cve http https www pcie usb ddr lpddr gddr wifi lte ' +
    'ipv sm rtx gtx series gen model models test exp run arxiv doi cc by apache mit gpl bsd').split(' '),
);
/** A size part: `7B`, `0.5B`, `70b`, `8x7B`, `128K`. Everything from it on is a variant of the base name. */
const SIZE = /^(?:\d+x)?\d+(?:\.\d+)?[bmkt]$/i;
/** Release variants that follow a base name: stripped so `Qwen2.5-Instruct` counts as `Qwen2.5`. */
const VARIANT = /^(?:instruct|chat|base|it|hf|gguf|awq|gptq|int4|int8|fp8|bf16|fp16)$/i;

/** Latin tokens joined by `-` or `.`, standing alone (a Hangul particle may follow). */
const MODEL_TOKEN = /(?<![A-Za-z0-9_.\-/@#:])[A-Za-z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*(?![A-Za-z0-9_/@])/g;

/**
 * Does `tok` look like a model name? A stem of two or more letters, a digit,
 * a capital, and either parts joined by `-` (`GPT-4.1`, `Ring-flash-linear-2.0`,
 * `DeepSeek-R1-Distill-Qwen-32B`) or a CamelCase stem glued to its version
 * (`Qwen2.5`, `InternVL3`). Hardware and format codes (`FP8`, `H100`, `GSM8K`)
 * and numbered things (`Top-1`, `MATH-500`, `ISO-8601`) are not.
 */
export function isModelName(tok: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9.-]*$/.test(tok) || !/\d/.test(tok) || !/[A-Z]/.test(tok)) return false;
  const segs = tok.split('-');
  const stem = /^[A-Za-z]+/.exec(segs[0]!)![0];
  if (stem.length < 2 || NOT_MODEL_STEM.has(stem.toLowerCase())) return false;
  if (segs.length === 1) return /[a-z]/.test(stem) && /[A-Z]/.test(stem) && segs[0] !== stem;
  // An all-caps stem followed only by long plain numbers: a benchmark split, a product code.
  const rest = segs.slice(1);
  if (/^[A-Z]+$/.test(segs[0]!) && rest.every((p) => /^\d{3,}$/.test(p))) return false;
  return rest.every((p) => p.length > 0);
}

/** `Llama-3.1-8B-Instruct` → `Llama-3.1`; `Mixtral-8x7B` → `Mixtral`. */
export function modelBase(tok: string): string {
  const segs = tok.split('-');
  const size = segs.findIndex((p, i) => i > 0 && SIZE.test(p));
  const base = size > 0 ? segs.slice(0, size) : segs;
  while (base.length > 1 && VARIANT.test(base[base.length - 1]!)) base.pop();
  return base.join('-');
}

/** Model-name-shaped tokens of `text`, as their base names. */
export function modelNames(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(MODEL_TOKEN)) {
    const tok = m[0].replace(/[.-]+$/, '');
    if (isModelName(tok)) out.push(modelBase(tok));
  }
  return out;
}

// ---------------------------------------------------------------------------
// Capitalised terms in running text

const LATIN_WORD = /[A-Za-z][A-Za-z0-9]*(?:[-'][A-Za-z0-9]+)*/g;
/** Words that start sentences or captions, not names. */
const STOP_FIRST = new Set(
  ('the this that these those there here in on at for from to of by with we our us it its a an and but or if ' +
    'when while what how why which who where figure fig table section note see also however moreover thus ' +
    'therefore first second third finally then as is are was were be has have had not no yes all each some many ' +
    'more most new our their his her my your you i they he she').split(' '),
);
/** Small words inside names (`Mixture of Experts`, `Learning to Rank`); `and` joins two names, so it is not one. */
const CONNECTOR = new Set('of for to via the a an'.split(' '));
/** Acronyms too general or not about AI: units, places, roles, roman numerals. */
const STOP_ACRONYM = new Set(
  ('AI US USA UK EU UN CEO CTO CFO OK PDF URL URLs HTML FAQ TL DR VS PM AM UTC KST GMT GB TB MB KB GW MW KW TW ' +
    'PR QA Q A IT PC TV ID IDs API APIs SDK OS ETC NB PS PPT CSV JSON XML HTTP HTTPS WWW').split(' '),
);

/**
 * Capitalised/Latin terms of `text` a topic might exist for: acronyms (`MTP`,
 * `VLMs`), CamelCase words (`DualPipe`), and Title Case phrases of 2–4 words
 * (`Speculative Decoding`, `Mixture of Experts`).
 */
export function capitalisedTerms(text: string): string[] {
  const out: string[] = [];
  const toks = [...text.matchAll(LATIN_WORD)].map((m) => ({ w: m[0], s: m.index, e: m.index + m[0].length }));
  const isCap = (w: string) => /^[A-Z]/.test(w);
  let inRun = -1;
  for (let i = 0; i < toks.length; i++) {
    const { w } = toks[i]!;
    // Two-letter acronyms (`ML`, `KV`, `AR`) are too ambiguous to count.
    if (/^[A-Z][A-Z0-9]*[A-Z][A-Z0-9]*s?$/.test(w) && w.length >= 3 && w.length <= 8 && !/^[IVXLC]+$/.test(w) && !STOP_ACRONYM.has(w)) out.push(w);
    else if (/[a-z][A-Z]/.test(w) && /^[A-Za-z]+$/.test(w) && w.length >= 4) out.push(w);
    if (i <= inRun || !isCap(w) || STOP_FIRST.has(w.toLowerCase())) continue;
    // Extend a Title Case run; connectors may sit inside it, never at its end.
    let j = i;
    let last = i;
    while (j + 1 < toks.length && text.slice(toks[j]!.e, toks[j + 1]!.s) === ' ' && j - i < 5) {
      const next = toks[j + 1]!.w;
      if (isCap(next)) last = j + 1;
      else if (!CONNECTOR.has(next)) break;
      j++;
    }
    const words = last - i + 1;
    if (words >= 2 && words <= 4) out.push(text.slice(toks[i]!.s, toks[last]!.e));
    inRun = last;
  }
  return out;
}

// ---------------------------------------------------------------------------
// Kinds

/** Vocabulary that suggests a kind; anything else is a technique. */
const KIND_VOCABULARY: [TopicKind, RegExp][] = [
  // Not `policy` alone: in RL it is the model (`Policy Optimization`).
  ['policy', /\b(?:regulations?|public polic(?:y|ies)|laws?|act|governance|export controls?|copyright|privacy|compliance|sanctions?|licen[cs]es?)\b/i],
  [
    'infra',
    /\b(?:gpus?|tpus?|npus?|chips?|hardware|accelerators?|clusters?|data ?cent(?:er|re)s?|cloud (?:computing|providers?|services?)|compilers?|kernels?|cuda|frameworks?|librar(?:y|ies)|runtimes?|serving|servers?|interconnects?|semiconductors?|foundr(?:y|ies)|platforms?|engines?|toolkits?|sdks?|databases?)\b/i,
  ],
];

/** The kind a new topic most likely has: a model-name shape → models; else by its words. */
export function guessKind(name: string, modelShaped: boolean): TopicKind {
  if (modelShaped) return 'models';
  for (const [kind, re] of KIND_VOCABULARY) if (re.test(name)) return kind;
  return 'techniques';
}

/** A single ordinary word (`Reasoning`, `Benchmark`): too general to become a topic without a person deciding. */
export function isSingleCommonWord(name: string): boolean {
  return /^[A-Z]?[a-z]+$/.test(name);
}
