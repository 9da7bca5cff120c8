/**
 * Search normalisation, shared by index time (scripts/postbuild.ts) and query
 * time (the search page, in the browser): the same folding on both sides is
 * what makes `모델` find `모델을`, `KV캐시` find `KV 캐시`, and `딥씨크` find DeepSeek.
 * Pure and dependency-light: it is bundled into the search page.
 */
import { isParticleChain, scriptBoundarySplit, stripParticle } from '../pipeline/link/korean.ts';

/** Spacing-, case- and punctuation-insensitive key of a name: `KV 캐시` = `kv캐시` = `KV-캐시`. */
export function searchKey(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\-_.·・/]+/g, '')
    .replace(/[()[\]{}"'“”‘’«»「」『』,:;!?]/g, '');
}

const TOKEN_SPLIT = /[\s()[\]{}"'“”‘’«»「」『』,.:;!?·/…]+/u;

/**
 * Words of a text as Pagefind should also see them: each word split at script
 * boundaries (`KV캐시` → `KV`, `캐시`) and, for Korean words, their stems without
 * particles (`모델을` → `모델`). Returns only forms that are not already words
 * of the text, de-duplicated, in first-seen order.
 */
export function extraIndexTerms(text: string, limit = 4000): string[] {
  const words = new Set<string>();
  for (const w of text.normalize('NFC').split(TOKEN_SPLIT)) if (w) words.add(w);
  const extra = new Set<string>();
  const add = (t: string) => {
    if (t && !words.has(t) && !extra.has(t)) extra.add(t);
  };
  for (const w of words) {
    if (extra.size >= limit) break;
    const parts = scriptBoundarySplit(w).split(' ');
    if (parts.length > 1) parts.forEach(add);
    for (const part of parts) for (const stem of stripParticle(part)) add(stem);
  }
  return [...extra];
}

/**
 * The query as Pagefind should see it: script boundaries split and particles
 * stripped from Korean words (keeping the shortest stem of at least two
 * syllables), so `딥시크는` searches `딥시크` and `KV캐시를` searches `KV 캐시`.
 */
export function normaliseQuery(q: string): string {
  const out: string[] = [];
  for (const word of q.normalize('NFKC').split(/\s+/).filter(Boolean)) {
    const parts = scriptBoundarySplit(word).split(' ');
    // `MoE를` → `MoE`: a particle glued to a Latin word is not a search word.
    const kept = parts.filter((p, i) => i === 0 || !isParticleChain(p));
    for (const w of kept) {
      const stems = stripParticle(w);
      out.push(stems.length ? stems[stems.length - 1]! : w);
    }
  }
  return out.join(' ');
}

/** Keys under which a query may name a topic: the whole query, and the whole query without a trailing particle. */
export function queryKeys(q: string): string[] {
  const keys = new Set<string>([searchKey(q)]);
  const words = q.normalize('NFKC').trim().split(/\s+/);
  const last = words.pop() ?? '';
  for (const stem of stripParticle(last)) keys.add(searchKey([...words, stem].join(' ')));
  // `KV캐시를` → `KV 캐시` + particle: split the script boundary first.
  const split = scriptBoundarySplit(q.normalize('NFKC').trim()).split(/\s+/);
  const tail = split.pop() ?? '';
  for (const stem of stripParticle(tail)) keys.add(searchKey([...split, stem].join(' ')));
  if (split.length && isParticleChain(tail)) {
    keys.add(searchKey(split.join(' '))); // `GPU는` → `GPU`
  }
  keys.delete('');
  return [...keys];
}

/**
 * Edit distance with adjacent transpositions counted as one edit (optimal string
 * alignment), capped: returns max+1 as soon as it is exceeded. `mixtrue` is one
 * slip from `mixture`, as a typist sees it.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * A key with every Hangul syllable spelled out as its jamo (`딥식` → `딥식`),
 * so a typo costs what it costs on a keyboard: `트렌스포머` is one jamo from
 * `트랜스포머`, and the clipped `딥식` two from `딥시크` — where whole syllables
 * would make every Korean slip a full substitution.
 */
export function jamoForm(key: string): string {
  let out = '';
  for (const ch of key) {
    const s = ch.charCodeAt(0) - 0xac00;
    if (s < 0 || s > 11171) {
      out += ch;
      continue;
    }
    const t = s % 28;
    out += String.fromCharCode(0x1100 + Math.floor(s / 588), 0x1161 + Math.floor((s % 588) / 28)) + (t ? String.fromCharCode(0x11a7 + t) : '');
  }
  return out;
}

/**
 * How many edits (in `jamoForm` units) may separate a query key from a name key
 * and still count as a typo. Latin: one for 4+ letters, two for 12+ (`training` is not a slip of `trainium`). Korean:
 * none between two-syllable words (`완전` is a word, not a slip of `원전`), else
 * one, or two once both sides have 6+ jamo.
 */
export function typoBudget(a: string, b: string, ja: string, jb: string): number {
  const hangul = /[\uac00-\ud7a3]/;
  if (hangul.test(a) || hangul.test(b)) {
    if (Math.max(a.length, b.length) < 3 || Math.min(a.length, b.length) < 2) return 0;
    return Math.min(ja.length, jb.length) >= 6 ? 2 : 1;
  }
  const n = Math.min(a.length, b.length);
  return n >= 12 ? 2 : n >= 4 ? 1 : 0;
}
