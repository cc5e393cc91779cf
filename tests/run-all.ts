// npm test — every test suite, then one closing line `N passed, N failed` built from the runners'
// own JSON reports (CI reads that line), and a non-zero exit on any failure.
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

// Vitest: unit and integration projects (integration brings up Postgres and `next start`).
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

console.log(
  `\n${totals.passed} passed, ${totals.failed + (crashed ? 1 : 0)} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`,
);
process.exit(totals.failed > 0 || crashed || totals.passed === 0 ? 1 : 0);
