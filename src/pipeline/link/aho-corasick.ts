/**
 * An Aho–Corasick automaton over UTF-16 code units: finds every occurrence of
 * every pattern in one pass over the text, so linking cost does not grow with
 * the number of topics (a regex per alias per text would).
 *
 * Transitions live in one open-addressing hash table over typed arrays
 * (state, code unit) → state: the scan is the hot loop of the whole linker,
 * and per-state `Map`s were several times slower.
 */

export interface Automaton {
  /** Calls `hit(patternIndex, end)` for each occurrence; `end` is exclusive. */
  scan(text: string, hit: (pattern: number, end: number) => void): void;
}

export function buildAutomaton(patterns: readonly string[]): Automaton {
  // Trie with per-state maps first (construction only).
  const trie: Map<number, number>[] = [new Map()];
  const out: number[][] = [[]];
  for (let p = 0; p < patterns.length; p++) {
    const pat = patterns[p]!;
    if (!pat) continue;
    let s = 0;
    for (let i = 0; i < pat.length; i++) {
      const c = pat.charCodeAt(i);
      let t = trie[s]!.get(c);
      if (t === undefined) {
        t = trie.length;
        trie.push(new Map());
        out.push([]);
        trie[s]!.set(c, t);
      }
      s = t;
    }
    out[s]!.push(p);
  }

  const states = trie.length;
  const fail = new Int32Array(states);
  // Nearest proper suffix state that ends a pattern (0 = none).
  const outLink = new Int32Array(states);
  const queue: number[] = [...trie[0]!.values()];
  for (let qi = 0; qi < queue.length; qi++) {
    const s = queue[qi]!;
    for (const [c, t] of trie[s]!) {
      let f = fail[s]!;
      while (f > 0 && !trie[f]!.has(c)) f = fail[f]!;
      const ft = trie[f]!.get(c);
      fail[t] = ft !== undefined && ft !== t ? ft : 0;
      outLink[t] = out[fail[t]!]!.length ? fail[t]! : outLink[fail[t]!]!;
      queue.push(t);
    }
  }

  // Flatten transitions into the hash table (load factor ≤ 0.5).
  let size = 16;
  while (size < states * 2) size <<= 1;
  const mask = size - 1;
  const keyState = new Int32Array(size).fill(-1);
  const keyCode = new Uint16Array(size);
  const value = new Int32Array(size);
  const slot = (s: number, c: number) => (Math.imul(s, 0x9e3779b1) ^ Math.imul(c, 0x85ebca6b)) & mask;
  for (let s = 0; s < states; s++) {
    for (const [c, t] of trie[s]!) {
      let h = slot(s, c);
      while (keyState[h] !== -1) h = (h + 1) & mask;
      keyState[h] = s;
      keyCode[h] = c;
      value[h] = t;
    }
  }
  const hasOut = new Uint8Array(states);
  for (let s = 0; s < states; s++) hasOut[s] = out[s]!.length ? 1 : 0;
  // Most characters of a text start no pattern: one array read skips them at the root.
  const startsPattern = new Uint8Array(0x10000);
  for (const c of trie[0]!.keys()) startsPattern[c] = 1;

  const step = (s: number, c: number): number => {
    let h = slot(s, c);
    for (;;) {
      const ks = keyState[h]!;
      if (ks === -1) return -1;
      if (ks === s && keyCode[h] === c) return value[h]!;
      h = (h + 1) & mask;
    }
  };

  return {
    scan(text, hit) {
      let s = 0;
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (s === 0 && !startsPattern[c]) continue;
        for (;;) {
          const t = step(s, c);
          if (t >= 0) {
            s = t;
            break;
          }
          if (s === 0) break;
          s = fail[s]!;
        }
        let o = hasOut[s] ? s : outLink[s]!;
        while (o > 0) {
          for (const p of out[o]!) hit(p, i + 1);
          o = outLink[o]!;
        }
      }
    },
  };
}
