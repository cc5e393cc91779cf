// A keyboard user never loses their place: whatever an action removes, disables or hides, the focus
// goes somewhere that makes sense — never back to the page's start — and a highlighted option is
// always on screen. Found in a keyboard-only walk of the team's tools at 1280 and 390 px.
import { randomBytes } from "node:crypto";
import type { Locator, Page } from "@playwright/test";
import { expectAccessible } from "./support/accessibility";
import { businessNumberLabel, customerWrites, newBusinessNumber, newCustomer } from "./support/customers";
import { screenshotPath } from "./support/fixtures";
import { expect, test } from "./support/inbox";
import { conversationIdOf } from "./support/inbox-db";
import { composer, expectLive, openConversation, row, showOnlyNumber, thread } from "./support/inbox-ui";

test.describe.configure({ timeout: 120_000 });

const letters = () => [...randomBytes(4)].map((byte) => String.fromCharCode(97 + (byte % 26))).join("");
const panel = (page: Page) => page.getByRole("complementary", { name: "Contact" });

async function post(page: Page, baseUrl: string, path: string, data: unknown): Promise<void> {
  const response = await page.request.post(path, { headers: { origin: baseUrl }, data });
  expect(response.status(), await response.text()).toBe(201);
}

/** The option the combobox `box` highlights lies wholly inside its scrolling `list`. */
async function expectHighlightedInView(box: Locator, list: Locator): Promise<void> {
  const id = await box.getAttribute("aria-activedescendant");
  expect(id).toBeTruthy();
  const option = list.page().locator(`[id="${id}"]`);
  const [shown, frame] = await Promise.all([option.boundingBox(), list.boundingBox()]);
  expect(shown!.y).toBeGreaterThanOrEqual(frame!.y - 1);
  expect(shown!.y + shown!.height).toBeLessThanOrEqual(frame!.y + frame!.height + 1);
}

test("labels, availability and the contact panel keep the keyboard's place at 1280 px", async ({ admin, inbox }) => {
  const suffix = letters();
  const shop = newBusinessNumber();
  const support = newBusinessNumber();
  const ines = newCustomer(`Inês Prado ${suffix}`);
  await customerWrites({ from: ines, to: shop, text: "Is the blue one back in stock?" });
  await customerWrites({ from: ines, to: support, text: "The zip broke" });
  const shopId = await conversationIdOf({ customer: ines, number: shop });
  const supportId = await conversationIdOf({ customer: ines, number: support });
  const labelNames = Array.from({ length: 12 }, (_, index) => `Focus ${suffix} ${String(index + 1).padStart(2, "0")}`);
  for (const name of labelNames) await post(admin.page, inbox.baseUrl, "/api/labels", { name, color: "blue" });
  const attribute = `Order ${suffix}`;
  await post(admin.page, inbox.baseUrl, "/api/contact-attributes", { name: attribute, type: "text" });

  const page = admin.page;
  await openConversation(page, shopId, ines.name);
  const keys = page.keyboard;

  // `l`, then the arrows past the list's edge: the highlighted label scrolls into view.
  await page.locator("body").press("l");
  const search = page.getByRole("combobox", { name: "Labels of this conversation: search" });
  await expect(search).toBeFocused();
  await keys.type(`focus ${suffix}`);
  const list = page.getByRole("listbox", { name: "Labels of this conversation" });
  await expect(list.getByRole("option")).toHaveCount(12);
  for (let step = 0; step < 11; step++) await keys.press("ArrowDown");
  await expectHighlightedInView(search, list);
  await keys.press("Enter");
  const labels = thread(page).getByRole("group", { name: "Labels" });
  await expect(labels.getByTestId("label-chip")).toContainText(labelNames[11]!);
  // Tab leaves the picker, and the picker closes behind it (it stayed open over the controls).
  await keys.press("Tab");
  await expect(page.getByTestId("label-picker")).toHaveCount(0);
  await expect(thread(page).getByRole("combobox", { name: "State" })).toBeFocused();

  // Removing the label by its chip's ×: the focus goes to the labels button, not to the page.
  await labels.getByRole("button", { name: `Remove label ${labelNames[11]}` }).focus();
  await keys.press("Enter");
  await expect(labels.getByTestId("label-chip")).toHaveCount(0);
  await expect(labels.getByRole("button", { name: /edit labels/ })).toBeFocused();

  // Availability switches and keeps the focus, so Space can switch it back.
  const availability = page.getByTestId("availability");
  const before = await availability.getAttribute("aria-label");
  await availability.focus();
  await keys.press("Enter");
  await expect(availability).not.toHaveAttribute("aria-label", before!);
  await expect(availability).toBeFocused();
  await keys.press("Space");
  await expect(availability).toHaveAttribute("aria-label", before!);
  await expect(availability).toBeFocused();

  // The name saved with Enter says so, as the notes and attributes do.
  const contact = panel(page);
  const name = contact.getByRole("textbox", { name: "Name", exact: true });
  await name.fill(`Inês P. ${suffix}`);
  await keys.press("Enter");
  await expect(contact.getByRole("form", { name: "Customer name" }).getByRole("status")).toHaveText("Saved.");
  await expect(name).toBeFocused();

  // An attribute saved from its button: "Saved" takes the button's place, the focus goes to the field.
  const order = contact.getByRole("textbox", { name: attribute });
  await order.fill("B-2044");
  await keys.press("Tab");
  await expect(contact.getByRole("button", { name: `Save ${attribute}` })).toBeFocused();
  await keys.press("Enter");
  await expect(contact.getByRole("form", { name: attribute }).getByRole("status")).toHaveText("Saved");
  await expect(order).toBeFocused();

  // Notes saved from their button: the button stays focused (it was disabled, which dropped it).
  await contact.getByRole("textbox", { name: "Notes about the customer" }).fill("Prefers WhatsApp to calls.");
  await keys.press("Tab");
  const saveNotes = contact.getByRole("button", { name: "Save notes" });
  await expect(saveNotes).toBeFocused();
  await keys.press("Enter");
  await expect(contact.getByRole("form", { name: "Notes about the customer" }).getByRole("status")).toHaveText("Saved");
  await expect(saveNotes).toBeFocused();
  await expect(saveNotes).toBeDisabled();

  // The customer's other conversation, opened from the panel: the focus goes to it.
  await contact
    .getByTestId("contact-conversation")
    .filter({ hasText: `to ${businessNumberLabel(support)}` })
    .focus();
  await keys.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/inbox/${supportId}`));
  await expect(thread(page)).toBeFocused();
  await expectAccessible(page, "thread · focused after opening from the contact panel");
});

test("at 390 px: a conversation opened takes the focus, Back returns it to the row, contact details open full screen", async ({
  admin,
  inbox,
}) => {
  const suffix = letters();
  const number = newBusinessNumber();
  const rui = newCustomer(`Rui Matos ${suffix}`);
  await customerWrites({ from: rui, to: number, text: "Can I change my delivery address?" });
  const conversationId = await conversationIdOf({ customer: rui, number });
  for (let index = 1; index <= 8; index++) {
    await post(admin.page, inbox.baseUrl, "/api/canned-replies", {
      title: `Answer ${index}`,
      shortcut: `f${suffix}${index}`,
      text: `Canned answer ${index}`,
      scope: "shared",
    });
  }
  const page = admin.page;
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/inbox");
  await expectLive(page);
  await showOnlyNumber(page, number);
  const keys = page.keyboard;

  // Enter on the row hides the list: the focus goes to the conversation, then Back brings it home.
  await row(page, conversationId).focus();
  await keys.press("Enter");
  await expect(thread(page)).toHaveAccessibleName(`Conversation with ${rui.name}`);
  await expect(thread(page)).toBeFocused();
  await keys.press("Tab");
  const back = thread(page).getByRole("button", { name: "Back to conversations" });
  await expect(back).toBeFocused();
  await keys.press("Enter");
  await expect(row(page, conversationId)).toBeFocused();

  // `/` lists 8 canned replies in a box that shows about 5: the highlighted one scrolls into view.
  await keys.press("Enter");
  await expect(thread(page)).toBeFocused();
  const reply = composer(page).getByRole("textbox", { name: "Reply to the customer" });
  await reply.focus();
  await keys.type(`/f${suffix}`);
  const canned = page.getByTestId("composer-suggestions");
  await expect(canned.getByRole("option")).toHaveCount(8);
  for (let step = 0; step < 7; step++) await keys.press("ArrowDown");
  await expectHighlightedInView(reply, canned);
  await keys.press("Escape");
  await reply.fill("");

  // Contact details open over the whole screen (a disclosure left the messages ~55 px); Escape
  // closes them and the focus returns to the button.
  const details = panel(page).getByRole("button", { name: "Contact details" });
  await details.focus();
  await keys.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Contact details" });
  await expect(dialog.getByRole("textbox", { name: "Notes about the customer" })).toBeVisible();
  const sheet = await dialog.boundingBox();
  expect(sheet!.height).toBeGreaterThanOrEqual(844 - 1);
  await expect(dialog.locator(":focus")).toHaveCount(1);
  await expectAccessible(page, "contact details at 390 px");
  await page.screenshot({ path: screenshotPath("contact-details-390") });
  await keys.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(details).toBeFocused();
});
