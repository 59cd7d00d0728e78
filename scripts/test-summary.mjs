// Prints the closing line of `npm test` from the per-suite vitest JSON reports:
// "tests: N passed, N failed, N skipped". A suite that produced no report counts as one failure.
import { readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
for (const suite of process.argv.slice(2)) {
  try {
    const report = JSON.parse(readFileSync(`artifacts/test/${suite}.json`, 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests + (report.success || report.numFailedTests ? 0 : 1);
    skipped += report.numPendingTests + report.numTodoTests;
  } catch {
    console.log(`${suite}: no report (the suite did not run to the end)`);
    failed += 1;
  }
}
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
