/**
 * Optional YAML frontmatter of a digest file, as Substack/Buttondown/beehiiv
 * exports and hand-saved issues carry it:
 *
 *   ---
 *   newsletter: LLM Watch        # the publication's name → origin.name, digest.newsletter, id key
 *   date: 2025-11-07             # the issue's date → every item's date (YYYY-MM-DD, ISO date-time, or RFC 2822)
 *   url: https://….substack.com/p/…  # the issue's own page → origin.url
 *   title: "Top AI papers of the week" # the issue's title (not an item's): read, not used for records
 *   author: Jane Doe             # → author of every item
 *   ---
 *
 * `publication` is accepted as an alias of `newsletter`. Other keys are reported
 * as a warning and ignored. The block must be closed by a `---` (or `...`) line.
 */
import { parseDocument } from 'yaml';
import { IngestError, type SourceDate } from '../../types.ts';
import { safeUrl } from '../../util/links.ts';

export interface Frontmatter {
  newsletter?: string;
  date?: SourceDate;
  url?: string;
  title?: string;
  author?: string;
}

export interface SplitFrontmatter {
  frontmatter?: Frontmatter;
  /** The Markdown after the frontmatter. */
  body: string;
  /** Lines taken by the frontmatter (to turn body line numbers into file line numbers). */
  lineOffset: number;
  warnings: { location: string; message: string }[];
}

const KNOWN = new Set(['newsletter', 'publication', 'date', 'url', 'title', 'author']);
/** A YAML key line: how we tell a frontmatter opener from a leading thematic break. */
const KEY_LINE = /^[A-Za-z_][\w-]*[ \t]*:(?:[ \t]|$)/;

/** True when `lines` (the file's lines) open with `---` followed by a YAML key: a frontmatter, closed or not. */
export function opensFrontmatter(lines: readonly string[]): boolean {
  if (lines[0]?.trimEnd() !== '---') return false;
  const first = lines.slice(1).find((l) => l.trim() !== '' && !l.trimStart().startsWith('#'));
  return first !== undefined && KEY_LINE.test(first);
}

/** Separate and read the frontmatter. `text` has `\n` line ends. Throws IngestError when it is broken. */
export function splitFrontmatter(file: string, text: string): SplitFrontmatter {
  const lines = text.split('\n');
  if (!opensFrontmatter(lines)) return { body: text, lineOffset: 0, warnings: [] };
  const close = lines.findIndex((l, i) => i > 0 && /^(?:---|\.\.\.)[ \t]*$/.test(l));
  if (close < 0) throw new IngestError(file, 'line 1', 'frontmatter opened by `---` is never closed (no closing `---` line)');
  const yamlText = lines.slice(1, close).join('\n');
  const doc = parseDocument(yamlText);
  const err = doc.errors[0];
  if (err) {
    const line = (err.linePos?.[0]?.line ?? 0) + 1;
    throw new IngestError(file, `line ${line}`, `invalid YAML in frontmatter: ${err.message.split('\n')[0]}`);
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 20 });
  } catch (e) {
    throw new IngestError(file, 'line 2', `invalid YAML in frontmatter: ${(e as Error).message}`);
  }
  if (data === null || data === undefined) data = {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new IngestError(file, 'line 2', 'frontmatter is not a mapping of keys to values');
  }
  const warnings: SplitFrontmatter['warnings'] = [];
  const record = data as Record<string, unknown>;
  const str = (key: string): string | undefined => {
    const v = record[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'string' || typeof v === 'number') return String(v).trim() || undefined;
    if (v instanceof Date) return v.toISOString();
    warnings.push({ location: lineOfKey(lines, close, key), message: `frontmatter \`${key}\` is not a string; ignored` });
    return undefined;
  };

  const fm: Frontmatter = {};
  const name = str('newsletter') ?? str('publication');
  if (name) fm.newsletter = name;
  const title = str('title');
  if (title) fm.title = title;
  const author = str('author');
  if (author) fm.author = author;
  const rawDate = str('date');
  if (rawDate) {
    const date = parseIssueDate(rawDate);
    if (date) fm.date = date;
    else warnings.push({ location: lineOfKey(lines, close, 'date'), message: `frontmatter date "${rawDate}" is not a date this adapter reads; items left undated` });
  }
  const rawUrl = str('url');
  if (rawUrl) {
    const url = safeUrl(rawUrl);
    if (url && /^https?:/.test(url)) fm.url = url;
    else warnings.push({ location: lineOfKey(lines, close, 'url'), message: `frontmatter url "${rawUrl}" is not an http(s) URL; ignored` });
  }
  const unknown = Object.keys(record).filter((k) => !KNOWN.has(k));
  if (unknown.length) warnings.push({ location: 'line 1', message: `frontmatter keys ignored: ${unknown.join(', ')}` });

  return { frontmatter: fm, body: lines.slice(close + 1).join('\n'), lineOffset: close + 1, warnings };
}

function lineOfKey(lines: readonly string[], close: number, key: string): string {
  const i = lines.findIndex((l, j) => j > 0 && j < close && l.startsWith(`${key}:`));
  return `line ${i < 0 ? 1 : i + 1}`;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * `2025-11-07` → day; `2025-11-07T09:30[:00][.123](Z|±HH:MM)` → exact;
 * without an offset → local; RFC 2822 (`Fri, 07 Nov 2025 09:30:00 +0000`, as RSS
 * exports write it) → exact. Anything else → undefined (the caller warns).
 */
export function parseIssueDate(raw: string): SourceDate | undefined {
  const s = raw.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?[ ]?(Z|[+-]\d{2}:?\d{2})?)?$/i.exec(s);
  if (m) {
    const [, y, mo, d, hh, mi, ss, tz] = m;
    if (!validDay(+y!, +mo!, +d!)) return undefined;
    const day = `${y}-${mo}-${d}`;
    if (hh === undefined) return { iso: day, precision: 'day' };
    if (+hh > 23 || +mi! > 59 || +(ss ?? 0) > 59) return undefined;
    const local = `${day}T${hh}:${mi}:${ss ?? '00'}`;
    if (!tz) return { iso: local, precision: 'local' };
    return { iso: local + offset(tz), precision: 'exact' };
  }
  m = /^(?:[A-Za-z]{3},\s*)?(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{4})\s+(\d{2}):(\d{2})(?::(\d{2}))?\s*(GMT|UTC|Z|[+-]\d{4})$/.exec(s);
  if (m) {
    const [, d, monName, y, hh, mi, ss, tz] = m;
    const mo = MONTHS.indexOf(monName!.toLowerCase()) + 1;
    if (mo === 0 || !validDay(+y!, mo, +d!) || +hh! > 23 || +mi! > 59) return undefined;
    const day = `${y}-${String(mo).padStart(2, '0')}-${d!.padStart(2, '0')}`;
    return { iso: `${day}T${hh}:${mi}:${ss ?? '00'}${offset(tz!)}`, precision: 'exact' };
  }
  return undefined;
}

function offset(tz: string): string {
  if (/^(?:Z|GMT|UTC)$/i.test(tz)) return '+00:00';
  const digits = tz.replace(':', '');
  return `${digits.slice(0, 3)}:${digits.slice(3)}`;
}

function validDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}
