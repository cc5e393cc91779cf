// Accessibility of what the other specs do not show together: a thread holding every message type
// Meta sends (and ours in every tick), checked by axe at both widths, ticks named in words, and the
// dialogs keeping the focus inside while open and giving it back when they close.
import { randomUUID } from "node:crypto";
import { gradientPng } from "../support/png";
import { SAMPLE_MESSAGE_TYPES, type SampleMessageType } from "../../lib/whatsapp/sample-common";
import { buildMessagesWebhook, sampleInboundMessage } from "../../lib/whatsapp/sample-payloads";
import { expectAccessible, expectFocusVisible, tabTo } from "./support/accessibility";
import {
  customerSendsMedia,
  customerWrites,
  metaReportsStatuses,
  newBusinessNumber,
  newCustomer,
  nextTimestamp,
  postWebhook,
} from "./support/customers";
import { screenshotPath } from "./support/fixtures";
import { expect, test } from "./support/inbox";
import { conversationIdOf, seedSentText } from "./support/inbox-db";
import { conversationList, messages, openConversation, thread } from "./support/inbox-ui";

test.describe.configure({ timeout: 120_000 });

test("a thread with every message type, ours in every tick, and a note passes axe at 1280 and 390 px", async ({
  admin: { page },
  inbox,
}) => {
  const number = newBusinessNumber();
  const customer = newCustomer("Inês Carvalho");
  const first = await customerWrites({ from: customer, to: number, text: "Hello, a few things to show you" });
  const conversationId = await conversationIdOf({ customer, number });
  // A photo Meta holds (stored and shown), before the system message below moves the customer to a new number.
  await customerSendsMedia({
    from: customer,
    to: number,
    type: "image",
    mimeType: "image/png",
    bytes: gradientPng(),
    caption: "The label on the box",
  });
  // Every inbound type the simulator knows, as Meta sends it: media Meta does not hold (its download
  // fails and says so), a reply quoting the first message, a reaction to it, a number change.
  const inbound = SAMPLE_MESSAGE_TYPES.filter((type): type is Exclude<SampleMessageType, "text"> => type !== "text");
  await postWebhook(
    buildMessagesWebhook({
      phoneNumberId: number.phoneNumberId,
      displayPhoneNumber: number.displayPhoneNumber,
      contacts: [{ waId: customer.waId, name: customer.name }],
      messages: inbound.map((type) =>
        sampleInboundMessage(type, {
          from: customer.waId,
          timestamp: nextTimestamp(),
          targetWamid: first.wamid,
          emoji: "👍",
          ...(type === "text-with-referral" ? { contextWamid: first.wamid } : {}),
        }),
      ),
    }),
  );
  // Ours, one per tick, and a failure with Meta's reason.
  const ticks = [
    ["sent", "Sent"],
    ["delivered", "Delivered"],
    ["read", "Read"],
    ["failed", /^Failed: Message undeliverable/],
  ] as const;
  for (const [status] of ticks) {
    const sent = await seedSentText({ conversationId, to: customer, text: `Ours, ${status}` });
    await metaReportsStatuses({
      number,
      recipient: customer,
      statuses: [
        {
          wamid: sent.wamid,
          status,
          timestamp: sent.timestamp + 1,
          ...(status === "failed" ? { errorCode: 131026 } : {}),
        },
      ],
    });
  }
  const note = await page.request.post(`/api/conversations/${conversationId}/notes`, {
    headers: { origin: inbox.baseUrl },
    data: { clientId: randomUUID(), text: "Checked with the warehouse" },
  });
  expect(note.status(), await note.text()).toBe(201);

  await openConversation(page, conversationId, customer.name);
  await expect(messages(page, "The label on the box").getByRole("img", { name: "The label on the box" })).toBeVisible({
    timeout: 30_000,
  });
  await expect(thread(page).getByTestId("note")).toContainText("Checked with the warehouse");
  // Each tick has words for whoever cannot see it (or tell blue from grey).
  for (const [status, label] of ticks) {
    await expect(messages(page, `Ours, ${status}`).getByRole("img", { name: label })).toBeVisible();
  }
  await expectAccessible(page, "thread · every message type, 1280 px");
  await page.screenshot({ path: screenshotPath("a11y-every-type-1280"), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await expectAccessible(page, "thread · every message type, 390 px");
  await page.screenshot({ path: screenshotPath("a11y-every-type-390"), fullPage: true });
});

test("dialogs keep the focus inside while open and give it back to what opened them", async ({ admin: { page } }) => {
  const number = newBusinessNumber();
  const customer = newCustomer("Joana Reis");
  await customerWrites({ from: customer, to: number, text: "Hi" });
  await conversationIdOf({ customer, number });
  await page.goto("/inbox");
  await expect(page.getByRole("heading", { name: "Inbox", level: 1 })).toBeVisible();

  const opener = conversationList(page).getByRole("button", { name: "New conversation" });
  await tabTo(page, opener);
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "New conversation" });
  await expect(dialog).toBeVisible();
  await expectAccessible(page, "new conversation dialog");
  // Round and round: twice as many Tabs as the dialog has stops, and the focus never leaves it.
  for (let press = 0; press < 30; press++) {
    await page.keyboard.press("Tab");
    await expectFocusVisible(page);
    expect(await dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true);
  }
  for (let press = 0; press < 5; press++) {
    await page.keyboard.press("Shift+Tab");
    expect(await dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
  await expectFocusVisible(page);

  const help = conversationList(page).getByRole("button", { name: "Keyboard shortcuts" });
  await tabTo(page, help);
  await page.keyboard.press("Enter");
  const shortcuts = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(shortcuts.getByRole("button", { name: "Close" })).toBeFocused();
  await expectAccessible(page, "keyboard shortcuts dialog");
  await page.keyboard.press("Tab");
  await expect(shortcuts.getByRole("button", { name: "Close" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(shortcuts).toBeHidden();
  await expect(help).toBeFocused();
});
