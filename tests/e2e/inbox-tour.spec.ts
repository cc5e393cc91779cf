// The README's five-minute tour, played in real Chromium on both sides — the agent's inbox and the
// customer's simulator — and photographed at 1280 px and 390 px. Screenshots land in
// test-results/screenshots; `SCREENSHOTS_DIR=docs/screenshots npx playwright test inbox-tour` refreshes
// the README's own.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Locator, Page } from "@playwright/test";
import { gradientPng } from "../support/png";
import { newBusinessNumber, newCustomer, type Customer } from "./support/customers";
import { metaSimulates } from "./support/graph-control";
import { expect, test } from "./support/inbox";
import { connectionStatus, messages, replyBox, rows, thread } from "./support/inbox-ui";
import { e2eRun } from "./support/run";

test.describe.configure({ timeout: 240_000 });

const SCREENSHOTS = process.env.SCREENSHOTS_DIR ?? join(import.meta.dirname, "..", "..", "test-results", "screenshots");

async function photograph(page: Page, name: string) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/** Another simulated customer writes (through the stand-in's control API, as the simulator does). */
async function customerWrites(customer: Customer, text: string) {
  const response = await fetch(`${e2eRun().graphControlUrl}/customers/${customer.waId}/messages`, {
    method: "POST",
    body: JSON.stringify({ type: "text", text }),
  });
  expect(response.status).toBe(201);
}

/** The admin names the business number (Settings → WhatsApp connection), as the demo's is named. */
async function nameNumber(page: Page, phoneNumberId: string, name: string) {
  const { baseUrl } = e2eRun().inbox;
  // The number is registered by its first webhook, processed after the ack.
  let id: string | undefined;
  await expect
    .poll(
      async () => {
        const response = await page.request.get("/api/settings/phone-numbers");
        const { phoneNumbers } = (await response.json()) as { phoneNumbers: { id: string; phoneNumberId: string }[] };
        id = phoneNumbers.find((number) => number.phoneNumberId === phoneNumberId)?.id;
        return id;
      },
      { timeout: 30_000 },
    )
    .toBeTruthy();
  const renamed = await page.request.patch(`/api/settings/phone-numbers/${id}`, {
    headers: { origin: baseUrl },
    data: { name, wabaId: null },
  });
  expect(renamed.status(), await renamed.text()).toBe(200);
}

async function drawn(image: Locator) {
  await expect(image).toBeVisible({ timeout: 30_000 });
  await expect
    .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBeGreaterThan(0);
}

test("the five-minute tour: the customer writes, sends a photo and a location; the agent answers; ticks turn blue", async ({
  admin,
}) => {
  const number = newBusinessNumber();
  const ana = newCustomer("Ana Lima");
  const others = [newCustomer("يوسف الخطيب"), newCustomer("Kenji Watanabe")];
  for (const customer of [...others, ana]) await metaSimulates(customer, number);
  await customerWrites(others[1]!, "Hi! Do you have the blue mug in stock?");
  await customerWrites(others[0]!, "مرحبا، هل يمكنني تغيير عنوان التوصيل؟");

  const inbox = admin.page;
  await nameNumber(inbox, number.phoneNumberId, "Demo Shop Support");
  await inbox.goto("/inbox");
  await expect(connectionStatus(inbox)).toHaveAttribute("data-state", "connected", { timeout: 60_000 });
  const simulator = await admin.context.newPage();
  await simulator.goto("/sandbox");
  await simulator.getByRole("list", { name: "Customers" }).getByRole("button", { name: ana.name }).click();
  const phone = simulator.getByRole("region", { name: `${ana.name}'s phone` });
  const log = phone.getByRole("log", { name: "Messages" });

  // Ana writes, then sends a photo and her location.
  await phone.getByRole("textbox", { name: /^Message as/ }).fill("Olá! My order #1042 arrived damaged");
  await phone.getByRole("button", { name: "Send", exact: true }).click();
  await expect(log.getByText("Olá! My order #1042 arrived damaged")).toBeVisible({ timeout: 30_000 });
  await phone.getByRole("button", { name: "Attach", exact: true }).click();
  const [chooser] = await Promise.all([
    simulator.waitForEvent("filechooser"),
    phone.getByRole("group", { name: "Attach" }).getByRole("button", { name: "Photo" }).click(),
  ]);
  await chooser.setFiles({ name: "box.png", mimeType: "image/png", buffer: gradientPng() });
  await phone.getByRole("textbox", { name: /^Caption as/ }).fill("This is how it came");
  await phone.getByRole("button", { name: "Send", exact: true }).click();
  await expect(log.getByText("This is how it came")).toBeVisible({ timeout: 30_000 });
  await phone.getByRole("button", { name: "Attach", exact: true }).click();
  await phone.getByRole("group", { name: "Attach" }).getByRole("button", { name: "Location" }).click();
  await phone.getByRole("button", { name: "Send location" }).click();
  await expect(log.getByText("MASP")).toBeVisible({ timeout: 30_000 });

  // The agent sees it all live, opens the conversation and answers.
  const row = rows(inbox).filter({ hasText: ana.name });
  await expect(row).toBeVisible({ timeout: 30_000 });
  await row.click();
  await expect(thread(inbox)).toHaveAccessibleName(`Conversation with ${ana.name}`);
  await drawn(messages(inbox, "This is how it came").getByRole("img", { name: "This is how it came" }));
  await expect(messages(inbox, "MASP")).toContainText("Av. Paulista, 1578");
  await replyBox(inbox).fill("Sorry about that, Ana! A new one ships today — tracking follows.");
  await replyBox(inbox).press("Enter");
  await expect(log.getByText("Sorry about that, Ana!")).toBeVisible({ timeout: 30_000 });
  // Ana's chat is open, so she read it: blue ticks on the agent's side, and on hers.
  const reply = messages(inbox, "Sorry about that, Ana!");
  await expect(reply.getByTestId("message-ticks")).toHaveAttribute("aria-label", "Read", { timeout: 30_000 });
  await expect(phone.getByLabel("Read by the business").first()).toBeVisible();

  await photograph(inbox, "tour-inbox-1280");
  await photograph(simulator, "tour-simulator-1280");
  for (const page of [inbox, simulator]) await page.setViewportSize({ width: 390, height: 844 });
  await expect(thread(inbox)).toBeVisible();
  await drawn(messages(inbox, "This is how it came").getByRole("img", { name: "This is how it came" }));
  await expect(log.getByText("Sorry about that, Ana!")).toBeVisible();
  await photograph(inbox, "tour-inbox-390");
  await photograph(simulator, "tour-simulator-390");
});
