// At 390 px every page is reached by tapping links from the inbox — nothing needs a typed address —
// and none scrolls sideways: an admin's pages, and an agent's from their own header.
import { expectAccessible } from "./support/accessibility";
import type { Page } from "@playwright/test";
import { businessNumberLabel, customerWrites, newBusinessNumber, newCustomer } from "./support/customers";
import { screenshotPath } from "./support/fixtures";
import { expect, test } from "./support/inbox";
import { conversationIdOf } from "./support/inbox-db";

async function expectFitsWidth(page: Page, name: string) {
  await expectAccessible(page, `${name} at 390 px`);
  await page.screenshot({ path: screenshotPath(`phone-${name}`), fullPage: true });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${name} scrolls sideways by ${overflow} px`).toBeLessThanOrEqual(0);
}

const heading = (page: Page, name: string) => page.getByRole("heading", { name, level: 1 });

test("at 390 px an admin reaches every page by navigation, and each fits the width", async ({
  admin: { page },
  addAgent,
}) => {
  // A colleague to deactivate, and a business number Meta wrote bare digits for.
  const colleague = await addAgent("Phone Width Colleague");
  const number = newBusinessNumber();
  const lena = newCustomer("Lena Narrow");
  await customerWrites({ from: lena, to: number, text: "Hello from a phone" });
  // Processed, not only acknowledged: the settings page lists the number only from then on.
  await conversationIdOf({ customer: lena, number });

  await page.setViewportSize({ width: 390, height: 844 });
  const nav = page.getByRole("navigation", { name: "Main" });
  const toSettings = async () => {
    await nav.getByRole("link", { name: "Settings" }).click();
    await expect(heading(page, "Settings")).toBeVisible();
  };

  await page.goto("/inbox");
  await expect(heading(page, "Inbox")).toBeVisible();
  await expectFitsWidth(page, "inbox");

  await toSettings();
  await expectFitsWidth(page, "settings");

  await page.getByRole("link", { name: "Configure WhatsApp" }).click();
  await expect(heading(page, "WhatsApp connection")).toBeVisible();
  // Our number written as the inbox writes it (and customers' numbers): "+" and the digits.
  await expect(page.getByRole("form", { name: `Phone number ${businessNumberLabel(number)}` })).toBeVisible();
  await expectFitsWidth(page, "settings · WhatsApp connection");

  await toSettings();
  await page.getByRole("link", { name: "Manage templates" }).click();
  await expect(heading(page, "Templates")).toBeVisible();
  await expectFitsWidth(page, "settings · templates");

  await toSettings();
  await page.getByRole("link", { name: "Manage users" }).click();
  await expect(heading(page, "Users")).toBeVisible();
  await expectFitsWidth(page, "settings-users");
  // Every user's actions are within the width, not past the right edge (nor in a box scrolling sideways).
  const deactivate = await page.getByRole("button", { name: `Deactivate ${colleague.name}` }).boundingBox();
  expect(deactivate, "the colleague's Deactivate button").not.toBeNull();
  expect(deactivate!.x).toBeGreaterThanOrEqual(0);
  expect(deactivate!.x + deactivate!.width).toBeLessThanOrEqual(390);

  await toSettings();
  await page.getByRole("link", { name: "Manage canned replies" }).click();
  await expect(heading(page, "Canned replies")).toBeVisible();
  await expectFitsWidth(page, "settings · canned replies");

  await toSettings();
  await page.getByRole("link", { name: "Manage labels" }).click();
  await expect(heading(page, "Labels")).toBeVisible();
  await expectFitsWidth(page, "settings · labels");

  await toSettings();
  await page.getByRole("link", { name: "Manage contact attributes" }).click();
  await expect(heading(page, "Contact attributes")).toBeVisible();
  await expectFitsWidth(page, "settings · contact attributes");

  await nav.getByRole("link", { name: "Webhook health" }).click();
  await expect(heading(page, "Webhook health")).toBeVisible();
  await expectFitsWidth(page, "settings · webhook health");

  await toSettings();
  await page.getByRole("link", { name: "Open webhook health" }).click();
  await expect(heading(page, "Webhook health")).toBeVisible();

  await toSettings();
  await page.getByRole("link", { name: "Open the audit log" }).click();
  await expect(heading(page, "Audit log")).toBeVisible();
  await expectFitsWidth(page, "settings-audit-log");

  // This server runs the sandbox's stand-in next to real credentials (SANDBOX=on): Settings links it.
  await toSettings();
  await page.getByRole("link", { name: "Open the simulator" }).click();
  await expect(heading(page, "Simulated customers")).toBeVisible();
  await expectFitsWidth(page, "sandbox simulator");

  await page.getByRole("link", { name: "Your profile" }).click();
  await expect(heading(page, "Your profile")).toBeVisible();
  await expectFitsWidth(page, "profile");

  await nav.getByRole("link", { name: "Inbox" }).click();
  await expect(heading(page, "Inbox")).toBeVisible();
});

test("at 390 px an agent reaches their pages from the header", async ({ addAgent }) => {
  const { page } = await addAgent("Phone Width Agent");
  await page.setViewportSize({ width: 390, height: 844 });
  const nav = page.getByRole("navigation", { name: "Main" });

  await page.goto("/inbox");
  await expect(heading(page, "Inbox")).toBeVisible();

  await nav.getByRole("link", { name: "Canned replies" }).click();
  await expect(heading(page, "Canned replies")).toBeVisible();
  await expectFitsWidth(page, "agent · canned replies");

  await page.getByRole("link", { name: "Your profile" }).click();
  await expect(heading(page, "Your profile")).toBeVisible();
  await expectFitsWidth(page, "agent · profile");

  await nav.getByRole("link", { name: "Inbox" }).click();
  await expect(heading(page, "Inbox")).toBeVisible();
});
