/**
 * `npm run ingest` — raw inputs in content/raw/ → typed entries in content/sources/.
 * Options: --report  print every skipped item and warning (the curation report).
 * Exit code 1 with a message naming the file and place when an input is malformed;
 * content/ is then left exactly as it was.
 */
import path from 'node:path';
import { ingest } from '../src/pipeline/ingest.ts';

const root = path.resolve(import.meta.dirname, '..');
const report = process.argv.includes('--report');
const started = performance.now();
try {
  const summary = await ingest({ root });
  if (report) {
    for (const s of summary.skipped) console.log(`skipped\t${s.file}\t${s.location}\t${s.reason}`);
    for (const w of summary.warnings) console.log(`warning\t${w.file}\t${w.location}\t${w.message}`);
    for (const o of summary.orphans) console.log(`kept\t${o}\tno longer produced by content/raw`);
  }
  process.stderr.write(`ingest: done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
} catch (e) {
  process.stderr.write(`\n✖ ${(e as Error).message}\n`);
  process.exit(1);
}
