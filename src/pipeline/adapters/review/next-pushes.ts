/**
 * The flight payload inside a Next.js HTML page: inline scripts
 * `self.__next_f.push([1,"<chunk>"])` whose string chunks, joined in order, are
 * the same rows as `index.txt`. Chunks cut rows (and text rows) anywhere, so
 * they are decoded and joined before any row is read.
 */
import type { Root } from 'hast';
import { selectAll } from 'hast-util-select';
import { IngestError, type ParseResult } from '../../types.ts';

/** `.push([<type>])` or `.push([<type>,<JSON string or null>])`. */
const PUSH_RE = /__next_f\.push\(\s*\[\s*(\d+)\s*(?:,\s*("(?:[^"\\\n]|\\.)*"|null))?\s*\]\s*\)/g;

/** The joined flight text, or undefined when the page has no pushes. */
export function flightFromPushes(tree: Root, file: string, warnings: ParseResult['warnings']): string | undefined {
  const chunks: string[] = [];
  let found = false;
  selectAll('script', tree).forEach((script, n) => {
    if (script.properties?.src) return;
    // Raw text, not innerText: whitespace inside the chunks counts towards text-row byte lengths.
    const code = script.children.map((c) => (c.type === 'text' ? c.value : '')).join('');
    for (const m of code.matchAll(PUSH_RE)) {
      found = true;
      const [, type, literal] = m;
      if (type !== '1') {
        // 0: bootstrap, 2: form state; 3 (binary, base64) never carries page rows we read.
        if (type === '3') warnings.push({ location: `script ${n + 1}`, message: 'binary flight chunk ignored' });
        continue;
      }
      if (!literal || literal === 'null') continue;
      try {
        chunks.push(JSON.parse(literal) as string);
      } catch (e) {
        throw new IngestError(file, `script ${n + 1}`, `undecodable __next_f chunk: ${(e as Error).message}`);
      }
    }
  });
  return found ? chunks.join('') : undefined;
}
