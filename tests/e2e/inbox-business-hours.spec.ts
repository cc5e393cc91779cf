// Business hours: an admin sets a number's schedule so that it is closed now (a holiday today) and
// turns the away message on, on the settings page; the customer writes twice from the sandbox's
// phone; exactly one away message comes back — on the phone and in the agent's thread, marked
// "Sent automatically" — the Graph API stand-in received it once, and the thread says when the team
// is back. Then the admin removes the hours, and the thread stops saying so.
import type { Page } from "@playwright/test";
import {
  businessNumberLabel,
  customerWrites,
  newBusinessNumber,
  newCustomer,
  type Customer,
} from "./support/customers";
import { expectAccessible } from "./support/accessibility";
import { screenshotPath } from "./support/fixtures";
import { graphRequests, metaSimulates } from "./support/graph-control";
import { expect, test } from "./support/inbox";
import { conversationIdOf } from "./support/inbox-db";
import { messages, thread } from "./support/inbox-ui";

test.describe.configure({ timeout: 240_000 });

const AWAY = "Thanks for writing! We are closed today and answer from 09:00 UTC.";

async function openPhone(page: Page, customer: Customer) {
  await page.goto("/sandbox");
  await page.getByRole("list", { name: "Customers" }).getByRole("button", { name: customer.name }).click();
  const phone = page.getByRole("region", { name: `${customer.name}'s phone` });
  await expect(phone).toBeVisible();
  return phone;
}

async function customerTypes(phone: ReturnType<Page["getByRole"]>, text: string) {
  await phone.getByRole("textbox", { name: /^Message as/ }).fill(text);
  await phone.getByRole("button", { name: "Send" }).click();
  await expect(phone.getByRole("log", { name: "Messages" }).getByText(text)).toBeVisible({ timeout: 30_000 });
}

test("a message outside business hours gets the away message once", async ({ admin }) => {
  const number = newBusinessNumber();
  // The number appears in settings once its first webhook has been processed (the ack comes before
  // that: on a loaded machine the page could be rendered before the worker registered the number).
  const firstCaller = newCustomer("First Caller");
  await customerWrites({ from: firstCaller, to: number, text: "registering" });
  await conversationIdOf({ customer: firstCaller, number });
  const page = admin.page;
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/settings/whatsapp");
  const numberForm = page.getByRole("form", { name: `Phone number ${businessNumberLabel(number)}` });
  const item = page.getByRole("listitem").filter({ has: numberForm });
  await item.getByText("Business hours, away message and greeting").click();
  const form = page.getByRole("form", { name: `Business hours of ${businessNumberLabel(number)}` });
  await expect(form).toBeVisible();

  // Mon–Fri 09:00–17:00 UTC (the defaults), with today a holiday: closed now, whatever the hour.
  await form.getByLabel("Time zone").fill("UTC");
  await form.getByLabel("Holiday date").fill(new Date().toISOString().slice(0, 10));
  await form.getByRole("button", { name: "Add holiday" }).click();
  await form.getByLabel("Send an away message to customers who write outside these hours").check();
  await form.getByLabel("Away message text").fill(AWAY);
  await form.getByRole("button", { name: "Save business hours" }).click();
  await expect(form.getByText("Business hours saved.")).toBeVisible();
  await expect(form.getByTestId("hours-now")).toContainText("Closed now — back at");
  await expectAccessible(page, "settings · a number's business hours");
  await page.screenshot({ path: screenshotPath("business-hours-settings-1280"), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await form.screenshot({ path: screenshotPath("business-hours-settings-390") });
  await page.setViewportSize({ width: 1280, height: 900 });

  // The customer writes twice from the phone.
  const customer = newCustomer("Nadia Nightowl");
  await metaSimulates(customer, number);
  const simulator = await admin.context.newPage();
  const phone = await openPhone(simulator, customer);
  await customerTypes(phone, "Hi, is anyone there?");
  await expect(phone.getByRole("log", { name: "Messages" }).getByText(AWAY)).toBeVisible({ timeout: 30_000 });
  await customerTypes(phone, "Hello again?");

  const conversationId = await conversationIdOf({ customer, number });
  // The thread as loaded once the second message is stored: the away message would have been queued
  // in the same transaction as it. (No live socket needed: the simulator's polling shares the machine.)
  await page.goto(`/inbox/${conversationId}`);
  await expect(thread(page)).toHaveAccessibleName(`Conversation with ${customer.name}`);
  await expect(async () => {
    await page.reload();
    await expect(messages(page, "Hello again?")).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 60_000 });
  const away = messages(page, AWAY);
  await expect(away).toHaveCount(1);
  await expect(away.getByTestId("message-author")).toHaveText("Sent automatically");
  await expect(page.getByTestId("business-hours")).toContainText("Away · back at");
  await expectAccessible(page, "inbox · an away message in the thread");
  await page.screenshot({ path: screenshotPath("business-hours-thread-1280") });
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(away).toBeVisible();
  await page.screenshot({ path: screenshotPath("business-hours-thread-390") });

  // Once on the phone, once at Meta's door.
  await expect(phone.getByRole("log", { name: "Messages" }).getByText(AWAY)).toHaveCount(1);
  const sent = (await graphRequests({ to: customer.waId })).filter(
    (request) => (request.body.text as { body?: string } | undefined)?.body === AWAY,
  );
  expect(sent).toHaveLength(1);

  // The admin takes the hours away again, from the keyboard: asked first (the dialog opens on
  // Cancel, so Enter alone would keep them), then open at all hours, and the thread no longer says
  // when the team is back.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/settings/whatsapp");
  await item.getByText("Business hours, away message and greeting").click();
  const removeButton = form.getByRole("button", { name: "Remove business hours" });
  await form.getByRole("button", { name: "Save business hours" }).focus();
  await page.keyboard.press("Tab");
  await expect(removeButton).toBeFocused();
  await page.keyboard.press("Enter");
  const confirm = page.getByRole("dialog", { name: `Remove the business hours of ${businessNumberLabel(number)}?` });
  await expect(confirm).toBeVisible();
  await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
  await expectAccessible(page, "settings · removing a number's business hours");
  await page.screenshot({ path: screenshotPath("business-hours-remove-1280") });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: screenshotPath("business-hours-remove-390") });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.keyboard.press("Tab");
  await expect(confirm.getByRole("button", { name: "Remove business hours" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(form.getByText("Business hours removed: this number is open at all hours")).toBeVisible();
  await expect(form.getByTestId("hours-now")).toHaveCount(0);
  await expect(form.getByRole("button", { name: "Remove business hours" })).toHaveCount(0);
  await expect(form.getByRole("button", { name: "Save business hours" })).toBeFocused();
  await page.goto(`/inbox/${conversationId}`);
  await expect(messages(page, AWAY)).toHaveCount(1);
  await expect(page.getByTestId("business-hours")).toHaveCount(0);
});
