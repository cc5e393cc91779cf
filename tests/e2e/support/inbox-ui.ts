// The inbox screen as the specs see it: only what /work/notes/inbox-contract.md names (roles,
// labels, data-testids), so that a change of markup or styling breaks no test.
import { expect, type Locator, type Page } from "@playwright/test";
import { type BusinessNumber, businessNumberLabel } from "./customers";

export const conversationList = (page: Page) => page.getByRole("navigation", { name: "Conversations" });

export const rows = (page: Page) => conversationList(page).getByTestId("conversation-row");

/** One conversation's row in the list, whichever filters the list shows it under. */
export const row = (page: Page, conversationId: string) =>
  conversationList(page).locator(`[data-testid="conversation-row"][data-conversation-id="${conversationId}"]`);

export const thread = (page: Page) => page.getByTestId("thread");

/** Message bubbles of the open thread holding this text. */
export const messages = (page: Page, text: string | RegExp) =>
  thread(page).getByTestId("message").filter({ hasText: text });

export const connectionStatus = (page: Page) => page.getByTestId("connection-status");

/** Waits for the live connection, so that what follows is seen arriving, not loaded with the page. */
export async function expectLive(page: Page): Promise<void> {
  await expect(connectionStatus(page)).toHaveAttribute("data-state", "connected");
}

/** Opens /inbox/<id> and waits for its thread and the live connection. */
export async function openConversation(page: Page, conversationId: string, contactName: string): Promise<Locator> {
  await page.goto(`/inbox/${conversationId}`);
  await expect(thread(page)).toHaveAccessibleName(`Conversation with ${contactName}`);
  await expectLive(page);
  return thread(page);
}

/**
 * Narrows the list to one of our numbers, which a test has to itself: whatever other tests add
 * meanwhile, the list then holds only this test's conversations. The number must have received its
 * first message before the page loaded (the Number menu lists the numbers the page was given).
 */
export async function showOnlyNumber(page: Page, number: BusinessNumber): Promise<void> {
  await conversationList(page)
    .getByRole("combobox", { name: "Number" })
    .selectOption({
      label: businessNumberLabel(number),
    });
}

/** Presses a filter button ("Open", "Mine"…) of a group ("Status", "Assignee") and checks it took. */
export async function chooseFilter(page: Page, group: "Status" | "Assignee", name: string): Promise<void> {
  // A tab's name is its label and, once loaded, its count ("Open, 3").
  const button = conversationList(page)
    .getByRole("group", { name: group })
    .getByRole("button", { name: new RegExp(`^${name}(,|$)`) });
  await button.click();
  await expect(button).toHaveAttribute("aria-pressed", "true");
}

/** The list's rows as the contact names they show, top to bottom (for order and filter checks). */
export async function expectRowsInOrder(page: Page, names: string[]): Promise<void> {
  // One retrying check of the whole list: exactly these rows, each holding its name, in this order.
  await expect(rows(page)).toHaveText(names.map((name) => new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))));
}

/** Marks the loaded document, so that a test can tell it was never reloaded. */
export async function markDocument(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { __e2eSameDocument?: boolean }).__e2eSameDocument = true;
  });
}

/** What arrived was shown by the page itself: no reload, no navigation away and back. */
export async function expectSameDocument(page: Page): Promise<void> {
  const same = await page.evaluate(() => (window as unknown as { __e2eSameDocument?: boolean }).__e2eSameDocument);
  expect(same, "the page was reloaded").toBe(true);
}

/** The unread total the server reports for whoever is signed in on this page. */
export async function unreadConversations(page: Page): Promise<number> {
  const response = await page.request.get("/api/conversations/unread");
  expect(response.status()).toBe(200);
  return ((await response.json()) as { unreadConversations: number }).unreadConversations;
}

/** The tab title shows the signed-in agent's unread conversations as the server counts them (99+ from 100). */
export async function expectTitleCountsUnread(page: Page): Promise<void> {
  // Other tests' customers write all the time: retry until the title and the count agree.
  await expect(async () => {
    const count = await unreadConversations(page);
    const shown = count >= 100 ? "99+" : String(count);
    const title = count > 0 ? `(${shown}) Inbox · WhatsApp Inbox` : "Inbox · WhatsApp Inbox";
    await expect(page).toHaveTitle(title, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
}

/** The reply box of the open thread. */
export const composer = (page: Page) => thread(page).getByTestId("composer");
export const replyBox = (page: Page) => composer(page).getByRole("textbox", { name: "Reply to the customer" });
