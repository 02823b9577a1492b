// Sum the vitest JSON reports into one line CI can read: "N passed, N failed".
import fs from 'node:fs';
import path from 'node:path';

const dir = process.argv[2] ?? 'test-output';
// every stage must have reported: a stage that could not run counts as one failure
const EXPECTED = ['pglite', 'postgres', 'e2e'];
let passed = 0;
let failed = 0;
const lines = [];
for (const stage of EXPECTED) {
  if (!fs.existsSync(path.join(dir, `results-${stage}.json`))) {
    failed += 1;
    lines.push(`  ${stage}: did not run`);
  }
}
for (const file of fs
  .readdirSync(dir)
  .filter((f) => /^results-.*\.json$/.test(f))
  .sort()) {
  const r = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
  // a suite that failed to load counts as a failure even if it reported no tests
  const suiteErrors = (r.testResults ?? []).filter((s) => s.status === 'failed' && !(s.assertionResults ?? []).some((a) => a.status === 'failed')).length;
  passed += r.numPassedTests;
  failed += r.numFailedTests + suiteErrors;
  lines.push(`  ${file.replace(/^results-|\.json$/g, '')}: ${r.numPassedTests} passed, ${r.numFailedTests + suiteErrors} failed`);
}
console.log(`\n${lines.join('\n')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
