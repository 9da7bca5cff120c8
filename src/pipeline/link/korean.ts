/**
 * Korean-aware text folding shared by the topic linker and search.
 *
 * Korean writers glue particles and endings to the word they follow
 * (`딥시크는`, `강화학습(RL)으로`, `MoE를`) and space compounds freely
 * (`KV 캐시` = `KV캐시`, `강화 학습` = `강화학습`). Matching therefore folds
 * spacing around Hangul and accepts a word that continues only with a chain of
 * particles/endings from the list below; anything else that continues the word
 * (`모델` + `링`) means it is a different word.
 */

/**
 * Particles (조사), the copula and a few endings/suffixes that can follow a noun
 * inside the same spaced word. Chains are allowed (`만` + `으로` + `는`), so only
 * single units are listed. Kept to forms that follow nouns: verb-forming
 * `하다`/`되다`/`시키다` endings are here because AI terms are verbal nouns
 * (`증류하는`, `강화학습된`).
 */
export const PARTICLES: readonly string[] = [
  // case particles
  '이', '가', '을', '를', '은', '는', '의', '에', '에서', '에게', '에게서', '한테', '께', '께서',
  '으로', '로', '으로서', '로서', '으로써', '로써', '으로부터', '로부터', '에서부터',
  '와', '과', '랑', '이랑', '하고',
  // auxiliary particles
  '도', '만', '까지', '부터', '보다', '처럼', '같이', '마저', '조차', '밖에', '뿐', '마다', '대로',
  '이나', '나', '이든', '든', '이든지', '든지', '이나마', '나마', '이야', '야말로', '이야말로',
  '선', '엔', '에선', '에겐', '으론', '론', '치고',
  // copula and quotative forms (the 이 drops after a vowel: 딥시크다, 딥시크라는)
  '이다', '다', '입니다', '이며', '며', '이고', '고', '인', '인데', '인가', '인지', '이지만', '지만',
  '이었다', '였다', '이었는데', '였는데', '이었던', '였던', '이던', '던', '이었고', '였고', '이었으며', '였으며', '이었습니다', '였습니다', '이에요', '예요', '이죠', '죠',
  '이라', '라', '이라고', '라고', '이라는', '라는', '이란', '란', '이라면', '라면', '이라서', '라서', '이므로', '므로',
  '이면', '면', '이어서', '여서', '이자', '자',
  // noun suffixes that keep the word about the same thing
  '들', '급', '형', '식', '용', '류', '계열', '기반', '별', '등', '측', '판', '쪽',
  // verbal-noun endings
  '하다', '하는', '한', '할', '함', '해', '해서', '해야', '하여', '하고', '하며', '하면', '하되', '하기', '하게', '하지',
  '했다', '했고', '했으며', '했습니다', '합니다', '하였다', '하였고', '하였습니다',
  '된', '되는', '될', '됨', '되어', '돼', '되며', '되고', '되면', '되기', '되게', '되지', '됐다', '되었다', '되었고', '되었으며', '되었습니다', '됩니다',
  '시킨', '시키는', '시킬', '시켜', '시키고', '시키며', '시켰다',
];

const PARTICLE_SET = new Set(PARTICLES);
const MAX_PARTICLE_LEN = Math.max(...PARTICLES.map((p) => p.length));

/** Hangul syllables and jamo (conjoining, compatibility, extended). */
export function isHangulCode(c: number): boolean {
  return (
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0x1100 && c <= 0x11ff) ||
    (c >= 0x3130 && c <= 0x318f) ||
    (c >= 0xa960 && c <= 0xa97f) ||
    (c >= 0xd7b0 && c <= 0xd7ff)
  );
}

const HAN_KANA = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * A character that continues a Latin-script word: letters and digits of spaced
 * scripts, and `_` (identifiers, URLs). Hangul and Han/Kana are not: a Latin
 * alias may touch them (`MoE를`, `GPU클러스터`).
 */
export function isWordCode(c: number): boolean {
  if (c < 0x80) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
  if (isHangulCode(c)) return false;
  const ch = String.fromCodePoint(c);
  return LETTER_OR_DIGIT.test(ch) && !HAN_KANA.test(ch);
}

/** True when `rest` is entirely a chain of particles/endings (`만으로는`). Empty is not a chain. */
export function isParticleChain(rest: string): boolean {
  if (!rest) return false;
  // reachable[i]: rest.slice(0, i) splits into particles
  const reachable = new Uint8Array(rest.length + 1);
  reachable[0] = 1;
  for (let i = 0; i < rest.length; i++) {
    if (!reachable[i]) continue;
    for (let len = 1; len <= MAX_PARTICLE_LEN && i + len <= rest.length; len++) {
      if (PARTICLE_SET.has(rest.slice(i, i + len))) reachable[i + len] = 1;
    }
  }
  return reachable[rest.length] === 1;
}

/**
 * The stems of a spaced word once a trailing particle chain is cut off, longest
 * stem first (`강화학습만으로는` → `강화학습만으로`, `강화학습만`, `강화학습`).
 * The word itself is not included. A stem keeps at least two syllables, since
 * short nouns end in particle-like syllables (`결과`, `국가`); longer ones still can
 * (`정확도` → `정확`), so a search should look up the word and its stems, not the stem alone.
 * In a mixed word only the Hangul tail is cut, down to the Latin part (`GPU는` → `GPU`,
 * `KV캐시를` → `KV캐시`); a word not ending in Hangul has no stems.
 */
export function stripParticle(word: string): string[] {
  const w = word.normalize('NFC');
  let hangulStart = w.length;
  while (hangulStart > 0 && isHangulCode(w.charCodeAt(hangulStart - 1))) hangulStart--;
  const out: string[] = [];
  // Never cut into the Latin run of a mixed word (`MoE를` → `MoE`).
  for (let cut = w.length - 1; cut >= Math.max(hangulStart, 1); cut--) {
    if (!isParticleChain(w.slice(cut))) continue;
    if (hangulStart === 0 && cut < 2) continue;
    // `으` is the linking vowel of `으로`/`으면`…, never the end of a noun.
    if (w.charCodeAt(cut - 1) === 0xc73c) continue;
    const stem = w.slice(0, cut).trimEnd();
    if (stem) out.push(stem);
  }
  return out;
}

/**
 * Insert a space where a Latin/digit run meets Hangul (`KV캐시` → `KV 캐시`,
 * `GPU는` → `GPU 는`), so word splitting sees the two scripts as two tokens.
 */
export function scriptBoundarySplit(s: string): string {
  let out = '';
  let prev = 0; // 1 Latin/digit, 2 Hangul, 0 other
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    const kind = isHangulCode(c) ? 2 : isWordCode(c) ? 1 : 0;
    if (kind && prev && kind !== prev) out += ' ';
    out += ch;
    prev = kind;
  }
  return out;
}

/** Text folded for matching, with a map back to the original offsets. */
export interface FoldedText {
  /** Folded text, Latin lower-cased. */
  folded: string;
  /** The same text with case kept (same length as `folded`): for case-sensitive forms. */
  cased: string;
  /** `start[i]`: offset in the original of the character that produced `folded[i]`. */
  start: Uint32Array;
  /** `end[i]`: offset just after it. */
  end: Uint32Array;
  /** `gap[i]` = 1 when whitespace was removed just before `folded[i]` (a word boundary). */
  gap: Uint8Array;
}

const ZERO_WIDTH = new Set([0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x00ad]);
const HYPHENS = new Set([0x2010, 0x2011, 0x2012, 0x2043, 0xfe63, 0xff0d]);

function isSpaceCode(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x1680 || c === 0x2028 || c === 0x2029 || c === 0x85;
}

/** Characters that compose with the preceding one under NFC (combining marks, medial/final jamo). */
function isContinuation(c: number): boolean {
  return (c >= 0x0300 && c <= 0x036f) || (c >= 0x1160 && c <= 0x11ff) || (c >= 0xd7b0 && c <= 0xd7ff) || (c >= 0x3099 && c <= 0x309a) || (c >= 0x1ab0 && c <= 0x1aff) || (c >= 0x1dc0 && c <= 0x1dff) || (c >= 0x20d0 && c <= 0x20ff);
}

const UTF16 = new TextDecoder('utf-16le');
const codesToString = (codes: Uint16Array): string => UTF16.decode(codes);

/**
 * Fold text for matching, keeping a map to original offsets:
 * NFC (composing decomposed Hangul), full-width ASCII → ASCII, Unicode hyphens → `-`,
 * zero-width characters dropped, Latin lower-cased, whitespace runs collapsed to one
 * space — and removed entirely when they touch Hangul (`KV 캐시` ≡ `KV캐시`), with
 * the removal remembered in `gap` so word starts stay known.
 * Output never gets longer than the input (only multi-character clusters are NFC-composed).
 */
export function foldWithMap(text: string, opts: { foldSpaces?: boolean } = {}): FoldedText {
  return foldInto(text, opts.foldSpaces !== false, newScratch(text.length));
}

/** Reusable buffers for `foldInto`: the matcher folds many texts and allocation dominated. */
export interface FoldScratch {
  folded: Uint16Array;
  cased: Uint16Array;
  start: Uint32Array;
  end: Uint32Array;
  gap: Uint8Array;
}

export function newScratch(n: number): FoldScratch {
  return {
    folded: new Uint16Array(n),
    cased: new Uint16Array(n),
    start: new Uint32Array(n + 1),
    end: new Uint32Array(n + 1),
    gap: new Uint8Array(n + 1),
  };
}

/**
 * `foldWithMap` into caller-owned buffers (grown when too small). The result's
 * arrays are views into `scratch`: valid until the next call with the same scratch.
 */
export function foldInto(text: string, foldSpaces: boolean, scratch: FoldScratch): FoldedText {
  const n = text.length;
  if (scratch.folded.length < n) Object.assign(scratch, newScratch(Math.max(n, scratch.folded.length * 2)));
  const { folded: foldedCodes, cased: casedCodes, start, end, gap } = scratch;
  gap.fill(0, 0, n + 1);
  let k = 0;
  let prevCode = -1;
  let spaceFrom = -1; // original offset where a pending whitespace run began
  let spaceTo = 0;

  const flushSpace = (nextCode: number) => {
    if (spaceFrom < 0) return;
    if (k === 0 || (foldSpaces && (isHangulCode(prevCode) || isHangulCode(nextCode)))) gap[k] = 1;
    else {
      foldedCodes[k] = casedCodes[k] = 32;
      start[k] = spaceFrom;
      end[k] = spaceTo;
      k++;
      prevCode = 32;
    }
    spaceFrom = -1;
  };

  let i = 0;
  while (i < n) {
    let c = text.charCodeAt(i);
    if (c < 0x80) {
      // ASCII fast path
      if (c === 32 || (c >= 9 && c <= 13)) {
        if (spaceFrom < 0) spaceFrom = i;
        spaceTo = ++i;
        continue;
      }
      flushSpace(c);
      casedCodes[k] = c;
      foldedCodes[k] = c >= 65 && c <= 90 ? c + 32 : c;
      start[k] = i;
      end[k] = i + 1;
      k++;
      prevCode = c;
      i++;
      continue;
    }
    if (c >= 0xac00 && c <= 0xd7a3 && !(i + 1 < n && isContinuation(text.charCodeAt(i + 1)))) {
      // Precomposed Hangul syllable: the common case, no case and no NFC work.
      flushSpace(c);
      foldedCodes[k] = casedCodes[k] = c;
      start[k] = i;
      end[k] = i + 1;
      k++;
      prevCode = c;
      i++;
      continue;
    }
    if (ZERO_WIDTH.has(c)) {
      i++;
      continue;
    }
    if (isSpaceCode(c)) {
      if (spaceFrom < 0) spaceFrom = i;
      spaceTo = ++i;
      continue;
    }
    // One cluster: a code point plus what NFC could compose onto it.
    let j = i + (c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1);
    while (j < n && isContinuation(text.charCodeAt(j))) j++;
    let cluster = j - i > 1 ? text.slice(i, j).normalize('NFC') : text[i]!;
    c = cluster.charCodeAt(0);
    if (c >= 0xff01 && c <= 0xff5e) cluster = String.fromCharCode(c - 0xfee0) + cluster.slice(1);
    else if (HYPHENS.has(c)) cluster = '-' + cluster.slice(1);
    c = cluster.charCodeAt(0);
    flushSpace(c);
    let lower = cluster;
    if (!isHangulCode(c)) {
      lower = cluster.toLowerCase();
      if (lower.length !== cluster.length) lower = cluster;
    }
    for (let m = 0; m < cluster.length; m++) {
      casedCodes[k] = cluster.charCodeAt(m);
      foldedCodes[k] = lower.charCodeAt(m);
      start[k] = i;
      end[k] = j;
      k++;
    }
    prevCode = cluster.charCodeAt(cluster.length - 1);
    i = j;
  }
  if (spaceFrom >= 0) gap[k] = 1;
  start[k] = end[k] = n;
  return {
    folded: codesToString(foldedCodes.subarray(0, k)),
    cased: codesToString(casedCodes.subarray(0, k)),
    start: start.subarray(0, k + 1),
    end: end.subarray(0, k + 1),
    gap: gap.subarray(0, k + 1),
  };
}

/**
 * The folded form of a string (see `foldWithMap`): the same key for `KV 캐시`,
 * `KV캐시` and `kv캐시`, for `ＧＰＵ` and `gpu`. Alias tables and queries must be
 * folded with this same function. `foldSpaces: false` keeps all spaces (collapsed)
 * — for tokenising search text.
 */
export function normaliseForMatch(s: string, opts: { foldSpaces?: boolean } = {}): string {
  return foldWithMap(s, opts).folded;
}
