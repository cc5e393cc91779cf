// The inbox screen as the specs see it: only what /work/notes/inbox-contract.md names (roles,
// labels, data-testids), so that a change of markup or styling breaks no test.
import { expect, type Locator, type Page } from "@playwright/test";
import type { BusinessNumber } from "./customers";

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
  await conversationList(page).getByRole("combobox", { name: "Number" }).selectOption({
    label: number.displayPhoneNumber,
  });
}

/** Presses a filter button ("Open", "Mine"…) of a group ("Status", "Assignee") and checks it took. */
export async function chooseFilter(page: Page, group: "Status" | "Assignee", name: string): Promise<void> {
  const button = conversationList(page).getByRole("group", { name: group }).getByRole("button", { name, exact: true });
  await button.click();
  await expect(button).toHaveAttribute("aria-pressed", "true");
}

/** The list's rows as the contact names they show, top to bottom (for order and filter checks). */
export async function expectRowsInOrder(page: Page, names: string[]): Promise<void> {
  await expect(rows(page)).toHaveCount(names.length);
  // An array: one row per name, in this order.
  await expect(rows(page)).toContainText(names);
}
