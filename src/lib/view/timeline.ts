/**
 * Month buckets for timelines: a topic's mentions by month (CSS bars on the
 * topic page) and all sources by month (/sources/timeline/). Months come from
 * the ISO date as written (`2025-10-01T…` → `2025-10`), so they are the same
 * on every build machine.
 */

export interface MonthBucket<T> {
  /** `YYYY-MM`. */
  month: string;
  items: T[];
}

export const monthOf = (iso: string | undefined): string | undefined => /^(\d{4}-\d{2})/.exec(iso ?? '')?.[1];

/** `2025-10` → `2025년 10월`. */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-');
  return `${y}년 ${Number(m)}월`;
}

/** Items grouped by month, newest month first; items keep their order. Undated items are returned apart. */
export function byMonth<T>(items: T[], dateOf: (item: T) => string | undefined): { months: MonthBucket<T>[]; undated: T[] } {
  const map = new Map<string, T[]>();
  const undated: T[] = [];
  for (const item of items) {
    const m = monthOf(dateOf(item));
    if (!m) {
      undated.push(item);
      continue;
    }
    let list = map.get(m);
    if (!list) map.set(m, (list = []));
    list.push(item);
  }
  const months = [...map].sort((a, b) => (a[0] < b[0] ? 1 : -1)).map(([month, list]) => ({ month, items: list }));
  return { months, undated };
}

/** Every month from `first` to `last` inclusive (`YYYY-MM`), oldest first. */
export function monthRange(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, m] = first.split('-').map(Number) as [number, number];
  const [ly, lm] = last.split('-').map(Number) as [number, number];
  while (y < ly || (y === ly && m <= lm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    if (++m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

export interface MonthCount {
  month: string;
  count: number;
}

/**
 * Counts per month over a continuous range (empty months included, so the bars
 * read as a time axis), at most `maxMonths` of the most recent; `earlier` counts
 * what falls before the shown range.
 */
export function monthlyCounts(dates: (string | undefined)[], maxMonths = 24): { bars: MonthCount[]; earlier: number; undated: number; max: number } {
  const counts = new Map<string, number>();
  let undated = 0;
  for (const d of dates) {
    const m = monthOf(d);
    if (m) counts.set(m, (counts.get(m) ?? 0) + 1);
    else undated++;
  }
  if (counts.size === 0) return { bars: [], earlier: 0, undated, max: 0 };
  const keys = [...counts.keys()].sort();
  const range = monthRange(keys[0]!, keys.at(-1)!);
  const shown = range.slice(-maxMonths);
  const earlier = range.slice(0, -maxMonths).reduce((n, m) => n + (counts.get(m) ?? 0), 0);
  const bars = shown.map((month) => ({ month, count: counts.get(month) ?? 0 }));
  return { bars, earlier, undated, max: Math.max(...bars.map((b) => b.count)) };
}
