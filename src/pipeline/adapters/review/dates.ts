/**
 * Dates as review pages write them: `2025-10-01 14:04:08+0900` (space, offset
 * without colon), ISO 8601, `2025년 10월 1일`, `August 11, 2025`.
 */
import type { SourceDate } from '../../types.ts';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

const pad = (n: number | string) => String(n).padStart(2, '0');

function validDay(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** A SourceDate from any of the forms above found in `raw`, or undefined. */
export function parseReviewDate(raw: string | undefined): SourceDate | undefined {
  if (!raw) return undefined;
  const s = raw.trim();
  const iso = /(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?/i.exec(s);
  if (iso) {
    const [, y, mo, d, h, mi, sec, off] = iso;
    if (!validDay(+y!, +mo!, +d!)) return undefined;
    const day = `${y}-${pad(mo!)}-${pad(d!)}`;
    if (h === undefined) return { iso: day, precision: 'day' };
    if (+h > 23 || +mi! > 59 || +(sec ?? 0) > 59) return undefined;
    const local = `${day}T${pad(h)}:${mi}:${sec ?? '00'}`;
    if (!off) return { iso: local, precision: 'local' };
    const offset = off.toUpperCase() === 'Z' ? '+00:00' : `${off.slice(0, 3)}:${off.slice(-2)}`;
    return { iso: local + offset, precision: 'exact' };
  }
  const ko = /(\d{4})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일/.exec(s);
  if (ko && validDay(+ko[1]!, +ko[2]!, +ko[3]!)) return { iso: `${ko[1]}-${pad(ko[2]!)}-${pad(ko[3]!)}`, precision: 'day' };
  const en = /\b([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})\b/.exec(s);
  if (en) {
    const m = MONTHS.findIndex((name) => name.startsWith(en[1]!.toLowerCase()) && en[1]!.length >= 3) + 1;
    if (m > 0 && validDay(+en[3]!, m, +en[2]!)) return { iso: `${en[3]}-${pad(m)}-${pad(en[2]!)}`, precision: 'day' };
  }
  return undefined;
}
