/** The flight row reader and the review helpers (dates, titles, authors, detection). */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseFlightRows } from '../../src/pipeline/adapters/review/flight.ts';
import { parseReviewDate } from '../../src/pipeline/adapters/review/dates.ts';
import { cleanTitle, splitAuthors } from '../../src/pipeline/adapters/review/record.ts';
import { reviewFlight } from '../../src/pipeline/adapters/review-flight.ts';
import { reviewHtml } from '../../src/pipeline/adapters/review-html.ts';
import type { RawFile } from '../../src/pipeline/types.ts';
import { IngestError } from '../../src/pipeline/types.ts';

const raw = (text: string, p = 'x.txt'): RawFile => ({ path: p, absPath: `/nowhere/${p}`, text, head: text.slice(0, 65536), size: Buffer.byteLength(text) });

describe('parseFlightRows', () => {
  it('reads text rows by UTF-8 byte length, across lines and row-like lines', () => {
    const body = '한글 🚀\n1:["not a row"]\n';
    const payload = `0:["$","div",null,{}]\n9:T${Buffer.byteLength(body).toString(16)},${body}2:{"a":1}\n3:I[1,[],""]\n`;
    const rows = parseFlightRows(Buffer.from(payload), 'x.txt');
    expect(rows.map((r) => r.id)).toEqual(['0', '9', '2', '3']);
    expect(rows[1]).toMatchObject({ kind: 'text', value: body });
    expect(rows[3]).toMatchObject({ kind: 'json', tag: 'I', value: [1, [], ''] });
  });

  it('reports invalid JSON rows without failing', () => {
    const rows = parseFlightRows(Buffer.from('0:[oops\n1:null\n'), 'x.txt');
    expect(rows[0]!.kind).toBe('invalid');
    expect(rows[1]).toMatchObject({ kind: 'json', value: null });
  });

  it('names the row and byte offset of a truncated text row', () => {
    const payload = '0:null\nab:T20,short';
    expect(() => parseFlightRows(Buffer.from(payload), 'x.txt')).toThrow(IngestError);
    expect(() => parseFlightRows(Buffer.from(payload), 'x.txt')).toThrow('x.txt (row ab, byte 7): text row declares 32 bytes but only 5 remain');
  });

  it('names the byte offset of a line that is not a row', () => {
    expect(() => parseFlightRows(Buffer.from('0:null\nhello\n'), 'x.txt')).toThrow('x.txt (byte 7): expected a flight row');
  });
});

describe('parseReviewDate', () => {
  it.each([
    ['2025-10-01 14:04:08+0900', { iso: '2025-10-01T14:04:08+09:00', precision: 'exact' }],
    ['2025-08-11T13:13:28+09:00', { iso: '2025-08-11T13:13:28+09:00', precision: 'exact' }],
    ['2025-09-01T08:00:00Z', { iso: '2025-09-01T08:00:00+00:00', precision: 'exact' }],
    ['2025-09-01 08:00', { iso: '2025-09-01T08:00:00', precision: 'local' }],
    ['2025-08-11', { iso: '2025-08-11', precision: 'day' }],
    ['2025년 10월 1일', { iso: '2025-10-01', precision: 'day' }],
    ['August 11, 2025', { iso: '2025-08-11', precision: 'day' }],
    ['2025-02-30', undefined],
    ['soon', undefined],
  ])('%s', (input, want) => expect(parseReviewDate(input)).toEqual(want));
});

describe('cleanTitle / splitAuthors', () => {
  it('drops the review prefix and straightens quotes so both generators agree', () => {
    expect(cleanTitle('[논문리뷰] Focusing by Contrastive Attention: Enhancing VLMs’ Visual Reasoning\n')).toBe(
      "Focusing by Contrastive Attention: Enhancing VLMs' Visual Reasoning",
    );
    expect(cleanTitle('[논문리뷰] “Quoted”  title')).toBe('"Quoted" title');
    expect(cleanTitle('[MASK] tokens')).toBe('[MASK] tokens');
  });
  it('splits authors on commas outside brackets', () => {
    expect(splitAuthors('A, B (X, Y), and C')).toEqual(['A', 'B (X, Y)', 'C']);
    expect(splitAuthors('GLM-4.5 Team (Zhipu AI & Tsinghua University)')).toEqual(['GLM-4.5 Team (Zhipu AI & Tsinghua University)']);
  });
});

describe('detection', () => {
  const seeds = path.resolve(import.meta.dirname, '../../content/raw/seeds');
  const seed = (name: string) => readFileSync(path.join(seeds, name), 'utf8');
  const others: [string, string][] = [
    ['telegram text (seed 001)', seed('001_0a2af5de08c638d4.txt')],
    ['digest markdown (seed 002)', seed('002_d43473e88de9ea36.txt')],
    ['plain text', 'Hello\n1: first point\n2: second point\n'],
    ['markdown', '# Title\n\n- item\n\n```json\n{"a": 1}\n```\n'],
    ['t.me/s page', '<!DOCTYPE html><html><head><link rel="canonical" href="https://t.me/s/x"></head><body class="tgme_channel_body"><div class="tgme_widget_message_text">hi</div></body></html>'],
    ['telegram export html', '<!DOCTYPE html><html><head><title>Exported Data</title></head><body><div class="page_wrap"><div class="page_header"><div class="text bold">Chat</div></div><div class="history"><div class="message default clearfix" id="message1"><div class="body"><div class="text">hi</div></div></div></div></div></body></html>'],
  ];
  it.each(others)('%s is neither review format', (_n, text) => {
    expect(reviewFlight.detect(raw(text))).toBeLessThan(0.5);
    expect(reviewHtml.detect(raw(text, 'x.html'))).toBeLessThan(0.5);
  });
  it('recognises the seed flight payload', () => {
    expect(reviewFlight.detect(raw(seed('003_2bd76eff1368be98.txt')))).toBeGreaterThanOrEqual(0.9);
    expect(reviewHtml.detect(raw(seed('003_2bd76eff1368be98.txt')))).toBe(0);
  });
});
