// The whole agent flow without a mouse: sign in, find the conversation (search and a filter), read
// it, reply, resolve — only keys, and at every step the focus is where the agent expects, with a
// ring that shows it.
import { randomBytes } from "node:crypto";
import { expectAccessible, expectFocusVisible, tabTo } from "./support/accessibility";
import { customerWrites, newBusinessNumber, newCustomer } from "./support/customers";
import { screenshotPath } from "./support/fixtures";
import { expect, test } from "./support/inbox";
import { conversationIdOf } from "./support/inbox-db";
import { conversationList, expectLive, expectRowsInOrder, messages, replyBox, row, thread } from "./support/inbox-ui";

// A long walk (sign-in, a send to the fake Meta, a resolve) with an axe check on the way.
test.describe.configure({ timeout: 180_000 });

test("sign in, find, read, reply and resolve with the keyboard alone", async ({ browser, inbox }) => {
  const number = newBusinessNumber();
  // A name no other test's customer has: the search finds this one conversation.
  const customer = newCustomer(`Rafaela Quintas ${randomBytes(3).toString("hex")}`);
  const other = newCustomer(`Rafael Quintanilha ${randomBytes(3).toString("hex")}`);
  await customerWrites({ from: other, to: number, text: "Unrelated question" });
  await customerWrites({ from: customer, to: number, text: "Can I pick up my order at 5pm?" });
  const conversationId = await conversationIdOf({ customer, number });

  const context = await browser.newContext({ baseURL: inbox.baseUrl });
  const page = await context.newPage();
  const keys = page.keyboard;

  // Sign in: the email field has the focus from the start.
  await page.goto("/login");
  const email = page.getByLabel("Email");
  await expect(email).toBeFocused();
  await expectFocusVisible(page);
  await keys.type(inbox.adminEmail);
  await keys.press("Tab");
  await expect(page.getByLabel("Password")).toBeFocused();
  await expectFocusVisible(page);
  await keys.type(inbox.adminPassword);
  await keys.press("Enter");
  // Sign-in hashes with scrypt: on a loaded machine that alone can take more than the default.
  await expect(page).toHaveURL(/\/inbox$/, { timeout: 30_000 });
  await expectLive(page);

  // Find: `/` jumps to the search, the name narrows the list, the Status filter widens it to All.
  await keys.press("/");
  const search = conversationList(page).getByRole("searchbox", { name: "Search conversations" });
  await expect(search).toBeFocused();
  await expectFocusVisible(page);
  await keys.type(customer.name.split(" ").slice(0, 2).join(" "));
  await expectRowsInOrder(page, [customer.name]);
  const all = conversationList(page)
    .getByRole("group", { name: "Status" })
    .getByRole("button", { name: /^All(,|$)/ });
  await tabTo(page, all);
  await keys.press("Space");
  await expect(all).toHaveAttribute("aria-pressed", "true");
  await expectRowsInOrder(page, [customer.name]);

  // Open it from its row, then Tab on into the thread's messages to read them.
  await tabTo(page, row(page, conversationId));
  await keys.press("Enter");
  await expect(thread(page)).toHaveAccessibleName(`Conversation with ${customer.name}`);
  await expect(page).toHaveURL(new RegExp(`/inbox/${conversationId}\\?`));
  await expect(row(page, conversationId)).toBeFocused();
  await page.screenshot({ path: screenshotPath("keyboard-focus-row-1280") });
  const history = thread(page).getByRole("region", { name: "Messages" });
  await tabTo(page, history);
  await expect(messages(page, "Can I pick up my order at 5pm?")).toBeInViewport();
  await expectAccessible(page, "keyboard flow · reading the thread");

  // Reply: `r` puts the focus in the reply box; Enter sends.
  await keys.press("r");
  await expect(replyBox(page)).toBeFocused();
  await expectFocusVisible(page);
  await page.screenshot({ path: screenshotPath("keyboard-focus-reply-1280") });
  await page.setViewportSize({ width: 390, height: 844 });
  await expectFocusVisible(page);
  await page.screenshot({ path: screenshotPath("keyboard-focus-reply-390") });
  await page.setViewportSize({ width: 1280, height: 800 });
  await keys.type("Yes, we are open until 6pm.");
  await keys.press("Enter");
  const reply = messages(page, "Yes, we are open until 6pm.");
  await expect(reply).toHaveAttribute("data-wamid", /^wamid\./, { timeout: 30_000 });
  await expect(reply.getByTestId("message-ticks")).toHaveAttribute("aria-label", "Sent");
  await expect(replyBox(page)).toBeFocused();

  // Resolve: Escape leaves the reply box, `e` resolves; the notice says so and offers Undo.
  await keys.press("Escape");
  await expect(replyBox(page)).not.toBeFocused();
  await keys.press("e");
  await expect(page.getByTestId("undo-toast")).toContainText(`${customer.name} resolved`);
  await expect(row(page, conversationId)).toContainText("resolved");

  // And it is on the Resolved tab, reached from the search with Tab.
  const resolved = conversationList(page)
    .getByRole("group", { name: "Status" })
    .getByRole("button", { name: /^Resolved(,|$)/ });
  await keys.press("/");
  await tabTo(page, resolved);
  await keys.press("Enter");
  await expect(resolved).toHaveAttribute("aria-pressed", "true");
  await expectRowsInOrder(page, [customer.name]);
  await context.close();
});
