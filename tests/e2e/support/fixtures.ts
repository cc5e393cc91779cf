// The E2E `test`: the base URL of the server the global setup started, the run's secrets, and the
// admin's signed-in browser (saved by the first-run test), plus the few steps every test repeats.
import { type Browser, type BrowserContext, test as base, expect, type Page } from "@playwright/test";
import { join } from "node:path";
import { ADMIN_STATE, type E2eRun, e2eRun } from "./run";

export { expect };

export const test = base.extend<{ run: E2eRun; adminPage: Page }>({
  // eslint-disable-next-line no-empty-pattern
  baseURL: async ({}, use) => use(e2eRun().baseUrl),
  // eslint-disable-next-line no-empty-pattern
  run: async ({}, use) => use(e2eRun()),
  adminPage: async ({ browser }, use) => {
    const context = await browser.newContext({ storageState: ADMIN_STATE });
    await use(await context.newPage());
    await context.close();
  },
});

/** A browser context of its own (its own cookies), as a second person on another computer. */
export async function newPerson(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  return { context, page: await context.newPage() };
}

/** Fills the sign-in form and submits it; the caller checks where it lands. */
export async function submitSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Full-page screenshots for a human to look at; test-results/ is not committed. */
export function screenshotPath(name: string): string {
  return join(import.meta.dirname, "..", "..", "..", "test-results", "screenshots", `${name}.png`);
}
