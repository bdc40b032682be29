// Adds up Jest JSON result files (and the lint outcome) into the one line CI reads: `N passed, N failed`.
// A suite that failed to run (syntax error, failed hook) counts as one failure, so nothing
// broken can hide behind a count of zero. Exits 1 when anything failed or nothing ran.
const fs = require('node:fs');

let passed = 0;
let failed = 0;
const args = process.argv.slice(2);
const lintAt = args.indexOf('--lint');
if (lintAt >= 0) {
  const [, lintFile] = args.splice(lintAt, 2);
  const outcome = fs.existsSync(lintFile) ? fs.readFileSync(lintFile, 'utf8').trim() : 'failed';
  if (outcome === 'passed') passed += 1;
  else failed += 1;
}
for (const file of args) {
  if (!fs.existsSync(file)) {
    console.error(`missing Jest results: ${file}`);
    failed += 1;
    continue;
  }
  const results = JSON.parse(fs.readFileSync(file, 'utf8'));
  passed += results.numPassedTests;
  failed += results.numFailedTests;
  failed += results.testResults.filter((suite) => suite.status === 'failed' && suite.assertionResults.length === 0).length;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
