/**
 * `npm run ingest` — raw inputs in content/raw/ → typed entries in content/sources/.
 *
 * Options:
 *   --report          print every skipped item and warning, and the curation report
 *                     (candidate topics, unmatched terms, ambiguous aliases); also
 *                     writes content/curation-report.json
 *   --promote         create every candidate in ≥ --min-sources sources (default 3) as a
 *                     `status: candidate` topic file
 *   --min-sources=N   the --promote threshold
 *   --no-promote      create no topic files at all
 *   --root <dir>      ingest <dir>/content instead of this project's (benchmarks, tests)
 *
 * Without options, strong candidates only are created (a model name in ≥ 3
 * sources, a multi-word tag in ≥ 4): this is what `npm run build` does. A
 * candidate a person has deleted is never created again (the permalink ledger
 * remembers it). See src/pipeline/curation.ts.
 *
 * Exit code 1 with a message naming the file and place when an input is malformed;
 * content/ is then left exactly as it was.
 */
import path from 'node:path';
import { formatReport, ingestWithCuration } from '../src/pipeline/curation.ts';

const args = process.argv.slice(2);
// --root <dir>: ingest another project root (a benchmark's or a test's temp copy), never this one by accident.
const rootAt = args.indexOf('--root');
if (rootAt >= 0 && !args[rootAt + 1]) {
  process.stderr.write('✖ --root needs a directory\n');
  process.exit(2);
}
const root = rootAt >= 0 ? path.resolve(args[rootAt + 1]!) : path.resolve(import.meta.dirname, '..');
const unknown = args.filter((a, i) => a.startsWith('--') && !(rootAt >= 0 && i === rootAt + 1) && !/^--(report|promote|no-promote|root|min-sources=.*)$/.test(a));
if (unknown.length) {
  process.stderr.write(`✖ unknown option ${unknown.join(' ')} (known: --report, --promote, --no-promote, --min-sources=N, --root <dir>)\n`);
  process.exit(2);
}
const report = args.includes('--report');
const minArg = args.find((a) => a.startsWith('--min-sources='));
const promoteMin = minArg ? Number(minArg.split('=')[1]) : undefined;
if (promoteMin !== undefined && !(Number.isInteger(promoteMin) && promoteMin >= 1)) {
  process.stderr.write(`✖ --min-sources must be a whole number ≥ 1, got "${minArg}"\n`);
  process.exit(2);
}
const promote = args.includes('--no-promote') ? 'none' : args.includes('--promote') ? 'ready' : 'auto';
const started = performance.now();
try {
  const { summary, report: curation } = await ingestWithCuration({
    root,
    promote,
    writeReport: report,
    thresholds: promoteMin !== undefined ? { promoteMin } : {},
  });
  if (report) {
    for (const s of summary.skipped) console.log(`skipped\t${s.file}\t${s.location}\t${s.reason}`);
    for (const w of summary.warnings) console.log(`warning\t${w.file}\t${w.location}\t${w.message}`);
    for (const o of summary.orphans) console.log(`kept\t${o}\tno longer produced by content/raw`);
    console.log(`\n${formatReport(curation)}\n\n(written to content/curation-report.json)`);
  }
  process.stderr.write(`ingest: done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
} catch (e) {
  process.stderr.write(`\n✖ ${(e as Error).message}\n`);
  process.exit(1);
}
