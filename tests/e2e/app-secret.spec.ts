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
  const before = await section.getByTestId("setting-appSecret").textContent();
  await section.getByLabel("New App Secret").fill(`EAA${"x".repeat(40)}`);
  await section.getByRole("button", { name: "Save" }).click();
  await expect(section.getByText("This is an access token, not the App Secret.", { exact: false })).toBeVisible();
  await expect(section.getByLabel("New App Secret")).toHaveAttribute("aria-invalid", "true");
  await page.reload();
  await expect(settingSection(page, "App Secret").getByTestId("setting-appSecret")).toHaveText(before ?? "");
});
