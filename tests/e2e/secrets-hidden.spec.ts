import { expectAccessible } from "./support/accessibility";
import type { Response } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { expect, screenshotPath, test } from "./support/fixtures";
import { masked, saveAppSecret, saveSetting } from "./support/settings";
import { randomAppSecret } from "./support/webhooks";

test("secrets never reach the browser: the page and every answer it got show only the last four characters", async ({
  adminPage: page,
  run,
}) => {
  // Everything the browser receives while the admin works on the page: HTML, JSON, RSC payloads.
  const received: Promise<{ url: string; type: string; body: string }>[] = [];
  page.on("response", (response: Response) => {
    const type = response.headers()["content-type"] ?? "";
    if (!/json|html|text|x-component|javascript/.test(type)) return;
    received.push(
      response
        .text()
        .then((body) => ({ url: response.url(), type, body }))
        .catch(() => ({ url: response.url(), type, body: "" })),
    );
  });

  const appSecret = randomAppSecret();
  const accessToken = `EAAG${randomBytes(30).toString("hex")}`;
  await page.goto("/settings/whatsapp");
  await saveAppSecret(page, appSecret);
  await saveSetting(page, {
    label: "Access token",
    inputLabel: "New access token",
    value: accessToken,
    savedMessage: "Access token saved. Test the connection below.",
  });
  await page.reload();
  // The settings and audit APIs the page's forms use, asked by the page itself.
  await page.evaluate(async () => {
    await Promise.all(["/api/settings/whatsapp", "/api/settings/audit-log"].map((url) => fetch(url)));
  });

  const secrets = {
    "saved App Secret": appSecret,
    "saved access token": accessToken,
    WHATSAPP_VERIFY_TOKEN: run.verifyToken,
    WHATSAPP_WEBHOOK_KEY: run.webhookKey,
  };
  const html = await page.content();
  for (const [what, value] of Object.entries(secrets)) {
    // A boolean, so that a failure names the leak without printing the whole page.
    expect(html.includes(value), `the ${what} in the settings page`).toBe(false);
    expect(html, `the mask of the ${what}`).toContain(masked(value));
  }

  const bodies = await Promise.all(received);
  const json = bodies.filter((body) => body.type.includes("json"));
  // The checks below must have something to check: the two saves and the two reads answered JSON.
  expect(json.filter((body) => body.url.endsWith("/api/settings/whatsapp")).length).toBeGreaterThanOrEqual(3);
  expect(json.find((body) => body.url.endsWith("/api/settings/audit-log"))?.body).toContain("App Secret");
  for (const { url, body } of bodies) {
    for (const [what, value] of Object.entries(secrets)) {
      expect(body.includes(value), `the ${what} in the answer to ${url}`).toBe(false);
    }
  }
  for (const body of json.filter((body) => body.url.endsWith("/api/settings/whatsapp"))) {
    expect(body.body).toContain(masked(appSecret));
  }

  await expectAccessible(page, "settings · WhatsApp connection");
  await page.screenshot({ path: screenshotPath("settings · WhatsApp connection"), fullPage: true });
});
