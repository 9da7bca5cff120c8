/**
 * Stage 4 of the ingest: one normalisation for every record, whatever its format.
 *
 * - Unicode NFC, so the same Hangul typed on macOS (NFD) and elsewhere is one string
 *   (ids, matching and search all depend on it).
 * - C0/C1 control characters other than tab and newline are removed: they are
 *   never content, they make git treat entries as binary, and NUL breaks paths.
 * - Bidi embedding/override/isolate controls (U+202A–U+202E, U+2066–U+2069) are
 *   removed: they can make a title or link label read differently from what it is.
 *   The marks U+200E/U+200F, which right-to-left text legitimately uses, stay.
 *
 * Applied to every string in the record, body included; returns a new record.
 */
import type { SourceRecord } from './types.ts';

const STRIP = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function normaliseText(s: string): string {
  return s.normalize('NFC').replace(STRIP, '');
}

function deep<T>(value: T): T {
  if (typeof value === 'string') return normaliseText(value) as T;
  if (Array.isArray(value)) return value.map(deep) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = deep(v);
    return out as T;
  }
  return value;
}

export function normaliseRecord(record: SourceRecord): SourceRecord {
  const out = deep(record);
  // A title made only of stripped characters would fail the schema: fall back to the id.
  if (!out.title.trim()) out.title = out.id;
  return out;
}
