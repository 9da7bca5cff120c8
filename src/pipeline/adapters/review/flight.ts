/**
 * React Server Components "flight" payload: the rows a Next.js static export
 * writes to `index.txt` (and pushes through `self.__next_f` in its HTML).
 *
 *   <hex id>:<TAG?><json>\n         one row per line; TAG is `I` (module), `HL` (hint), …
 *   <hex id>:T<hex length>,<text>    raw text of <hex length> UTF-8 BYTES, newlines included
 *
 * Text rows must be read by byte count: their text spans lines and may itself
 * contain `9:[` at a line start. Everything works on a Buffer for that reason.
 */
import { IngestError } from '../../types.ts';

export type FlightRow =
  | { id: string; kind: 'text'; offset: number; value: string }
  | { id: string; kind: 'json'; offset: number; tag: string; value: unknown }
  | { id: string; kind: 'invalid'; offset: number; tag: string; raw: string; error: string };

const COLON = 0x3a;
const NEWLINE = 0x0a;
const COMMA = 0x2c;

function isHex(b: number | undefined): boolean {
  return b !== undefined && ((b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x66) || (b >= 0x41 && b <= 0x46));
}

/** All rows in payload order. `file` and `where` name the input in errors (`where` prefixes the location). */
export function parseFlightRows(buf: Buffer, file: string, where = ''): FlightRow[] {
  const rows: FlightRow[] = [];
  let pos = 0;
  const loc = (offset: number, id?: string) => `${where}${id !== undefined ? `row ${id}, ` : ''}byte ${offset}`;
  while (pos < buf.length) {
    if (buf[pos] === NEWLINE || buf[pos] === 0x0d) {
      pos++;
      continue;
    }
    const start = pos;
    while (isHex(buf[pos])) pos++;
    if (pos === start || buf[pos] !== COLON) {
      const line = buf.toString('utf8', start, Math.min(buf.length, start + 40)).split('\n')[0];
      throw new IngestError(file, loc(start), `expected a flight row "<hex id>:", found ${JSON.stringify(line)}`);
    }
    const id = buf.toString('latin1', start, pos);
    pos++;
    // A text row: `T<hex>,` then exactly that many bytes.
    if (buf[pos] === 0x54 /* T */ && isHex(buf[pos + 1])) {
      let p = pos + 1;
      while (isHex(buf[p])) p++;
      if (buf[p] === COMMA) {
        const length = parseInt(buf.toString('latin1', pos + 1, p), 16);
        const textStart = p + 1;
        if (textStart + length > buf.length) {
          throw new IngestError(
            file,
            loc(start, id),
            `text row declares ${length} bytes but only ${buf.length - textStart} remain: the payload is truncated`,
          );
        }
        rows.push({ id, kind: 'text', offset: start, value: buf.toString('utf8', textStart, textStart + length) });
        pos = textStart + length;
        continue;
      }
    }
    let end = buf.indexOf(NEWLINE, pos);
    if (end < 0) end = buf.length;
    const line = buf.toString('utf8', pos, end);
    pos = end + 1;
    const tag = /^[A-Z]*/.exec(line)![0];
    const json = line.slice(tag.length);
    try {
      rows.push({ id, kind: 'json', offset: start, tag, value: JSON.parse(json) });
    } catch (e) {
      rows.push({ id, kind: 'invalid', offset: start, tag, raw: json, error: (e as Error).message });
    }
  }
  return rows;
}

/** A React element as flight encodes it: `["$", type, key, props]`. */
export interface FlightElement {
  type: string;
  props: Record<string, unknown>;
}

function asElement(v: unknown): FlightElement | undefined {
  if (!Array.isArray(v) || v[0] !== '$' || typeof v[1] !== 'string' || v.length < 4) return undefined;
  const props = v[3];
  if (!props || typeof props !== 'object' || Array.isArray(props)) return undefined;
  return { type: v[1], props: props as Record<string, unknown> };
}

/** Every element in `value`, depth first in document order, with its ancestors (outermost first). */
export function walkElements(value: unknown, visit: (el: FlightElement, ancestors: FlightElement[]) => void, ancestors: FlightElement[] = []): void {
  if (!value || typeof value !== 'object') return;
  const el = asElement(value);
  if (el) {
    visit(el, ancestors);
    const inner = [...ancestors, el];
    for (const v of Object.values(el.props)) walkElements(v, visit, inner);
    return;
  }
  for (const v of Array.isArray(value) ? value : Object.values(value)) walkElements(v, visit, ancestors);
}

export function classList(el: FlightElement): string[] {
  return typeof el.props.className === 'string' ? el.props.className.split(/\s+/).filter(Boolean) : [];
}

/**
 * The visible text of an element's children. Strings starting with `$` are
 * references (`$L1`, `$undefined`, `$9`); `$$…` is an escaped literal `$`.
 */
export function elementText(value: unknown): string {
  if (typeof value === 'string') return value.startsWith('$$') ? value.slice(1) : value.startsWith('$') ? '' : value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    const el = asElement(value);
    if (el) return elementText(el.props.children);
    return value.map(elementText).join('');
  }
  return '';
}

/** The `$<id>` reference a string holds, if it is one (`$9` → `9`; `$L1`, `$undefined` are not row text). */
export function refId(value: unknown): string | undefined {
  return typeof value === 'string' ? /^\$([0-9a-f]+)$/.exec(value)?.[1] : undefined;
}

/** The first `["slug", "<path>", …]` dynamic-segment tuple anywhere in the payload. */
export function findSlugParam(value: unknown): string | undefined {
  if (!value || typeof value !== 'object') return undefined;
  if (Array.isArray(value) && value.length === 3 && value[0] === 'slug' && typeof value[1] === 'string' && typeof value[2] === 'string') return value[1];
  for (const v of Array.isArray(value) ? value : Object.values(value)) {
    const found = findSlugParam(v);
    if (found !== undefined) return found;
  }
  return undefined;
}
