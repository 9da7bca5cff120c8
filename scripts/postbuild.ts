/**
 * After `astro build`: build the Pagefind index over dist/.
 */
import path from 'node:path';
import * as pagefind from 'pagefind';

const dist = path.resolve(import.meta.dirname, '../dist');
const started = performance.now();
const { index, errors } = await pagefind.createIndex({ forceLanguage: 'ko' });
if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
const added = await index.addDirectory({ path: dist });
if (added.errors.length) throw new Error(`pagefind: ${added.errors.join('; ')}`);
const written = await index.writeFiles({ outputPath: path.join(dist, 'pagefind') });
if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
await pagefind.close();
process.stderr.write(`pagefind: ${added.page_count} pages indexed in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
