// On a phone the inbox shows the list or one conversation, with a way back.
import { customerWrites, newBusinessNumber, newCustomer } from "./support/customers";
import { expect, test } from "./support/inbox";
import { conversationIdOf } from "./support/inbox-db";
import {
  conversationList,
  expectLive,
  expectRowsInOrder,
  messages,
  row,
  showOnlyNumber,
  thread,
} from "./support/inbox-ui";

test("at phone width: the list, then one conversation on the whole screen, then back to the list", async ({
  admin: { page },
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const number = newBusinessNumber();
  const ana = newCustomer("Ana Ferreira");
  const bruno = newCustomer("Bruno Lima");
  await customerWrites({ from: ana, to: number, text: "Is the order ready for pickup?" });
  await customerWrites({ from: bruno, to: number, text: "Which size runs small?" });
  const anaId = await conversationIdOf({ customer: ana, number });

  await page.goto("/inbox");
  await expectLive(page);
  await showOnlyNumber(page, number);
  await expectRowsInOrder(page, [bruno.name, ana.name]);
  await expect(thread(page)).toHaveCount(0);
  await expect(page.getByText("Select a conversation")).toBeHidden();

  await row(page, anaId).click();
  await expect(thread(page)).toBeVisible();
  await expect(thread(page).getByRole("heading", { level: 2 })).toHaveText(ana.name);
  await expect(messages(page, "Is the order ready for pickup?")).toBeVisible();
  await expect(conversationList(page)).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`/inbox/${anaId}(\\?|$)`));

  const back = thread(page)
    .getByRole("button", { name: "Back to conversations" })
    .or(thread(page).getByRole("link", { name: "Back to conversations" }));
  await back.click();
  await expect(conversationList(page)).toBeVisible();
  await expect(thread(page)).toHaveCount(0);
  await expect(page).toHaveURL(/\/inbox(\?|$)/);
  await expectRowsInOrder(page, [bruno.name, ana.name]);
});
