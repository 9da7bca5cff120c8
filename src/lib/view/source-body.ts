/**
 * The Markdown body of a generated source entry. The source loader keeps only the
 * rendered HTML in the content store (memory at 10,000 sources), so the body is read
 * from the entry's file when a page needs the text (key facts, feed summaries).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { SourceNode } from '../kb.ts';

export function sourceBody(s: SourceNode): string {
  if (s.entry.body !== undefined) return s.entry.body;
  try {
    const text = s.entry.filePath ? readFileSync(path.resolve(s.entry.filePath), 'utf8') : '';
    return text.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n?/, '');
  } catch {
    return '';
  }
}
