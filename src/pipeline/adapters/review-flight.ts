/**
 * Paper-review pages as a Next.js RSC flight payload (`index.txt`, seed 003).
 * See `/work/shared/formats/reviews.md` and `review/flight.ts` for the format.
 */
import { readFile } from 'node:fs/promises';
import type { Adapter, ParseResult } from '../types.ts';
import { parseFlightRows } from './review/flight.ts';
import { pageFromFlight } from './review/from-flight.ts';
import { reviewRecord } from './review/record.ts';

/** A flight row start: id, optional tag, then JSON or a text-row length. */
const ROW_RE = /^[0-9a-f]{1,8}:(?:[A-Z]{1,3})?(?:[[{"]|null$|T[0-9a-f]+,)/;

export function flightScore(text: string): number {
  const lines = text.split('\n', 400);
  const first = lines.find((l) => l.trim() !== '');
  if (!first || !ROW_RE.test(first)) return 0;
  const rows = lines.filter((l) => ROW_RE.test(l)).length;
  if (rows < 2) return 0.2;
  let score = 0.4;
  if (/^[0-9a-f]{1,8}:T[0-9a-f]+,/m.test(text)) score += 0.2;
  if (text.includes('page__title') || /"__html":"\$[0-9a-f]+"/.test(text)) score += 0.35;
  return score;
}

export const reviewFlight: Adapter = {
  id: 'review-flight',
  detect: (file) => flightScore(file.text ?? file.head),
  async parse(file): Promise<ParseResult> {
    // Text rows are measured in UTF-8 bytes: read bytes, never JS string lengths.
    const buf = file.text !== undefined ? Buffer.from(file.text, 'utf8') : await readFile(file.absPath);
    const warnings: ParseResult['warnings'] = [];
    const page = pageFromFlight(parseFlightRows(buf, file.path), file.path, warnings);
    const record = reviewRecord(page, file, 'review-flight', 'nextjs-flight', warnings);
    return { records: [record], skipped: [], warnings };
  },
};
