// E2E tests: real Chromium against a production `next start` on a fresh database (see
// tests/e2e/support/global-setup.ts). `npm run test:e2e`; `npm test` runs them after Vitest.
import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// Debian's Chromium headless shell when installed (`apt-get install -y chromium-headless-shell`), else
// Debian's Chromium (`apt-get install -y chromium`), else Playwright's own (`npx playwright install
// chromium` on a developer laptop); CHROMIUM_PATH picks another binary. The shell is Chromium's
// renderer without the browser around it, which is what Playwright itself runs headless. The full
// Chromium in headless mode also runs the browser's own UI: it loads the omnibox popup's WebUI (200–300
// chrome:// requests) for new tabs, and on 2 cores that competes with the page being tested or
// measured (bench:team: a deep link painted its contact panel at p50 744–880 ms under it, 337–373 ms
// under the shell, same build and database — README, Team tools speed).
const SYSTEM_BROWSERS = ["/usr/bin/chromium-headless-shell", "/usr/bin/chromium"];
const chromiumPath = process.env.CHROMIUM_PATH || SYSTEM_BROWSERS.find((path) => existsSync(path));
const launchOptions = chromiumPath
  ? {
      executablePath: chromiumPath,
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
