// E2E tests: real Chromium against a production `next start` on a fresh database (see
// tests/e2e/support/global-setup.ts). `npm run test:e2e`; `npm test` runs them after Vitest.
import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// Debian's Chromium when installed (CI, machines without internet: `apt-get install -y chromium`);
// otherwise Playwright's own (`npx playwright install chromium` on a developer laptop).
const SYSTEM_CHROMIUM = "/usr/bin/chromium";
const launchOptions = existsSync(SYSTEM_CHROMIUM)
  ? {
      executablePath: SYSTEM_CHROMIUM,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    }
  : {};

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results",
  globalSetup: "./tests/e2e/support/global-setup.ts",
  // One browser at a time: the tests share one server and one database, and the first one must find
  // it empty.
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    ...devices["Desktop Chrome"],
    viewport: { width: 1280, height: 800 },
    launchOptions,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    // The database starts with no user: first-run setup creates the admin everything else signs in as.
    { name: "first-run", testMatch: "first-run.spec.ts" },
    { name: "chromium", testIgnore: "first-run.spec.ts", dependencies: ["first-run"] },
  ],
});
