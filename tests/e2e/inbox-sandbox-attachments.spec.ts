// The customer's attachments, both sides at once: on the simulator (/sandbox) the customer sends a
// photo (chosen like any file), a voice note, and shares a location (by keyboard alone); the
// stand-in posts Meta's inbound webhooks and holds the files, which the inbox downloads the way it
// does from Meta — the agent's open thread shows the photo drawn, the voice note playable (3 s), and
// the location card, live.
import type { Page } from "@playwright/test";
import { gradientPng } from "../support/png";
import { expectAccessible } from "./support/accessibility";
import { newBusinessNumber, newCustomer, type Customer } from "./support/customers";
import { metaSimulates } from "./support/graph-control";
import { expect, test } from "./support/inbox";
import { conversationIdOf } from "./support/inbox-db";
import { connectionStatus, messages, thread } from "./support/inbox-ui";

test.describe.configure({ timeout: 180_000 });

async function openPhone(page: Page, customer: Customer) {
  await page.goto("/sandbox");
  await page.getByRole("list", { name: "Customers" }).getByRole("button", { name: customer.name }).click();
  const phone = page.getByRole("region", { name: `${customer.name}'s phone` });
  await expect(phone).toBeVisible();
  return phone;
}

test("the customer sends a photo, a voice note and a location from the simulator; the agent's thread shows the photo, plays the voice note and shows the location card", async ({
  admin,
}) => {
  const number = newBusinessNumber();
  const customer = newCustomer("Marta Souza");
  await metaSimulates(customer, number);
  const simulator = await admin.context.newPage();
  await simulator.setViewportSize({ width: 390, height: 844 });
  const phone = await openPhone(simulator, customer);
  const log = phone.getByRole("log", { name: "Messages" });

  await phone.getByRole("textbox", { name: /^Message as/ }).fill("My parcel arrived damaged");
  await phone.getByRole("button", { name: "Send", exact: true }).click();
  await expect(log.getByText("My parcel arrived damaged")).toBeVisible({ timeout: 30_000 });
  await admin.page.goto(`/inbox/${await conversationIdOf({ customer, number })}`);
  await expect(thread(admin.page)).toHaveAccessibleName(`Conversation with ${customer.name}`);
  await expect(connectionStatus(admin.page)).toHaveAttribute("data-state", "connected", { timeout: 60_000 });

  // A photo, with a caption, as a customer picks one from their gallery.
  await phone.getByRole("button", { name: "Attach", exact: true }).click();
  const [chooser] = await Promise.all([
    simulator.waitForEvent("filechooser"),
    phone.getByRole("group", { name: "Attach" }).getByRole("button", { name: "Photo" }).click(),
  ]);
  await chooser.setFiles({ name: "box.png", mimeType: "image/png", buffer: gradientPng() });
  await expect(phone.getByRole("status").filter({ hasText: "Photo: box.png" })).toBeVisible();
  await expectAccessible(simulator, "simulator · a photo ready to send, 390 px");
  const caption = phone.getByRole("textbox", { name: /^Caption as/ });
  await expect(caption).toBeFocused();
  await caption.fill("The box is crushed");
  await phone.getByRole("button", { name: "Send", exact: true }).click();
  await expect(log.getByText("The box is crushed")).toBeVisible({ timeout: 30_000 });

  // The agent's thread: the photo, downloaded from "Meta" and drawn.
  const photo = messages(admin.page, "The box is crushed").getByRole("img", { name: "The box is crushed" });
  await expect(photo).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(320);

  // A voice note: the simulator records a 3-second OGG/Opus clip; the agent's thread plays it.
  await phone.getByRole("button", { name: "Attach", exact: true }).click();
  await phone.getByRole("group", { name: "Attach" }).getByRole("button", { name: "Voice note" }).click();
  await expect(phone.getByRole("status").filter({ hasText: "Voice note: voice-note.ogg" })).toBeVisible();
  await phone.getByRole("button", { name: "Send", exact: true }).click();
  await expect(log.getByText("Voice note", { exact: true })).toBeVisible({ timeout: 30_000 });
  const voice = thread(admin.page).locator("audio");
  await expect(voice).toHaveAttribute("aria-label", "Voice message", { timeout: 30_000 });
  await expect.poll(() => voice.evaluate((audio: HTMLAudioElement) => audio.duration), { timeout: 30_000 }).toBe(3);

  // A location, by keyboard alone: Attach opens the choices, Location opens the form (filled with a sample place).
  await phone.getByRole("button", { name: "Attach", exact: true }).focus();
  await simulator.keyboard.press("Enter");
  const choices = phone.getByRole("group", { name: "Attach" });
  await expect(choices.getByRole("button", { name: "Photo" })).toBeFocused();
  await simulator.keyboard.press("Escape");
  await expect(choices).toBeHidden();
  await expect(phone.getByRole("button", { name: "Attach", exact: true })).toBeFocused();
  await simulator.keyboard.press("Enter");
  for (const name of ["Document", "Voice note", "Location"]) {
    await simulator.keyboard.press("Tab");
    await expect(choices.getByRole("button", { name })).toBeFocused();
  }
  await simulator.keyboard.press("Enter");
  const form = phone.getByRole("form", { name: "Share a location" });
  await expect(form.getByRole("textbox", { name: "Latitude" })).toBeFocused();
  await form.getByRole("textbox", { name: "Place name" }).fill("Loja Paulista");
  await simulator.keyboard.press("Enter");
  await expect(form).toBeHidden();
  await expect(log.getByText("Loja Paulista")).toBeVisible({ timeout: 30_000 });
  // Everything on the phone fits its 390 px screen.
  expect(await simulator.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  const card = messages(admin.page, "Loja Paulista");
  await expect(card).toBeVisible({ timeout: 30_000 });
  await expect(card).toContainText("Location");
  await expect(card).toContainText("Av. Paulista, 1578");
  await expect(card).toContainText("-23.561414, -46.655881");
  await expect(card.getByRole("link", { name: "Open map" })).toHaveAttribute(
    "href",
    /mlat=-23\.561414&mlon=-46\.655881/,
  );
});
