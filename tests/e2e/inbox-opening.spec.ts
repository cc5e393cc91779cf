// Opening a conversation shows it, not a loading state: a deep link's first HTML already holds the
// thread and the contact panel, and once the inbox has been idle a click on a row renders the
// thread at once (the thread's code was fetched meanwhile). A long thread's first frame draws only
// its newest bubbles; the rest of the page, and older pages on scrolling up, follow. A "Loading conversation…" flash costs
// more than its own frame: React holds the content back 300 ms after a fallback is shown.
import { randomBytes } from "node:crypto";
import { buildMessagesWebhook, sampleInboundMessage } from "../../lib/whatsapp/sample-payloads";
import { screenshotPath } from "./support/fixtures";
import { customerWrites, newBusinessNumber, newCustomer, postWebhook } from "./support/customers";
import { expect, test } from "./support/inbox";
import { conversationIdOf } from "./support/inbox-db";
import { expectLive, messages, openConversation, row, showOnlyNumber, thread } from "./support/inbox-ui";

const letters = () => [...randomBytes(4)].map((byte) => String.fromCharCode(97 + (byte % 26))).join("");
const LOADING = "Loading conversation…";

test("a deep link's first HTML holds the conversation and its contact panel", async ({ admin }) => {
  const number = newBusinessNumber();
  const customer = newCustomer(`Rui Deep ${letters()}`);
  const text = `Where is parcel ${letters()}?`;
  await customerWrites({ from: customer, to: number, text });
  const conversationId = await conversationIdOf({ customer, number });

  // The page as the server sends it, before any script runs (the admin's session cookie).
  const response = await admin.page.request.get(`/inbox/${conversationId}`);
  expect(response.status()).toBe(200);
  const html = await response.text();
  expect(html).toContain(text);
  expect(html).toContain('data-testid="contact-panel"');
  expect(html).not.toContain(LOADING);

  // And the browser takes it over as it is: hydrated, not thrown away and drawn again (React reports
  // a mismatch as a recoverable error, minified as #418 in a production build).
  const errors: string[] = [];
  admin.page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  admin.page.on("pageerror", (error) => errors.push(error.message));
  await openConversation(admin.page, conversationId, customer.name);
  await expect(messages(admin.page, text)).toBeVisible();
  await admin.page.waitForLoadState("networkidle");
  expect(errors.filter((error) => /hydrat|#418|#423|#425/i.test(error))).toEqual([]);
});

test("after the inbox has been idle, a click on a row opens the thread without a loading state", async ({ admin }) => {
  const number = newBusinessNumber();
  const customer = newCustomer(`Ines Click ${letters()}`);
  const text = `Is the blue one in stock ${letters()}?`;
  await customerWrites({ from: customer, to: number, text });
  const conversationId = await conversationIdOf({ customer, number });

  const { page } = admin;
  await page.goto("/inbox");
  await expectLive(page);
  await showOnlyNumber(page, number);
  // An idle callback asked for now runs after the inbox's own (they run in order), which starts
  // fetching the thread's code; then the network goes quiet once that has arrived.
  await page.evaluate(() => new Promise<void>((resolve) => requestIdleCallback(() => resolve())));
  await page.waitForLoadState("networkidle");
  // Anything the page shows from here on is recorded, however briefly it is on screen.
  await page.evaluate((loading) => {
    const seen: string[] = [];
    (window as unknown as { __e2eShown: string[] }).__e2eShown = seen;
    new MutationObserver(() => {
      if (document.body.textContent?.includes(loading)) seen.push(loading);
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  }, LOADING);

  await row(page, conversationId).click();
  await expect(messages(page, text)).toBeVisible();
  await expect(thread(page)).toHaveAccessibleName(`Conversation with ${customer.name}`);
  const shown = await page.evaluate(() => (window as unknown as { __e2eShown: string[] }).__e2eShown);
  expect(shown, "the click showed a loading state").toEqual([]);
});

test("a long thread opens on its newest message; every older one follows, with its day, back to the start", async ({
  admin,
}) => {
  const number = newBusinessNumber();
  const customer = newCustomer(`Tomas Long ${letters()}`);
  // 75 messages in one webhook (Meta batches too): 40 two days ago, 35 in the last hour. The newest
  // page holds the last 50 (15 of them from two days ago), the older page the first 25.
  const now = Math.floor(Date.now() / 1000);
  const tag = letters();
  const texts = Array.from({ length: 75 }, (_, index) => `Line ${index + 1} of ${tag}`);
  await postWebhook(
    buildMessagesWebhook({
      phoneNumberId: number.phoneNumberId,
      displayPhoneNumber: number.displayPhoneNumber,
      contacts: [{ waId: customer.waId, name: customer.name }],
      messages: texts.map((text, index) =>
        sampleInboundMessage("text", {
          from: customer.waId,
          text,
          timestamp: index < 40 ? now - 2 * 86_400 + index : now - 3_600 + index,
        }),
      ),
    }),
  );
  const conversationId = await conversationIdOf({ customer, number });
  await expect
    .poll(async () => (await admin.page.request.get(`/api/conversations/${conversationId}/messages?limit=1`)).json())
    .toMatchObject({ messages: [{ text: texts[74] }] });

  const { page } = admin;
  await openConversation(page, conversationId, customer.name);
  const bubbles = thread(page).getByTestId("message");
  await expect(messages(page, texts[74]!)).toBeInViewport();
  // The whole newest page, its two days marked, and nothing said about the start yet.
  await expect(bubbles).toHaveCount(50);
  await expect(bubbles.first()).toContainText(`${texts[25]}`);
  await expect(thread(page).getByTestId("day-separator")).toHaveCount(2);
  await expect(thread(page).getByText("Start of the conversation")).toHaveCount(0);

  // Scrolling up brings the older page; the first day is still one separator, above line 1.
  await thread(page)
    .getByTestId("message-list")
    .evaluate((list) => list.scrollTo({ top: -list.scrollHeight }));
  await expect(bubbles).toHaveCount(75);
  await expect(bubbles.first()).toContainText(`${texts[0]}`);
  await expect(thread(page).getByTestId("day-separator")).toHaveCount(2);
  await expect(thread(page).getByText("Start of the conversation")).toBeVisible();
  await page.screenshot({ path: screenshotPath("inbox-long-thread-start") });
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(thread(page).getByText("Start of the conversation")).toBeVisible();
  await page.screenshot({ path: screenshotPath("inbox-long-thread-start-phone") });

  // The first message is at the top of the thread's view: its reaction menu opens below it, and the
  // full picker is whole there (a click on its search box lands on it).
  const first = messages(page, texts[0]!);
  await first.hover();
  await first.getByRole("button", { name: "React", exact: true }).click();
  const menu = page.getByRole("dialog", { name: "React to this message" });
  await menu.getByRole("button", { name: "More emoji" }).click();
  const search = menu.getByLabel("Search emoji");
  await search.click({ timeout: 5_000 });
  await page.keyboard.type("heart");
  await expect(search).toHaveValue("heart");
  const [menuBox, bubbleBox] = await Promise.all([menu.boundingBox(), first.boundingBox()]);
  expect(menuBox!.y).toBeGreaterThan(bubbleBox!.y);
  await page.screenshot({ path: screenshotPath("reaction-menu-below-390") });
});
