// At 390 px every page is reached by tapping links from the inbox — nothing needs a typed address —
// and none scrolls sideways.
import { expectAccessible } from "./support/accessibility";
import type { Page } from "@playwright/test";
import { screenshotPath } from "./support/fixtures";
import { expect, test } from "./support/inbox";

async function expectFitsWidth(page: Page, name: string) {
  await expectAccessible(page, `${name} at 390 px`);
  await page.screenshot({ path: screenshotPath(`phone-${name}`), fullPage: true });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${name} scrolls sideways by ${overflow} px`).toBeLessThanOrEqual(0);
}

test("at 390 px an admin reaches every page by navigation, and each fits the width", async ({ admin: { page } }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const nav = page.getByRole("navigation", { name: "Main" });
  const heading = (name: string) => page.getByRole("heading", { name, level: 1 });

  await page.goto("/inbox");
  await expect(heading("Inbox")).toBeVisible();
  await expectFitsWidth(page, "inbox");

  await nav.getByRole("link", { name: "Settings" }).click();
  await expect(heading("Settings")).toBeVisible();
  await expectFitsWidth(page, "settings");

  await page.getByRole("link", { name: "Configure WhatsApp" }).click();
  await expect(page).toHaveURL(/\/settings\/whatsapp$/);
  await expectFitsWidth(page, "settings · WhatsApp connection");

  await nav.getByRole("link", { name: "Settings" }).click();
  await page.getByRole("link", { name: "Manage users" }).click();
  await expect(heading("Users")).toBeVisible();
  await expectFitsWidth(page, "settings-users");
  // Every user's actions are on screen, not past the right edge.
  const deactivate = page.getByRole("button", { name: /^Deactivate / }).first();
  if ((await deactivate.count()) > 0) await expect(deactivate).toBeInViewport();

  await nav.getByRole("link", { name: "Webhook health" }).click();
  await expect(page).toHaveURL(/\/settings\/health$/);
  await expectFitsWidth(page, "settings · webhook health");

  await nav.getByRole("link", { name: "Settings" }).click();
  await page.getByRole("link", { name: "Open webhook health" }).click();
  await expect(page).toHaveURL(/\/settings\/health$/);

  await nav.getByRole("link", { name: "Settings" }).click();
  await page.getByRole("link", { name: "Open the audit log" }).click();
  await expect(heading("Audit log")).toBeVisible();
  await expectFitsWidth(page, "settings-audit-log");

  await page.getByRole("link", { name: "Your profile" }).click();
  await expect(heading("Your profile")).toBeVisible();
  await expectFitsWidth(page, "profile");

  await nav.getByRole("link", { name: "Inbox" }).click();
  await expect(heading("Inbox")).toBeVisible();
});
