// An agent sends a file: attached with the paperclip, checked against WhatsApp's limits in the
// browser, shown at once from our own store, uploaded to Meta and sent by the id Meta gave (never a
// link), then ✓ when Meta accepts it.
import { expectAccessible } from "./support/accessibility";
import { createHash } from "node:crypto";
import { gradientPng } from "../support/png";
import { customerWrites, newBusinessNumber, newCustomer } from "./support/customers";
import { screenshotPath } from "./support/fixtures";
import { graphRequests, graphUploads } from "./support/graph-control";
import { expect, test } from "./support/inbox";
import { conversationIdOf } from "./support/inbox-db";
import { composer, messages, openConversation, replyBox } from "./support/inbox-ui";

test.describe.configure({ timeout: 120_000 });

test("an agent attaches a PDF: the bubble shows it at once, Meta gets the upload then the document by id, ✓", async ({
  admin: { page },
}) => {
  const number = newBusinessNumber();
  const customer = newCustomer("Inês Carvalho");
  await customerWrites({ from: customer, to: number, text: "Could you send me the invoice?" });
  const conversationId = await conversationIdOf({ customer, number });
  await openConversation(page, conversationId, customer.name);

  // A file WhatsApp refuses is stopped in the browser, with the limit named, and nothing is sent.
  let chooser = page.waitForEvent("filechooser");
  await composer(page).getByRole("button", { name: "Attach a file" }).click();
  await (
    await chooser
  ).setFiles({ name: "huge.png", mimeType: "image/png", buffer: Buffer.alloc(5 * 1024 * 1024 + 10, 7) });
  const tray = composer(page).getByRole("region", { name: "Attachment" });
  await expect(tray.getByRole("alert")).toHaveText(
    "This PNG image is 5 MB (5,242,890 bytes); WhatsApp accepts at most 5 MB (5,242,880 bytes) for a PNG image.",
  );
  await expect(tray.getByRole("button", { name: "Send file" })).toHaveCount(0);
  await tray.getByRole("button", { name: "Remove the attachment" }).click();
  await expect(tray).toHaveCount(0);

  const pdf = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(40_000, 0x20), Buffer.from("\n%%EOF\n")]);
  chooser = page.waitForEvent("filechooser");
  await composer(page).getByRole("button", { name: "Attach a file" }).click();
  await (await chooser).setFiles({ name: "Invoice 4711.pdf", mimeType: "application/pdf", buffer: pdf });
  await expect(tray.getByTestId("attachment-name")).toHaveText("Invoice 4711.pdf");
  await expect(tray).toContainText("PDF · 39 KB");
  await tray.getByRole("textbox", { name: "Caption" }).fill("Your invoice for March");
  await expectAccessible(page, "composer · a file attached");
  await page.screenshot({ path: screenshotPath("composer · a file attached") });
  await tray.getByRole("button", { name: "Send file" }).click();

  // At once, from our own store: the document with its name and a download link.
  const bubble = messages(page, "Invoice 4711.pdf");
  await expect(bubble.getByRole("link", { name: "Download Invoice 4711.pdf" })).toBeVisible();
  await expect(bubble).toContainText("Your invoice for March");
  await expect(tray).toHaveCount(0);

  // The send worker uploads it, then sends the documented body naming the uploaded id.
  await expect(bubble.getByTestId("message-ticks")).toHaveAttribute("aria-label", "Sent", { timeout: 30_000 });
  const sends = (await graphRequests({ to: customer.waId })).filter((request) => request.body.type === "document");
  expect(sends).toHaveLength(1);
  const document = sends[0]!.body.document as { id: string };
  // The id names the file Meta was given first: these bytes, this name, this number.
  const upload = (await graphUploads()).find((entry) => entry.id === document.id);
  expect(upload).toMatchObject({
    phoneNumberId: number.phoneNumberId,
    type: "application/pdf",
    messagingProduct: "whatsapp",
    fileType: "application/pdf",
    filename: "Invoice 4711.pdf",
    size: pdf.length,
    sha256: createHash("sha256").update(pdf).digest("hex"),
  });
  expect(sends[0]!.at).toBeGreaterThan(upload!.at);
  expect(sends[0]!.body).toEqual({
    messaging_product: "whatsapp",
    recipient_type: "individual",
    to: customer.waId,
    type: "document",
    document: { id: upload!.id, caption: "Your invoice for March", filename: "Invoice 4711.pdf" },
  });
  await expectAccessible(page, "thread · a file we sent");
  await page.screenshot({ path: screenshotPath("thread · a file we sent") });
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(bubble.getByRole("link", { name: "Download Invoice 4711.pdf" })).toBeVisible();
  await page.screenshot({ path: screenshotPath("outbound-media-sent-390") });
});

test("a pasted screenshot and a dropped file become the attachment; the photo is sent as an image by id", async ({
  admin: { page },
}) => {
  const number = newBusinessNumber();
  const customer = newCustomer("Tomás Ribeiro");
  await customerWrites({ from: customer, to: number, text: "What does the label look like?" });
  const conversationId = await conversationIdOf({ customer, number });
  await openConversation(page, conversationId, customer.name);
  const tray = composer(page).getByRole("region", { name: "Attachment" });

  // A file dropped on the composer.
  await composer(page).evaluate((target) => {
    const data = new DataTransfer();
    data.items.add(new File(["plain notes"], "notes.txt", { type: "text/plain" }));
    target.dispatchEvent(new DragEvent("dragover", { dataTransfer: data, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
  });
  await expect(tray.getByTestId("attachment-name")).toHaveText("notes.txt");
  await expect(tray).toContainText("text file · 11 bytes");
  await tray.getByRole("button", { name: "Remove the attachment" }).click();
  await expect(tray).toHaveCount(0);

  // An image pasted into the reply box (a screenshot): attached, not pasted as text.
  const png = gradientPng();
  await replyBox(page).evaluate((box, base64) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const data = new DataTransfer();
    data.items.add(new File([bytes], "image.png", { type: "image/png" }));
    box.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, png.toString("base64"));
  await expect(tray.getByTestId("attachment-name")).toHaveText("image.png");
  await expect(replyBox(page)).toHaveValue("");
  await tray.getByRole("textbox", { name: "Caption" }).fill("This label");
  await tray.getByRole("textbox", { name: "Caption" }).press("Enter");

  const bubble = messages(page, "This label");
  const photo = bubble.getByRole("img", { name: "This label" });
  await expect(photo).toBeVisible();
  await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(320);
  await expect(bubble.getByTestId("message-ticks")).toHaveAttribute("aria-label", "Sent", { timeout: 30_000 });
  const [sent] = (await graphRequests({ to: customer.waId })).filter((request) => request.body.type === "image");
  const image = sent!.body.image as { id: string; caption: string };
  expect(image.caption).toBe("This label");
  const upload = (await graphUploads()).find((entry) => entry.id === image.id);
  expect(upload).toMatchObject({
    type: "image/png",
    fileType: "image/png",
    sha256: createHash("sha256").update(png).digest("hex"),
  });
  await page.setViewportSize({ width: 390, height: 844 });
  await expectAccessible(page, "thread · a photo we sent, 390 px");
  await page.screenshot({ path: screenshotPath("thread · a photo we sent, 390 px") });
});
