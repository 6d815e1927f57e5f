// Adds up the checks, Vitest's and Playwright's JSON reports into the closing line
// "N passed, N failed". A missing report (the runner crashed) counts as one failure.
import { existsSync, readFileSync } from "node:fs";

const [checksPassed, checksFailed, unitReport, ...e2eReports] = process.argv.slice(2);
let passed = Number(checksPassed);
let failed = Number(checksFailed);

function read(file, label) {
  if (!existsSync(file)) {
    console.error(`${label}: no report (${file}) — counted as a failure`);
    failed += 1;
    return null;
  }
  return JSON.parse(readFileSync(file, "utf8"));
}

const unit = read(unitReport, "vitest");
if (unit) {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
  // A test file that fails to load has no tests to count.
  failed += unit.testResults.filter((f) => f.status === "failed" && f.assertionResults.length === 0).length;
}

// One Playwright report per engine the journeys ran on.
for (const report of e2eReports) {
  const e2e = read(report, "playwright");
  if (!e2e) continue;
  passed += e2e.stats.expected;
  failed += e2e.stats.unexpected + e2e.stats.flaky;
  failed += (e2e.errors ?? []).length; // e.g. the web server did not start
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
