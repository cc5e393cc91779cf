// Templates in the browser: an admin syncs them from Meta and enables one; an agent reopens a
// closed conversation with it (form, live preview, the rendered bubble, ✓ then ✓✓), and starts a
// new conversation from a customer's number.
import { expectAccessible } from "./support/accessibility";
import { randomInt } from "node:crypto";
import { SAMPLE_WABA_ID } from "../../lib/whatsapp/sample-payloads";
import {
  businessNumberLabel,
  customerWrites,
  metaReportsStatuses,
  newBusinessNumber,
  newCustomer,
} from "./support/customers";
import { gradientPng } from "../support/png";
import { screenshotPath } from "./support/fixtures";
import { graphRequests, metaHasTemplate } from "./support/graph-control";
import { expect, test } from "./support/inbox";
import { chooseTemplate, syncAndEnable } from "./support/templates";
import { closeReplyWindow, conversationIdOf } from "./support/inbox-db";
import { composer, messages, openConversation, thread } from "./support/inbox-ui";

test.describe.configure({ timeout: 180_000 });

/** A template only this test uses, approved at Meta: "Hi {{first_name}}, your order {{order_id}} has shipped." */
async function orderTemplate(): Promise<string> {
  const name = `order_shipped_${randomInt(1e9)}`;
  await metaHasTemplate(SAMPLE_WABA_ID, {
    id: String(randomInt(1e12)),
    name,
    language: "en_US",
    status: "APPROVED",
    category: "UTILITY",
    parameter_format: "NAMED",
    components: [
      {
        type: "BODY",
        text: "Hi {{first_name}}, your order {{order_id}} has shipped.",
        example: {
          body_text_named_params: [
            { param_name: "first_name", example: "Rosa" },
            { param_name: "order_id", example: "A-1" },
          ],
        },
      },
      { type: "FOOTER", text: "Shop Example" },
      { type: "BUTTONS", buttons: [{ type: "QUICK_REPLY", text: "Thanks!" }] },
    ],
  });
  return name;
}

test("a closed window: the agent sends a template with a parameter — the bubble shows it, ✓ then ✓✓", async ({
  admin: { page },
}) => {
  const number = newBusinessNumber();
  const customer = newCustomer("Rosa Lima");
  await customerWrites({ from: customer, to: number, text: "Where is my order?" });
  const conversationId = await conversationIdOf({ customer, number });
  await closeReplyWindow(conversationId);
  const name = await orderTemplate();
  await syncAndEnable(page, name);
  await page.screenshot({ path: screenshotPath("templates-settings-1280"), fullPage: true });

  await openConversation(page, conversationId, customer.name);
  await expect(composer(page)).toHaveAttribute("data-locked", "true");
  await expectAccessible(page, "composer · locked, templates only");
  await composer(page).getByRole("button", { name: "Send a template" }).click();
  await chooseTemplate(page, "Send a template", name);
  const dialog = page.getByRole("dialog", { name: "Send a template" });
  // The contact's first name is prefilled; the order id is the agent's to give.
  await expect(dialog.getByLabel("Body first name")).toHaveValue("Rosa");
  await dialog.getByRole("button", { name: "Send template" }).click();
  await expect(dialog.getByText("Body order id is required")).toBeVisible();
  await expectAccessible(page, "template picker dialog · a parameter missing");
  await dialog.getByLabel("Body order id").fill("A-1042");
  await expect(dialog.getByTestId("template-preview")).toContainText("Hi Rosa, your order A-1042 has shipped.");
  await page.screenshot({ path: screenshotPath("template-picker-1280") });
  await dialog.getByRole("button", { name: "Send template" }).click();
  await expect(dialog).toBeHidden();

  const bubble = messages(page, "your order A-1042 has shipped");
  await expect(bubble.getByTestId("template-card")).toContainText("Shop Example");
  await expect(bubble.getByTestId("template-card")).toContainText("Thanks!");
  await expect(bubble).toHaveAttribute("data-wamid", /^wamid\./, { timeout: 30_000 });
  await expect(bubble.getByTestId("message-ticks")).toHaveAttribute("aria-label", "Sent");
  const [sent] = (await graphRequests({ to: customer.waId })).filter((request) => request.body.type === "template");
  expect(sent?.body.template).toEqual({
    name,
    language: { code: "en_US" },
    components: [
      {
        type: "body",
        parameters: [
          { type: "text", parameter_name: "first_name", text: "Rosa" },
          { type: "text", parameter_name: "order_id", text: "A-1042" },
        ],
      },
    ],
  });

  const wamid = (await bubble.getAttribute("data-wamid"))!;
  await metaReportsStatuses({
    number,
    recipient: customer,
    statuses: [{ wamid, status: "delivered", timestamp: Math.floor(Date.now() / 1000) + 1 }],
  });
  await expect(bubble.getByTestId("message-ticks")).toHaveAttribute("aria-label", "Delivered");
  await expectAccessible(page, "thread · template message, delivered");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: screenshotPath("template-bubble-390") });
  await page.goto("/settings/templates");
  await page.screenshot({ path: screenshotPath("templates-settings-390"), fullPage: true });
  await expectAccessible(page, "settings · templates at 390 px");
});

test("an image header: the agent attaches the picture, sees it in the preview and on the bubble, Meta gets it by id", async ({
  admin: { page },
}) => {
  const number = newBusinessNumber();
  const customer = newCustomer("Iris Novak");
  await customerWrites({ from: customer, to: number, text: "Anything new?" });
  const conversationId = await conversationIdOf({ customer, number });
  await closeReplyWindow(conversationId);
  const name = `new_arrivals_${randomInt(1e9)}`;
  await metaHasTemplate(SAMPLE_WABA_ID, {
    id: String(randomInt(1e12)),
    name,
    language: "en_US",
    status: "APPROVED",
    category: "MARKETING",
    parameter_format: "POSITIONAL",
    components: [
      { type: "HEADER", format: "IMAGE", example: { header_handle: ["4::aW1hZ2U="] } },
      { type: "BODY", text: "New in store, {{1}}!", example: { body_text: [["Iris"]] } },
    ],
  });
  await syncAndEnable(page, name);

  await openConversation(page, conversationId, customer.name);
  await composer(page).getByRole("button", { name: "Send a template" }).click();
  await chooseTemplate(page, "Send a template", name);
  const dialog = page.getByRole("dialog", { name: "Send a template" });
  await dialog.getByLabel("Body {{1}}").fill("Iris");
  await dialog.getByRole("button", { name: "Send template" }).click();
  await expect(dialog.getByText("Attach the header image")).toBeVisible();
  // A PDF is not an image: said before anything is uploaded.
  await dialog
    .getByLabel("Header image")
    .setInputFiles({ name: "a.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4") });
  await expect(dialog.getByText(/The header takes JPEG image, PNG image — not application\/pdf/)).toBeVisible();
  const picture = gradientPng(240, 160);
  await dialog.getByLabel("Header image").setInputFiles({ name: "spring.png", mimeType: "image/png", buffer: picture });
  const preview = dialog.getByTestId("template-preview").getByRole("img", { name: "Header image" });
  await expect(preview).toBeVisible();
  expect(await preview.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(240);
  await page.screenshot({ path: screenshotPath("template-image-header-1280") });
  await dialog.getByRole("button", { name: "Send template" }).click();
  await expect(dialog).toBeHidden();

  const bubble = messages(page, "New in store, Iris!");
  const image = bubble.getByRole("img", { name: "Header image" });
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((element: HTMLImageElement) => element.naturalWidth)).toBe(240);
  await expect(bubble).toHaveAttribute("data-wamid", /^wamid\./, { timeout: 30_000 });
  const [sent] = (await graphRequests({ to: customer.waId })).filter((request) => request.body.type === "template");
  const header = (sent?.body.template as { components: { type: string; parameters: { image?: { id?: string } }[] }[] })
    .components[0]!;
  expect(header.type).toBe("header");
  expect(header.parameters[0]!.image?.id).toMatch(/^\d+$/);
});

test("a new conversation: a badly formed number is refused, a good one is normalised and gets the template", async ({
  admin: { page },
}) => {
  const number = newBusinessNumber();
  // The business number becomes known (with its WABA) from its first webhook.
  const earlier = newCustomer("Someone Else");
  await customerWrites({ from: earlier, to: number, text: "Hi" });
  await conversationIdOf({ customer: earlier, number });
  const name = await orderTemplate();
  await syncAndEnable(page, name);
  await page.goto("/inbox");

  // The number's templates arrive while the agent types the number: no keystroke may leave its field.
  let releaseTemplates = () => {};
  const typed = new Promise<void>((resolve) => (releaseTemplates = resolve));
  await page.route("**/api/templates?phoneNumberId=*", async (route) => {
    await typed;
    await route.fallback();
  });
  await page.getByRole("button", { name: "New conversation" }).click();
  const dialog = page.getByRole("dialog", { name: "New conversation" });
  await dialog.getByLabel("From").selectOption({ label: businessNumberLabel(number) });
  const to = dialog.getByLabel("Customer’s WhatsApp number");
  await to.fill("12345");
  releaseTemplates();
  await expect(dialog.getByPlaceholder("Search templates")).toBeVisible();
  await expect(to).toBeFocused();
  await expect(to).toHaveValue("12345");
  await expect(dialog.getByPlaceholder("Search templates")).toHaveValue("");
  await page.unroute("**/api/templates?phoneNumberId=*");
  await to.blur();
  await expect(dialog.getByText(/Not a valid phone number/)).toBeVisible();
  await expectAccessible(page, "new conversation dialog · a bad number");

  const local = String(randomInt(1e7, 1e8));
  await to.fill(`+55 11 9${local.slice(0, 4)}-${local.slice(4)}`);
  await expect(dialog.getByText(`Will be sent to +55119${local}`)).toBeVisible();
  await chooseTemplate(page, "New conversation", name);
  await dialog.getByLabel("Body first name").fill("Tomás");
  await dialog.getByLabel("Body order id").fill("B-7");
  await expectAccessible(page, "new conversation dialog · template chosen");
  await page.setViewportSize({ width: 390, height: 844 });
  // On a phone the template's fields scroll inside the dialog; its button stays whole in view.
  const start = await dialog.getByRole("button", { name: "Start conversation" }).boundingBox();
  const frame = await dialog.boundingBox();
  expect(start!.y + start!.height).toBeLessThanOrEqual(frame!.y + frame!.height);
  await page.screenshot({ path: screenshotPath("new-conversation-390") });
  await page.setViewportSize({ width: 1280, height: 800 });
  await dialog.getByRole("button", { name: "Start conversation" }).click();
  await expect(dialog).toBeHidden();

  await expect(messages(page, "Hi Tomás, your order B-7 has shipped.")).toBeVisible();
  await expect(thread(page)).toBeVisible();
  await expect
    .poll(async () => (await graphRequests({ to: `55119${local}` })).map((request) => request.body.type))
    .toEqual(["template"]);
});
