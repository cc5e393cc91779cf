// The contact panel beside the thread: who the customer is (the team's name kept apart from the
// WhatsApp profile name), every conversation with them on every business number (openable), and
// the team's notes — live for a colleague.
import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { screenshotPath } from "./support/fixtures";
import { businessNumberLabel, customerWrites, newBusinessNumber, newCustomer } from "./support/customers";
import { expect, test } from "./support/inbox";
import { conversationIdOf } from "./support/inbox-db";
import { expectLive, openConversation, row, showOnlyNumber, thread } from "./support/inbox-ui";

const letters = () => [...randomBytes(4)].map((byte) => String.fromCharCode(97 + (byte % 26))).join("");
const panel = (page: Page) => page.getByRole("complementary", { name: "Contact" });

test("the panel shows the customer's other conversation and opens it; a new name reaches a colleague live", async ({
  admin,
  addAgent,
}) => {
  // Several pages and a live round trip each: on a loaded machine this outlasts the default 60 s.
  test.slow();
  const shop = newBusinessNumber();
  const support = newBusinessNumber();
  const ana = newCustomer(`Ana Lopes ${letters()}`);
  await customerWrites({ from: ana, to: shop, text: "Do you ship to Porto?" });
  await customerWrites({ from: ana, to: support, text: "My order arrived broken" });
  const shopId = await conversationIdOf({ customer: ana, number: shop });
  const supportId = await conversationIdOf({ customer: ana, number: support });

  await openConversation(admin.page, shopId, ana.name);
  const contact = panel(admin.page);
  await expect(contact).toContainText(`WhatsApp name${ana.name}`);
  await expect(contact).toContainText(`Number+${ana.waId}`);
  await expect(contact.getByRole("heading", { name: "Conversations (2)" })).toBeVisible();
  const items = contact.getByTestId("contact-conversation");
  await expect(items.filter({ hasText: `to ${businessNumberLabel(shop)}` })).toHaveAttribute("aria-current", "page");
  await admin.page.screenshot({ path: screenshotPath("inbox-contact-panel") });

  // The other conversation opens from the panel.
  await items.filter({ hasText: `to ${businessNumberLabel(support)}` }).click();
  await expect(admin.page).toHaveURL(new RegExp(`/inbox/${supportId}`));
  await expect(thread(admin.page).getByTestId("message").filter({ hasText: "My order arrived broken" })).toBeVisible();
  await expect(items.filter({ hasText: `to ${businessNumberLabel(support)}` })).toHaveAttribute("aria-current", "page");

  // The panel follows the conversations: a state set in the header, and the other conversation's
  // new message (live) moving it to the top.
  await expect(items.first()).toContainText(`to ${businessNumberLabel(support)}`);
  await admin.page.getByRole("combobox", { name: "State" }).selectOption("pending");
  await expect(items.filter({ hasText: `to ${businessNumberLabel(support)}` })).toContainText("this one · pending");
  await admin.page.getByRole("combobox", { name: "State" }).selectOption("open");
  await expect(items.filter({ hasText: `to ${businessNumberLabel(support)}` })).toContainText("this one · open");
  await customerWrites({ from: ana, to: shop, text: "Any news about Porto?" });
  await expect(items.first()).toContainText(`to ${businessNumberLabel(shop)}`);

  // Noor watches the list; the admin names the customer: her row shows the new name, live, while the
  // WhatsApp name stays as the customer set it.
  const noor = await addAgent(`Noor ${letters()}`);
  await noor.page.goto("/inbox");
  await expectLive(noor.page);
  await showOnlyNumber(noor.page, support);
  await expect(row(noor.page, supportId)).toContainText(ana.name);
  const newName = `Ana <VIP> ${letters()}`;
  await contact.getByRole("textbox", { name: "Name" }).fill(newName);
  await contact.getByRole("button", { name: "Save", exact: true }).click();
  await expect(thread(admin.page)).toHaveAccessibleName(`Conversation with ${newName}`);
  await expect(contact).toContainText(`WhatsApp name${ana.name}`);
  await expect(row(noor.page, supportId)).toContainText(newName, { timeout: 30_000 });
});

test("a customer who wrote to 14 numbers: the panel lists every conversation, on a deep link too, and the oldest opens", async ({
  admin,
}) => {
  test.slow();
  const ana = newCustomer(`Ana Braga ${letters()}`);
  const numbers = Array.from({ length: 14 }, () => newBusinessNumber());
  // One after another: the first number's conversation is the oldest, listed last (beyond the entries
  // the panel's first frame draws).
  for (const [index, number] of numbers.entries()) {
    await customerWrites({ from: ana, to: number, text: `Question ${index + 1}` });
  }
  const newestId = await conversationIdOf({ customer: ana, number: numbers.at(-1)! });
  const oldestId = await conversationIdOf({ customer: ana, number: numbers[0]! });

  await admin.page.goto(`/inbox/${newestId}`);
  const contact = panel(admin.page);
  await expect(contact.getByRole("heading", { name: "Conversations (14)" })).toBeVisible();
  const items = contact.getByTestId("contact-conversation");
  await expect(items).toHaveCount(14);
  await expect(items.first()).toHaveAttribute("aria-current", "page");
  const oldest = items.last();
  await expect(oldest).toContainText(`to ${businessNumberLabel(numbers[0]!)}`);
  await oldest.click();
  await expect(admin.page).toHaveURL(new RegExp(`/inbox/${oldestId}`));
  await expect(thread(admin.page).getByTestId("message").filter({ hasText: "Question 1" })).toBeVisible();
  // Opened by a click this time: the new panel lists all 14 again, the oldest marked.
  await expect(items).toHaveCount(14);
  await expect(items.last()).toHaveAttribute("aria-current", "page");
});

test("notes about the customer are kept; the panel collapses, and opens full screen at phone width", async ({
  admin,
}) => {
  // Several pages and a live round trip each: on a loaded machine this outlasts the default 60 s.
  test.slow();
  const number = newBusinessNumber();
  const bea = newCustomer(`Bea Costa ${letters()}`);
  await customerWrites({ from: bea, to: number, text: "Call me later" });
  const conversationId = await conversationIdOf({ customer: bea, number });
  await openConversation(admin.page, conversationId, bea.name);
  const contact = panel(admin.page);
  await expect(contact.getByRole("heading", { name: "Conversations (1)" })).toBeVisible();

  const notes = contact.getByRole("textbox", { name: "Notes about the customer" });
  await notes.fill("Prefers calls after 6 pm. <b>Not</b> bold.");
  await contact.getByRole("button", { name: "Save notes" }).click();
  await expect(contact.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();
  await admin.page.reload();
  await expect(panel(admin.page).getByRole("textbox", { name: "Notes about the customer" })).toHaveValue(
    "Prefers calls after 6 pm. <b>Not</b> bold.",
  );

  // The header's Contact button collapses the panel (and remembers it).
  const toggle = thread(admin.page).getByRole("button", { name: "Contact", exact: true });
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await expect(panel(admin.page)).toBeHidden();
  await toggle.click();
  await expect(panel(admin.page)).toBeVisible();

  // At phone width "Contact details" below the thread opens the panel full screen.
  await admin.page.setViewportSize({ width: 390, height: 844 });
  await panel(admin.page).getByRole("button", { name: "Contact details" }).click();
  await expect(panel(admin.page).getByRole("heading", { name: "Conversations (1)" })).toBeVisible();
  await admin.page.screenshot({ path: screenshotPath("inbox-contact-panel-phone") });
});
