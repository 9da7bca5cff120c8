/**
 * Slugs are part of the permalink promise: ASCII kebab-case, derived only from
 * names, stable for the same input. Table-driven tests live in tests/unit/slug.test.ts.
 */

/** A URL path segment: `[a-z0-9]+(-[a-z0-9]+)*`. */
export type Slug = string & { readonly __brand: 'Slug' };

const SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export function isSlug(s: string): s is Slug {
  return SLUG_RE.test(s);
}

/** Letters that NFKD does not reduce to ASCII but readers know by a Latin name. */
const TRANSLITERATE: Record<string, string> = {
  α: 'alpha', β: 'beta', γ: 'gamma', δ: 'delta', ε: 'epsilon', ζ: 'zeta', η: 'eta', θ: 'theta',
  ι: 'iota', κ: 'kappa', λ: 'lambda', μ: 'mu', ν: 'nu', ξ: 'xi', π: 'pi', ρ: 'rho', σ: 'sigma',
  ς: 'sigma', τ: 'tau', υ: 'upsilon', φ: 'phi', χ: 'chi', ψ: 'psi', ω: 'omega',
  ß: 'ss', æ: 'ae', ø: 'o', œ: 'oe', đ: 'd', ł: 'l', þ: 'th', '&': ' and ', '+': ' plus ',
  // Typographic apostrophes vanish like the ASCII one (`Don’t` = `Don't` → `dont`), not split words.
  '’': '', '‘': '', 'ʼ': '',
};

/**
 * ASCII kebab-case from a name: `Multi-head Latent Attention` → `multi-head-latent-attention`,
 * `Mem-α` → `mem-alpha`, `GPT-4.5` → `gpt-4-5`. Non-Latin letters (Hangul…) are dropped;
 * returns `''` when nothing ASCII is left (callers then fall back to a hash).
 */
export function slugify(name: string, maxLength = 80): string {
  let s = name.normalize('NFKD').toLowerCase();
  s = s.replace(/[^\u0000-\u007f]/g, (ch) => TRANSLITERATE[ch] ?? (/\p{M}/u.test(ch) ? '' : ' '));
  s = s.replace(/[&+]/g, (ch) => TRANSLITERATE[ch]!);
  s = s.replace(/['’`"]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (s.length > maxLength) {
    s = s.slice(0, maxLength);
    const cut = s.lastIndexOf('-');
    if (cut > maxLength / 2) s = s.slice(0, cut);
    s = s.replace(/-+$/, '');
  }
  return s;
}

/** FNV-1a 32-bit, as 8 hex digits: a short, stable, dependency-free content hash for ids. */
export function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** `slugify(name)` or, when that leaves too little, `<prefix>-<hash of name>`. */
export function slugOrHash(name: string, prefix: string, minLength = 3): string {
  const s = slugify(name);
  return s.length >= minLength ? s : `${prefix}-${shortHash(name.normalize('NFC').trim())}`;
}
