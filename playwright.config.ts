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
  // Two browsers at a time: the settings specs one after another on the main server, the inbox specs
  // in parallel on a server and database of their own (see the projects below).
  workers: 2,
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
    // One at a time: these specs share the main server's settings (the App Secret, signature counts).
    {
      name: "chromium",
      testIgnore: ["first-run.spec.ts", "inbox-*.spec.ts"],
      dependencies: ["first-run"],
      workers: 1,
    },
    // The inbox server's own admin and data: each test brings its own customers and business number,
    // so they run in parallel, with each other and with the specs above.
    { name: "inbox", testMatch: "inbox-*.spec.ts", fullyParallel: true },
  ],
});
