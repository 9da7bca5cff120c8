/**
 * t.me/s shows counters abbreviated ("4.4K", "1.2M", "55.2K"); records store
 * reaction counts as integers, so they are expanded here in one place.
 */
const SCALE: Record<string, number> = { '': 1, K: 1e3, M: 1e6, B: 1e9 };

/** `"1.2K"` → 1200, `"17"` → 17, `"1,234"` → 1234; undefined when the text is no count. */
export function parseCount(raw: string): number | undefined {
  const m = /^\s*(\d+(?:[.,]\d+)*)\s*([KMB]?)\s*$/i.exec(raw);
  if (!m) return undefined;
  let digits = m[1]!;
  const suffix = m[2]!.toUpperCase();
  // A comma with three digits after it is a thousands separator ("1,234"); otherwise a decimal comma ("1,2K").
  digits = /^\d{1,3}(,\d{3})+$/.test(digits) && !suffix ? digits.replace(/,/g, '') : digits.replace(',', '.');
  const value = Number(digits);
  if (!Number.isFinite(value)) return undefined;
  return Math.round(value * SCALE[suffix]!);
}
