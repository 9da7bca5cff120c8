import { describe, expect, it } from 'vitest';
import { formatDateKo, originalZoneTime } from '../../src/lib/view/dates.ts';

describe('source dates', () => {
  it.each([
    [{ iso: '2024-07-03T19:06:40+03:00', precision: 'exact' as const }, '2024년 7월 4일 01:06', '7월 3일 19:06, UTC+03:00'],
    [{ iso: '2025-10-01T14:04:08+09:00', precision: 'exact' as const }, '2025년 10월 1일 14:04', undefined],
    [{ iso: '2024-01-02T10:11:12+00:00', precision: 'exact' as const }, '2024년 1월 2일 19:11', '1월 2일 10:11, UTC+00:00'],
    [{ iso: '2020-01-05T10:00:00', precision: 'local' as const }, '2020년 1월 5일 10:00', undefined],
    [{ iso: '2025-10-01', precision: 'day' as const }, '2025년 10월 1일', undefined],
  ])('%j', (date, ko, original) => {
    expect(formatDateKo(date)).toBe(ko);
    expect(originalZoneTime(date)).toBe(original);
  });
});
