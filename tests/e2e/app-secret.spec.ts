import { expectAccessible } from "./support/accessibility";
import type { Locator } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { masked, saveAppSecret, settingSection } from "./support/settings";
import { postSignedWebhook, randomAppSecret } from "./support/webhooks";

test("the App Secret saved on the settings page decides which webhook signatures are accepted", async ({
  adminPage: page,
  run,
}) => {
  await page.goto("/settings/whatsapp");
  const section = settingSection(page, "App Secret");
  // Nobody configured one yet: the server generated its own, and a signature with any other is refused.
  await expect(section.getByTestId("setting-appSecret")).toContainText("Generated locally");
  expect(await postSignedWebhook(randomAppSecret())).toBe(401);

  const first = randomAppSecret();
  await saveAppSecret(page, first);
  await expect(section.getByTestId("setting-appSecret")).toContainText(masked(first));
  await expect(section.getByTestId("setting-appSecret")).not.toContainText("Generated locally");
  expect(await postSignedWebhook(first), "a webhook signed with the saved secret").toBe(200);

  const second = randomAppSecret();
  await saveAppSecret(page, second);
  await expect(section.getByTestId("setting-appSecret")).toContainText(masked(second));
  expect(await postSignedWebhook(first), "a webhook signed with the replaced secret").toBe(401);
  expect(await postSignedWebhook(second), "a webhook signed with the new secret").toBe(200);

  // The change is on record: who changed what (never the value).
  const auditRows = page
    .getByRole("region", { name: "Audit log" })
    .getByRole("row", { name: new RegExp(`${run.adminEmail}.*changed the App Secret`) });
  await expect(auditRows).toHaveCount(2);
  await expect(page.getByRole("region", { name: "Audit log" })).not.toContainText(second);
});

test("an access token pasted as the App Secret is refused with a message saying so", async ({ adminPage: page }) => {
  await page.goto("/settings/whatsapp");
  const section = settingSection(page, "App Secret");
  const before = await savedSetting(section.getByTestId("setting-appSecret"));
  await section.getByLabel("New App Secret").fill(`EAA${"x".repeat(40)}`);
  await section.getByRole("button", { name: "Save" }).click();
  await expect(section.getByText("This is an access token, not the App Secret.", { exact: false })).toBeVisible();
  await expect(section.getByLabel("New App Secret")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page, "settings · WhatsApp, a refused App Secret");
  await page.reload();
  expect(await savedSetting(settingSection(page, "App Secret").getByTestId("setting-appSecret"))).toEqual(before);
});

/**
 * What a setting shows, independent of hydration: the masked value and the instant it was saved (the
 * server writes the time in UTC and the browser rewrites it in the viewer's locale, so compare the
 * instant, not its wording).
 */
async function savedSetting(setting: Locator) {
  await expect(setting).toBeVisible();
  return setting.evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    const times = [...copy.querySelectorAll("time")].map((time) => time.getAttribute("datetime"));
    copy.querySelectorAll("time").forEach((time) => time.remove());
    return { text: copy.textContent, times };
  });
}
