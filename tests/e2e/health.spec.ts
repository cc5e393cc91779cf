import { expectAccessible } from "./support/accessibility";
import { expect, screenshotPath, test } from "./support/fixtures";
import { postSignedWebhook, randomAppSecret, verifySubscription } from "./support/webhooks";

const rejectedCount = (text: string | null) => {
  const match = /(\d+) rejected \((\d+) wrong, (\d+) missing\)/.exec(text ?? "");
  if (!match) throw new Error(`no signature counts in ${JSON.stringify(text)}`);
  return { rejected: Number(match[1]), wrong: Number(match[2]) };
};

test("the webhook health page shows a bad signature and a failed verification", async ({ adminPage: page, run }) => {
  await page.goto("/settings/health");
  await expect(page.getByRole("heading", { name: "Webhook health", level: 1 })).toBeVisible();
  const verification = page.getByRole("region", { name: /^Verification handshake/ });
  const signatures = page.getByRole("region", { name: /^Signatures/ });
  const before = rejectedCount(await signatures.textContent());

  // A good handshake first, so that the failure below is visibly the newest attempt.
  expect(await verifySubscription(run.verifyToken)).toEqual({ status: 200, body: "1158201444" });
  await expect(async () => {
    await page.getByRole("button", { name: "Refresh" }).click();
    await expect(verification).toContainText("succeeded", { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await expect(page.getByRole("region", { name: /^Verification handshake\s*:\s*OK$/ })).toBeVisible();

  expect(await postSignedWebhook(randomAppSecret()), "a webhook signed with a wrong App Secret").toBe(401);
  expect((await verifySubscription("not-the-verify-token")).status).toBe(403);

  await expect(async () => {
    await page.getByRole("button", { name: "Refresh" }).click();
    await expect(verification).toContainText("failed — verify token mismatch", { timeout: 1_000 });
    expect(rejectedCount(await signatures.textContent())).toEqual({
      rejected: before.rejected + 1,
      wrong: before.wrong + 1,
    });
  }).toPass({ timeout: 15_000 });
  await expect(page.getByRole("region", { name: /^Verification handshake\s*:\s*Problem$/ })).toBeVisible();
  await expect(verification).toContainText("Compare the verify token in Meta's dashboard");
  await expect(page.getByRole("region", { name: /^Signatures\s*:\s*Problem$/ })).toBeVisible();
  await expect(signatures).toContainText("App Settings → Basic");
  await expect(signatures).toContainText("not the access token");

  await expectAccessible(page, "settings · webhook health");
  await page.screenshot({ path: screenshotPath("settings · webhook health"), fullPage: true });
  await page.goto("/settings");
  await expectAccessible(page, "settings · overview");
  await page.screenshot({ path: screenshotPath("settings"), fullPage: true });
});
