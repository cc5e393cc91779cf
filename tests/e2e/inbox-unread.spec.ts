// Unread is per agent: what one agent read is still news to the others. The tab title counts it.
import { expectAccessible } from "./support/accessibility";
import { customerWrites, newBusinessNumber, newCustomer } from "./support/customers";
import { expect, test } from "./support/inbox";
import { conversationIdOf } from "./support/inbox-db";
import { expectLive, expectTitleCountsUnread, row, showOnlyNumber, thread } from "./support/inbox-ui";

test("reading a conversation clears its unread count for that agent only; the tab title counts unread conversations", async ({
  admin,
  addAgent,
}) => {
  const number = newBusinessNumber();
  const ana = newCustomer("Ana Ferreira");
  const bruno = newCustomer("Bruno Lima");
  await customerWrites({ from: bruno, to: number, text: "Hello" });
  await customerWrites({ from: ana, to: number, text: "Hi! Two questions." });
  await customerWrites({ from: ana, to: number, text: "Do you deliver on Sundays?" });
  const anaId = await conversationIdOf({ customer: ana, number });
  const brunoId = await conversationIdOf({ customer: bruno, number });
  const noor = await addAgent("Noor Haddad");

  for (const { page } of [admin, noor]) {
    await page.goto("/inbox");
    await expectLive(page);
    await showOnlyNumber(page, number);
    await expect(row(page, anaId).getByTestId("unread-count")).toHaveText("2");
    await expect(row(page, brunoId).getByTestId("unread-count")).toHaveText("1");
    // The badge is a number on screen and words to a screen reader.
    await expect(row(page, anaId)).toHaveAccessibleName(/2 unread/);
    await expectAccessible(page, "inbox list · unread badges");
    await expect(page).toHaveTitle(/^\((\d+|99\+)\) Inbox · WhatsApp Inbox$/);
    await expectTitleCountsUnread(page);
  }

  // The admin reads Ana's conversation.
  await row(admin.page, anaId).click();
  await expect(thread(admin.page)).toHaveAccessibleName(`Conversation with ${ana.name}`);
  await expect(row(admin.page, anaId).getByTestId("unread-count")).toHaveCount(0);
  await expect(row(admin.page, brunoId).getByTestId("unread-count")).toHaveText("1");
  await expectTitleCountsUnread(admin.page);

  // For Noor it is still unread, live and after a reload.
  await customerWrites({ from: ana, to: number, text: "Also, gift wrapping?" });
  await expect(row(noor.page, anaId).getByTestId("unread-count")).toHaveText("3");
  await expect(row(noor.page, anaId).getByTestId("conversation-preview")).toHaveText("Also, gift wrapping?");
  // The admin has it open: read as it arrives.
  await expect(thread(admin.page).getByTestId("message").filter({ hasText: "Also, gift wrapping?" })).toBeVisible();
  await expect(row(admin.page, anaId).getByTestId("unread-count")).toHaveCount(0);
  await noor.page.reload();
  await showOnlyNumber(noor.page, number);
  await expect(row(noor.page, anaId).getByTestId("unread-count")).toHaveText("3");
  await expectTitleCountsUnread(noor.page);

  // Noor reads it too; Bruno's message stays unread for both.
  await row(noor.page, anaId).click();
  await expect(row(noor.page, anaId).getByTestId("unread-count")).toHaveCount(0);
  await expect(row(noor.page, brunoId).getByTestId("unread-count")).toHaveText("1");
  await expectTitleCountsUnread(noor.page);
  await admin.page.reload();
  await showOnlyNumber(admin.page, number);
  await expect(row(admin.page, anaId).getByTestId("unread-count")).toHaveCount(0);
  await expect(row(admin.page, brunoId).getByTestId("unread-count")).toHaveText("1");
});
