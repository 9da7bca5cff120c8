/**
 * Korean display of source dates ("2025년 10월 1일 14:04").
 * `exact` instants are shown in Korea time, the readers' zone; `local` times
 * are shown as written (their zone is unknown); `day` dates have no time.
 * Formatting is by hand, not Intl with the build machine's zone, so output is
 * identical on every machine.
 */
import type { SourceDateData } from '../../schema/source.ts';

const KST_OFFSET_MIN = 9 * 60;

function parts(iso: string, precision: SourceDateData['precision']) {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(iso);
  if (!m) return undefined;
  if (precision === 'exact') {
    const t = Date.parse(iso);
    if (!Number.isNaN(t)) {
      const d = new Date(t + KST_OFFSET_MIN * 60_000);
      return { y: d.getUTCFullYear(), mo: d.getUTCMonth() + 1, d: d.getUTCDate(), h: d.getUTCHours(), mi: d.getUTCMinutes() };
    }
  }
  const h = m[4] === undefined ? undefined : Number(m[4]);
  return { y: Number(m[1]), mo: Number(m[2]), d: Number(m[3]), h, mi: m[5] === undefined ? undefined : Number(m[5]) };
}

/** `2025년 10월 1일 14:04` (time only when the date has one). */
export function formatDateKo(date: SourceDateData | undefined, opts: { time?: boolean } = {}): string {
  if (!date) return '날짜 미상';
  const p = parts(date.iso, date.precision);
  if (!p) return date.iso;
  const day = `${p.y}년 ${p.mo}월 ${p.d}일`;
  if (opts.time === false || p.h === undefined || date.precision === 'day') return day;
  return `${day} ${String(p.h).padStart(2, '0')}:${String(p.mi ?? 0).padStart(2, '0')}`;
}

/** Short form for lists: `2025. 10. 1.` */
export function formatDateShort(date: SourceDateData | undefined): string {
  if (!date) return '날짜 미상';
  const p = parts(date.iso, date.precision);
  return p ? `${p.y}. ${p.mo}. ${p.d}.` : date.iso;
}

/**
 * The wall-clock time where the source was written, when its offset is not Korea's:
 * `7월 3일 19:06, UTC+03:00`. A Telegram export made in Istanbul says 19:06; readers who
 * compare with the original should find that time too. Undefined when the same as KST
 * or when the date has no exact time.
 */
export function originalZoneTime(date: SourceDateData | undefined): string | undefined {
  if (!date || date.precision !== 'exact') return undefined;
  const m = /T(\d{2}):(\d{2})(?::\d{2})?(Z|[+-]\d{2}:\d{2})$/.exec(date.iso);
  if (!m) return undefined;
  const offset = m[3] === 'Z' ? '+00:00' : m[3]!;
  if (offset === '+09:00') return undefined;
  const day = /^(\d{4})-(\d{2})-(\d{2})/.exec(date.iso)!;
  return `${Number(day[2])}월 ${Number(day[3])}일 ${m[1]}:${m[2]}, UTC${offset}`;
}
