// Templates in the inbox specs: an admin syncs them from Meta (the sandbox) and lets agents send one.
import type { Page } from "@playwright/test";
import { expectAccessible } from "./accessibility";
import { expect } from "./inbox";

/** Settings → Templates: "Sync with Meta", then let agents send this one. */
export async function syncAndEnable(page: Page, name: string): Promise<void> {
  await page.goto("/settings/templates");
  await page.getByRole("button", { name: "Sync with Meta" }).click();
  const row = page.getByTestId("template-row").filter({ hasText: name });
  await expect(row).toContainText("approved", { timeout: 20_000 });
  const saved = page.waitForResponse(
    (response) => response.url().includes("/api/templates/") && response.request().method() === "PATCH",
  );
  // A click, not check(): the box ticks once the mutation patches the cache (a tick later), and
  // check() reads the state immediately after its click.
  await row.getByRole("checkbox", { name: "Agents may send it" }).click();
  expect((await saved).status()).toBe(200);
  await expect(row.getByRole("checkbox", { name: "Agents may send it" })).toBeChecked();
  await expectAccessible(page, "settings · templates");
}

export async function chooseTemplate(page: Page, dialogName: string, name: string): Promise<void> {
  const dialog = page.getByRole("dialog", { name: dialogName });
  await dialog.getByRole("searchbox", { name: "Search templates" }).fill(name);
  await dialog.getByTestId("template-option").filter({ hasText: name }).click();
}
