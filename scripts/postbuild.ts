/**
 * After `astro build`: the Pagefind index over dist/, with Korean search forms.
 *
 * Pagefind splits words at spaces and matches prefixes, so a page whose only
 * form of a word is `모델을` is missed by `모델` once the index has many chunks,
 * and `KV캐시` is one word. Each page is therefore indexed with an extra,
 * low-weight block of the forms a reader may type: particle-stripped stems and
 * script-boundary splits (src/search/terms.ts). The block is added only to the
 * copy of the HTML given to Pagefind; the pages in dist/ stay as they are.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { augmentForIndex } from '../src/search/index-html.ts';

const dist = path.resolve(import.meta.dirname, '../dist');
const started = performance.now();
const base = (process.env.BASE ?? '/').replace(/\/?$/, '/');

const { index, errors } = await pagefind.createIndex({ forceLanguage: 'ko', excludeSelectors: ['.katex-html', 'annotation', 'mjx-container'] });
if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
let pages = 0;
for (const e of await readdir(dist, { withFileTypes: true, recursive: true })) {
  if (!e.isFile() || !e.name.endsWith('.html')) continue;
  const file = path.join(e.parentPath, e.name);
  const html = await readFile(file, 'utf8');
  if (!html.includes('data-pagefind-body')) continue;
  const rel = path.relative(dist, file).split(path.sep).join('/');
  const url = base + rel.replace(/(^|\/)index\.html$/, '$1');
  const added = await index.addHTMLFile({ url, content: augmentForIndex(html) });
  if (added.errors.length) throw new Error(`pagefind: ${rel}: ${added.errors.join('; ')}`);
  pages++;
}
const written = await index.writeFiles({ outputPath: path.join(dist, 'pagefind') });
if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
await pagefind.close();
process.stderr.write(`pagefind: ${pages} pages indexed in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
