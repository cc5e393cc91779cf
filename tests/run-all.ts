// npm test — every test suite (Vitest: unit + integration + faults; Playwright: E2E in Chromium), then one
// closing line `N passed, N failed` built from the runners' own JSON reports (CI reads that line),
// and a non-zero exit on any failure.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
const reports = join(root, ".data", "test-reports");
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

type Totals = { passed: number; failed: number; skipped: number };
const totals: Totals = { passed: 0, failed: 0, skipped: 0 };
let crashed = false;

function run(command: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  return result.status ?? 1;
}

// Vitest: the unit, integration and faults projects (integration brings up Postgres and `next
// start`; faults, run last, brings up Postgres clusters of its own and breaks them under load).
const vitestReport = join(reports, "vitest.json");
const vitestExit = run(join(root, "node_modules/.bin/vitest"), [
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${vitestReport}`,
]);
if (existsSync(vitestReport)) {
  const report = JSON.parse(readFileSync(vitestReport, "utf8")) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
  };
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
  totals.skipped += report.numPendingTests + report.numTodoTests;
}
// A non-zero exit with no failed test means a file or the global setup could not even run.
if (vitestExit !== 0 && totals.failed === 0) crashed = true;

// Playwright: E2E in real Chromium against its own `next start` and fresh database. A flaky test
// (failed, then passed on a retry) counts as passed but is named, so that it gets fixed.
const playwrightReport = join(reports, "playwright.json");
const failedBefore = totals.failed;
const playwrightExit = run(join(root, "node_modules/.bin/playwright"), ["test", "--reporter=list,json"], {
  PLAYWRIGHT_JSON_OUTPUT_FILE: playwrightReport,
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: "1",
});
if (existsSync(playwrightReport)) {
  const report = JSON.parse(readFileSync(playwrightReport, "utf8")) as PlaywrightReport;
  const { expected, unexpected, flaky, skipped } = report.stats;
  totals.passed += expected + flaky;
  totals.failed += unexpected;
  totals.skipped += skipped;
  if (flaky > 0) {
    console.warn(`\nwarning: ${flaky} E2E test(s) passed only on a retry (flaky):`);
    for (const title of flakyTitles(report.suites)) console.warn(`  ${title}`);
  }
}
if (playwrightExit !== 0 && totals.failed === failedBefore) crashed = true;

type PlaywrightSuite = {
  title: string;
  specs?: { title: string; tests: { status: string }[] }[];
  suites?: PlaywrightSuite[];
};
type PlaywrightReport = {
  stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  suites: PlaywrightSuite[];
};

function flakyTitles(suites: PlaywrightSuite[], path: string[] = []): string[] {
  return suites.flatMap((suite) => [
    ...(suite.specs ?? [])
      .filter((spec) => spec.tests.some((test) => test.status === "flaky"))
      .map((spec) => [...path, suite.title, spec.title].filter(Boolean).join(" › ")),
    ...flakyTitles(suite.suites ?? [], [...path, suite.title]),
  ]);
}

console.log(
  `\n${totals.passed} passed, ${totals.failed + (crashed ? 1 : 0)} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`,
);
process.exit(totals.failed > 0 || crashed || totals.passed === 0 ? 1 : 0);
