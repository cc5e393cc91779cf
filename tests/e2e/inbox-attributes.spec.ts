// Custom contact attributes: an admin defines them in Settings → Contact attributes, an agent fills
// them in on a customer's contact panel (each with its type's input), a reload keeps them, a
// colleague's open panel follows live, phone width works, and deleting one says how many lose it.
import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { screenshotPath } from "./support/fixtures";
import { customerWrites, newBusinessNumber, newCustomer } from "./support/customers";
import { expect, test } from "./support/inbox";
import { conversationIdOf } from "./support/inbox-db";
import { expectLive, openConversation } from "./support/inbox-ui";

const letters = () => [...randomBytes(4)].map((byte) => String.fromCharCode(97 + (byte % 26))).join("");
const panel = (page: Page) => page.getByRole("complementary", { name: "Contact" });
const settingsRow = (page: Page, name: string) => page.getByTestId("attribute-row").filter({ hasText: name });

/** Settings → Contact attributes: the admin adds one through the form. */
async function addAttribute(page: Page, name: string, type: "Text" | "Number" | "Yes / no") {
  await page.getByRole("button", { name: "Add an attribute" }).click();
  const form = page.getByRole("form", { name: "New attribute" });
  await form.getByRole("textbox", { name: "Name" }).fill(name);
  await form.getByRole("radio", { name: type }).check();
  await form.getByRole("button", { name: "Add", exact: true }).click();
  await expect(settingsRow(page, name)).toContainText(type);
}

test("an admin defines Order number and VIP; an agent fills them in, a reload keeps them, a colleague sees them live", async ({
  admin,
  addAgent,
}) => {
  // Several pages and a live round trip: on a loaded machine this outlasts the default 60 s.
  test.slow();
  const suffix = letters();
  const orderNumber = `Order number ${suffix}`;
  const vip = `VIP ${suffix}`;
  await admin.page.goto("/settings");
  await admin.page.getByRole("link", { name: "Manage contact attributes →" }).click();
  await expect(admin.page.getByRole("heading", { name: "Contact attributes", level: 1 })).toBeVisible();
  await addAttribute(admin.page, orderNumber, "Text");
  await expect(settingsRow(admin.page, orderNumber)).toContainText(`order_number_${suffix}`);
  await addAttribute(admin.page, vip, "Yes / no");
  await admin.page.screenshot({ path: screenshotPath("settings-contact-attributes"), fullPage: true });
  await admin.page.setViewportSize({ width: 390, height: 844 });
  await admin.page.screenshot({ path: screenshotPath("settings-contact-attributes-phone"), fullPage: true });
  await admin.page.setViewportSize({ width: 1280, height: 800 });

  const number = newBusinessNumber();
  const customer = newCustomer(`Rui Alves ${letters()}`);
  await customerWrites({ from: customer, to: number, text: "Where is my order?" });
  const conversationId = await conversationIdOf({ customer, number });

  // The admin keeps the customer's panel open while an agent fills in the attributes.
  await openConversation(admin.page, conversationId, customer.name);
  await expectLive(admin.page);
  const noor = await addAgent(`Noor ${letters()}`);
  await openConversation(noor.page, conversationId, customer.name);
  const contact = panel(noor.page);
  const order = contact.getByRole("textbox", { name: orderNumber });
  await expect(order).toHaveValue("");
  await order.fill("A-1001 <b>rush</b>");
  await order.press("Enter");
  await expect(contact.getByRole("form", { name: orderNumber }).getByRole("status")).toHaveText("Saved");
  await contact.getByRole("combobox", { name: vip }).selectOption({ label: "Yes" });
  await contact.getByRole("button", { name: `Save ${vip}` }).click();
  await expect(contact.getByRole("form", { name: vip }).getByRole("status")).toHaveText("Saved");

  // Live in the admin's open panel, and kept over a reload.
  await expect(panel(admin.page).getByRole("textbox", { name: orderNumber })).toHaveValue("A-1001 <b>rush</b>", {
    timeout: 30_000,
  });
  await expect(panel(admin.page).getByRole("combobox", { name: vip })).toHaveValue("true");
  await noor.page.screenshot({ path: screenshotPath("inbox-contact-attributes") });
  await noor.page.reload();
  await expect(panel(noor.page).getByRole("textbox", { name: orderNumber })).toHaveValue("A-1001 <b>rush</b>");
  await expect(panel(noor.page).getByRole("combobox", { name: vip })).toHaveValue("true");

  // At phone width the panel opens full screen from "Contact details", and its fields still work: emptying one removes it.
  await noor.page.setViewportSize({ width: 390, height: 844 });
  await panel(noor.page).getByRole("button", { name: "Contact details" }).click();
  const phoneOrder = panel(noor.page).getByRole("textbox", { name: orderNumber });
  await phoneOrder.scrollIntoViewIfNeeded();
  await phoneOrder.fill("");
  await panel(noor.page)
    .getByRole("button", { name: `Save ${orderNumber}` })
    .click();
  await expect(panel(noor.page).getByRole("form", { name: orderNumber }).getByRole("status")).toHaveText("Saved");
  await expect(phoneOrder).toHaveValue("");
  await noor.page.screenshot({ path: screenshotPath("inbox-contact-attributes-phone"), fullPage: true });
  await expect(panel(admin.page).getByRole("textbox", { name: orderNumber })).toHaveValue("", { timeout: 30_000 });
});

test("deleting an attribute asks first, saying how many contacts lose their value; open panels drop the field", async ({
  admin,
  addAgent,
}) => {
  test.slow();
  const name = `Loyalty ${letters()}`;
  await admin.page.goto("/settings/contact-attributes");
  await addAttribute(admin.page, name, "Text");

  const number = newBusinessNumber();
  const customer = newCustomer(`Ines Sousa ${letters()}`);
  await customerWrites({ from: customer, to: number, text: "Hello" });
  const conversationId = await conversationIdOf({ customer, number });
  const sam = await addAgent(`Sam ${letters()}`);
  await openConversation(sam.page, conversationId, customer.name);
  await expectLive(sam.page);
  const field = panel(sam.page).getByRole("textbox", { name });
  await field.fill("Gold card");
  await field.press("Enter");
  await expect(panel(sam.page).getByRole("form", { name }).getByRole("status")).toHaveText("Saved");

  // The settings page was opened before the value was filled in: the dialog counts it all the same.
  await admin.page.getByRole("button", { name: `Delete ${name}` }).click();
  const dialog = admin.page.getByRole("dialog", { name: "Delete this attribute?" });
  await expect(dialog).toContainText(`“${name}” goes from every contact panel, and 1 contact loses its value`);
  await expect(settingsRow(admin.page, name)).toContainText("1 contact");
  await dialog.getByRole("button", { name: "Delete" }).click();
  await expect(settingsRow(admin.page, name)).toHaveCount(0);
  await expect(panel(sam.page).getByRole("textbox", { name })).toHaveCount(0, { timeout: 30_000 });
});

test("a list's options and a number: the agent picks an option; a number the server refuses is said next to the field", async ({
  admin,
}) => {
  test.slow();
  const suffix = letters();
  const tier = `Tier ${suffix}`;
  const spent = `Spent ${suffix}`;
  await admin.page.goto("/settings/contact-attributes");
  await admin.page.getByRole("button", { name: "Add an attribute" }).click();
  const form = admin.page.getByRole("form", { name: "New attribute" });
  await form.getByRole("textbox", { name: "Name" }).fill(tier);
  await form.getByRole("radio", { name: "List of options" }).check();
  await form.getByRole("textbox", { name: "Options" }).fill("Gold\nSilver\nBronze");
  await admin.page.screenshot({ path: screenshotPath("settings-contact-attribute-form") });
  await form.getByRole("button", { name: "Add", exact: true }).click();
  await expect(settingsRow(admin.page, tier)).toContainText("List of options: Gold, Silver, Bronze");
  await addAttribute(admin.page, spent, "Number");

  const number = newBusinessNumber();
  const customer = newCustomer(`Joana Reis ${letters()}`);
  await customerWrites({ from: customer, to: number, text: "Hi" });
  const conversationId = await conversationIdOf({ customer, number });
  await openConversation(admin.page, conversationId, customer.name);
  const contact = panel(admin.page);

  await contact.getByRole("combobox", { name: tier }).selectOption("Silver");
  await contact.getByRole("button", { name: `Save ${tier}` }).click();
  await expect(contact.getByRole("form", { name: tier }).getByRole("status")).toHaveText("Saved");

  const amount = contact.getByRole("textbox", { name: spent });
  await amount.fill("12 euros");
  await amount.press("Enter");
  await expect(contact.getByRole("form", { name: spent }).getByRole("alert")).toHaveText(
    "Not saved: Give a number such as 42 or -3.5 (at most 15 digits, 6 decimals)",
  );
  await expect(amount).toHaveAttribute("aria-invalid", "true");
  await admin.page.screenshot({ path: screenshotPath("inbox-contact-attribute-error") });
  await amount.fill("0012.50");
  await amount.press("Enter");
  await expect(amount).toHaveValue("12.5");
  await admin.page.reload();
  await expect(panel(admin.page).getByRole("combobox", { name: tier })).toHaveValue("Silver");
  await expect(panel(admin.page).getByRole("textbox", { name: spent })).toHaveValue("12.5");
});
