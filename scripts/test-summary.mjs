// Adds up the checks, Vitest's and Playwright's JSON reports (told apart by their shape) into
// the closing line "N passed, N failed". A missing report (the runner crashed) counts as one failure.
//   node scripts/test-summary.mjs CHECKS_PASSED CHECKS_FAILED REPORT.json...
import { existsSync, readFileSync } from "node:fs";

const [checksPassed, checksFailed, ...reports] = process.argv.slice(2);
let passed = Number(checksPassed);
let failed = Number(checksFailed);

for (const file of reports) {
  if (!existsSync(file)) {
    console.error(`no report (${file}): its runner crashed — counted as a failure`);
    failed += 1;
    continue;
  }
  const report = JSON.parse(readFileSync(file, "utf8"));
  if ("numPassedTests" in report) {
    // Vitest (unit and integration; the cluster test).
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    // A test file that fails to load has no tests to count.
    failed += report.testResults.filter((f) => f.status === "failed" && f.assertionResults.length === 0).length;
  } else {
    // Playwright, one report per engine the journeys ran on.
    passed += report.stats.expected;
    failed += report.stats.unexpected + report.stats.flaky;
    failed += (report.errors ?? []).length; // e.g. the web server did not start
  }
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
