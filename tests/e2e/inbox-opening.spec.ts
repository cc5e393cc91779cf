// Opening a conversation shows it, not a loading state: a deep link's first HTML already holds the
// thread and the contact panel, and once the inbox has been idle a click on a row renders the
// thread at once (the thread's code was fetched meanwhile). A "Loading conversation…" flash costs
// more than its own frame: React holds the content back 300 ms after a fallback is shown.
import { randomBytes } from "node:crypto";
import { customerWrites, newBusinessNumber, newCustomer } from "./support/customers";
import { expect, test } from "./support/inbox";
import { conversationIdOf } from "./support/inbox-db";
import { expectLive, messages, row, showOnlyNumber, thread } from "./support/inbox-ui";

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
