// The sandbox, both sides at once: the agent's inbox and the customer's simulator (/sandbox) side by
// side. The customer's messages reach the inbox through the real webhook endpoint, signed; the
// agent's replies reach the customer's phone through the Graph API stand-in, whose status webhooks
// move the agent's ticks — and turn them blue when the customer has the chat open.
import { randomInt } from "node:crypto";
import type { Page } from "@playwright/test";
import { SAMPLE_WABA_ID } from "../../lib/whatsapp/sample-payloads";
import { newBusinessNumber, newCustomer, type Customer } from "./support/customers";
import { expectAccessible } from "./support/accessibility";
import { screenshotPath } from "./support/fixtures";
import { metaHasTemplate, metaSimulates, metaWill } from "./support/graph-control";
import { expect, test } from "./support/inbox";
import { closeReplyWindow, conversationIdOf } from "./support/inbox-db";
import { composer, connectionStatus, messages, replyBox, rows, thread } from "./support/inbox-ui";
import { chooseTemplate, syncAndEnable } from "./support/templates";

test.describe.configure({ timeout: 180_000 });

/** The simulator with this customer's phone open. */
async function openPhone(page: Page, customer: Customer) {
  await page.goto("/sandbox");
  await page.getByRole("list", { name: "Customers" }).getByRole("button", { name: customer.name }).click();
  const phone = page.getByRole("region", { name: `${customer.name}'s phone` });
  await expect(phone).toBeVisible();
  return phone;
}

/** Two pages polling and the inbox's socket on a shared 2-core machine: the socket may take a while. */
async function waitLive(page: Page): Promise<void> {
  await expect(connectionStatus(page)).toHaveAttribute("data-state", "connected", { timeout: 60_000 });
}

async function customerTypes(phone: ReturnType<Page["getByRole"]>, text: string) {
  await phone.getByRole("textbox", { name: /^Message as/ }).fill(text);
  await phone.getByRole("button", { name: "Send" }).click();
  // The phone shows it once Meta (the stand-in) took it and the next poll ran: several requests on a busy machine.
  await expect(phone.getByRole("log", { name: "Messages" }).getByText(text)).toBeVisible({ timeout: 30_000 });
}

test("customer writes, the agent sees it live and replies, the customer sees the reply and reads it: blue ticks", async ({
  admin,
}) => {
  const number = newBusinessNumber();
  const customer = newCustomer("Lucía Fernández");
  await metaSimulates(customer, number);
  await admin.page.goto("/inbox");
  await waitLive(admin.page);
  const simulator = await admin.context.newPage();
  const phone = await openPhone(simulator, customer);

  // The agent's list shows the new conversation live; opening it shows the message.
  await customerTypes(phone, "Hola! Do you ship to Madrid?");
  const row = rows(admin.page).filter({ hasText: customer.name });
  await expect(row).toBeVisible();
  await row.click();
  await expect(thread(admin.page)).toHaveAccessibleName(`Conversation with ${customer.name}`);
  await expect(messages(admin.page, "Hola! Do you ship to Madrid?")).toBeVisible();

  // The thread is open: the customer's next message appears live.
  await customerTypes(phone, "It's for a birthday 🎂");
  await expect(messages(admin.page, "It's for a birthday 🎂")).toBeVisible();

  await replyBox(admin.page).fill("Yes, in 2 days.");
  await replyBox(admin.page).press("Enter");
  // The phone shows it; the chat is open there, so it is read at once: Meta's read status turns the ticks blue.
  await expect(phone.getByRole("log", { name: "Messages" }).getByText("Yes, in 2 days.")).toBeVisible();
  await expect(messages(admin.page, "Yes, in 2 days.").getByTestId("message-ticks")).toHaveAttribute(
    "aria-label",
    "Read",
  );
  // And the agent's reply marked the customer's messages read (WHATSAPP_READ_RECEIPTS=on_reply): blue on the phone.
  await expect(phone.getByLabel("Read by the business").first()).toBeVisible();

  // A link in a reply: the app asks Meta for a preview, and the phone draws its card.
  await replyBox(admin.page).fill("Track it at https://shop.example.com/track/1042");
  await replyBox(admin.page).press("Enter");
  const preview = phone.getByTestId("link-preview");
  await expect(preview).toContainText("shop.example.com");
  await expect(preview).toHaveAttribute("href", "https://shop.example.com/track/1042");
  await simulator.screenshot({ path: screenshotPath("sandbox-simulator-1280") });
  await admin.page.screenshot({ path: screenshotPath("sandbox-inbox-1280") });
  await simulator.setViewportSize({ width: 390, height: 844 });
  await simulator.screenshot({ path: screenshotPath("sandbox-simulator-390") });
});

test("a message Meta cannot deliver (131026) says so on the agent's bubble and never reaches the phone", async ({
  admin,
}) => {
  const number = newBusinessNumber();
  const customer = newCustomer("Tomás Ribeiro");
  await metaSimulates(customer, number);
  const simulator = await admin.context.newPage();
  const phone = await openPhone(simulator, customer);
  await customerTypes(phone, "Is the store open today?");
  await admin.page.goto(`/inbox/${await conversationIdOf({ customer, number })}`);
  await expect(thread(admin.page)).toHaveAccessibleName(`Conversation with ${customer.name}`);
  await waitLive(admin.page);

  await metaWill({ recipient: customer.waId, times: 1, behaviour: { fail: 131026 } });
  await replyBox(admin.page).fill("Until 8 pm.");
  await replyBox(admin.page).press("Enter");
  await expect(messages(admin.page, "Until 8 pm.").getByTestId("message-ticks")).toHaveAttribute(
    "aria-label",
    /^Failed: Message undeliverable/,
  );
  await expect(phone.getByRole("log", { name: "Messages" }).getByText("Until 8 pm.")).toHaveCount(0);
});

test("the simulator's failure controls make the next send fail: the agent's bubble shows Meta's words (131053)", async ({
  admin,
}) => {
  const number = newBusinessNumber();
  const customer = newCustomer("Oluwaseun Adeyemi");
  await metaSimulates(customer, number);
  const simulator = await admin.context.newPage();
  const phone = await openPhone(simulator, customer);
  await customerTypes(phone, "Can you send me the invoice?");
  await admin.page.goto(`/inbox/${await conversationIdOf({ customer, number })}`);
  await expect(thread(admin.page)).toHaveAccessibleName(`Conversation with ${customer.name}`);
  await waitLive(admin.page);

  // Meta's side, from the phone, by keyboard: open the controls, choose the failure, arm it.
  await phone.getByText("Meta's side: fail the next send").click();
  const controls = phone.getByRole("form", { name: "Fail the next send" });
  await controls.getByLabel("Failure").selectOption({ label: "Media upload or fetch error (131053)" });
  await expect(controls.getByLabel("For the next send to")).toHaveValue("customer");
  await controls.getByRole("button", { name: "Fail next send" }).press("Enter");
  await expect(phone.getByRole("status").filter({ hasText: "will fail" })).toHaveText(
    `The next send to ${customer.name} will fail: Media upload or fetch error (131053).`,
  );
  await expectAccessible(simulator, "sandbox · failure controls");

  await replyBox(admin.page).fill("Here it is.");
  await replyBox(admin.page).press("Enter");
  await expect(messages(admin.page, "Here it is.").getByTestId("message-ticks")).toHaveAttribute(
    "aria-label",
    "Failed: Media upload error (code 131053)",
  );
  await expect(phone.getByRole("log", { name: "Messages" }).getByText("Here it is.")).toHaveCount(0);
  // Only the next send: the one after it reaches the phone.
  await replyBox(admin.page).fill("Sending it again.");
  await replyBox(admin.page).press("Enter");
  await expect(phone.getByRole("log", { name: "Messages" }).getByText("Sending it again.")).toBeVisible();
  // At phone width the controls fit beside nothing: no sideways scrolling.
  await simulator.setViewportSize({ width: 390, height: 844 });
  await controls.scrollIntoViewIfNeeded();
  await expect(controls.getByRole("button", { name: "Fail next send" })).toBeInViewport();
  expect(await simulator.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await simulator.screenshot({ path: screenshotPath("sandbox-failure-controls-390") });
});

test("the window closed: a template reaches the phone with its buttons; the customer's tap shows as the button's text and reopens free text", async ({
  admin,
}) => {
  const number = newBusinessNumber();
  const customer = newCustomer("Rahel Tesfaye");
  await metaSimulates(customer, number);
  const simulator = await admin.context.newPage();
  const phone = await openPhone(simulator, customer);
  await customerTypes(phone, "Where is my parcel?");
  const conversationId = await conversationIdOf({ customer, number });
  await closeReplyWindow(conversationId);
  const name = `parcel_out_${randomInt(1e9)}`;
  await metaHasTemplate(SAMPLE_WABA_ID, {
    id: String(randomInt(1e12)),
    name,
    language: "en_US",
    status: "APPROVED",
    category: "UTILITY",
    parameter_format: "POSITIONAL",
    components: [
      { type: "BODY", text: "Your parcel is out for delivery today." },
      {
        type: "BUTTONS",
        buttons: [
          { type: "QUICK_REPLY", text: "Track it" },
          { type: "QUICK_REPLY", text: "Talk to us" },
        ],
      },
    ],
  });
  await syncAndEnable(admin.page, name);

  await admin.page.goto(`/inbox/${conversationId}`);
  await expect(thread(admin.page)).toHaveAccessibleName(`Conversation with ${customer.name}`);
  await waitLive(admin.page);
  await expect(composer(admin.page)).toHaveAttribute("data-locked", "true");
  await composer(admin.page).getByRole("button", { name: "Send a template" }).click();
  await chooseTemplate(admin.page, "Send a template", name);
  const dialog = admin.page.getByRole("dialog", { name: "Send a template" });
  await dialog.getByRole("button", { name: "Send template" }).click();
  await expect(dialog).toBeHidden();

  // The phone shows the template with its quick replies; the customer taps one.
  const log = phone.getByRole("log", { name: "Messages" });
  await expect(log.getByText("Your parcel is out for delivery today.")).toBeVisible();
  await log.getByRole("button", { name: "Talk to us" }).click();
  // The template's own bubble shows "Talk to us" as a button too; the customer's answer is inbound.
  const answer = messages(admin.page, "Talk to us").and(admin.page.locator('[data-direction="inbound"]'));
  await expect(answer).toHaveAttribute("data-type", "button");
  // The customer answered: the window is open again, free text is allowed.
  await expect(composer(admin.page)).not.toHaveAttribute("data-locked", "true");
  await expect(replyBox(admin.page)).toBeVisible();
});
