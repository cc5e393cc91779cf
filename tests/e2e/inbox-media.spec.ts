// A customer's media in the thread: the photo shows inline (and opens in a viewer), a document
// downloads under its own name, and a file Meta no longer has says so and offers a retry.
import { expectAccessible } from "./support/accessibility";
import { gradientPng } from "../support/png";
import { customerSendsMedia, customerWrites, newBusinessNumber, newCustomer } from "./support/customers";
import { expect, test } from "./support/inbox";
import { conversationIdOf } from "./support/inbox-db";
import { metaHoldsMedia } from "./support/graph-control";
import { messages, openConversation, thread } from "./support/inbox-ui";

test("a customer's photo appears inline in the open thread and opens full size", async ({
  admin: { page },
}, testInfo) => {
  const number = newBusinessNumber();
  const ana = newCustomer("Ana Ferreira");
  await customerWrites({ from: ana, to: number, text: "I'll send you a photo of the box" });
  const conversationId = await conversationIdOf({ customer: ana, number });
  await openConversation(page, conversationId, ana.name);

  await customerSendsMedia({
    from: ana,
    to: number,
    type: "image",
    mimeType: "image/png",
    bytes: gradientPng(),
    caption: "The box arrived crushed",
  });
  const bubble = messages(page, "The box arrived crushed");
  const photo = bubble.getByRole("img", { name: "The box arrived crushed" });
  // A download in the background first (processing, Meta's URL, the file): on a loaded CI machine
  // that can take longer than one expect's default.
  await expect(photo).toBeVisible({ timeout: 30_000 });
  // Drawn, not just placed: the browser fetched it with the session and decoded it.
  await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(320);
  await expectAccessible(page, "thread · a customer's photo");
  await page.screenshot({ path: testInfo.outputPath("media-photo-desktop.png") });

  await bubble.getByRole("button", { name: "Open photo full size" }).click();
  const viewer = page.getByRole("dialog", { name: "The box arrived crushed" });
  await expect(viewer).toBeVisible();
  await expect(viewer.getByRole("img")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(viewer).toBeHidden();
});

test("a customer's document shows its name and size and downloads under that name", async ({
  admin: { page },
}, testInfo) => {
  const number = newBusinessNumber();
  const bruno = newCustomer("Bruno Lima");
  await customerWrites({ from: bruno, to: number, text: "Here is the invoice" });
  const conversationId = await conversationIdOf({ customer: bruno, number });
  await page.setViewportSize({ width: 390, height: 800 });
  await openConversation(page, conversationId, bruno.name);

  const pdf = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(2_048, 0x20), Buffer.from("\n%%EOF\n")]);
  await customerSendsMedia({
    from: bruno,
    to: number,
    type: "document",
    mimeType: "application/pdf",
    bytes: pdf,
    filename: "Invoice 4711.pdf",
  });
  const bubble = messages(page, "Invoice 4711.pdf");
  const link = bubble.getByRole("link", { name: "Download Invoice 4711.pdf" });
  await expect(link).toBeVisible({ timeout: 30_000 });
  await expect(bubble).toContainText("application/pdf · 2.0 KB");
  await expectAccessible(page, "thread · a customer's document, 390 px");
  await page.screenshot({ path: testInfo.outputPath("media-document-mobile.png") });

  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toBe("Invoice 4711.pdf");
  const saved = testInfo.outputPath("downloaded.pdf");
  await download.saveAs(saved);
  const { readFile } = await import("node:fs/promises");
  expect((await readFile(saved)).equals(pdf)).toBe(true);
});

test("a file Meta does not have shows why, and Retry downloads it once Meta has it", async ({
  admin: { page },
}, testInfo) => {
  const number = newBusinessNumber();
  const carla = newCustomer("Carla Mendes");
  await customerWrites({ from: carla, to: number, text: "Voice note coming" });
  const conversationId = await conversationIdOf({ customer: carla, number });
  await openConversation(page, conversationId, carla.name);

  const voice = Buffer.from("OggS voice note bytes");
  const { mediaId } = await customerSendsMedia({
    from: carla,
    to: number,
    type: "audio",
    mimeType: "audio/ogg",
    bytes: voice,
    metaHoldsIt: false,
  });
  const media = thread(page).getByTestId("media");
  await expect(media).toHaveAttribute("data-media-state", "failed", { timeout: 30_000 });
  await expect(media.getByRole("alert")).toContainText("Meta does not know this media id");
  await expectAccessible(page, "thread · a file Meta no longer has");
  await page.screenshot({ path: testInfo.outputPath("media-failed-desktop.png") });

  await metaHoldsMedia({ id: mediaId, mimeType: "audio/ogg", bytes: voice });
  await media.getByRole("button", { name: "Retry download" }).click();
  await expect(media).toHaveAttribute("data-media-state", "stored", { timeout: 30_000 });
  await expect(media.locator("audio")).toHaveAttribute("src", /^\/api\/media\//);
  await expect(media.getByRole("alert")).toHaveCount(0);
});
