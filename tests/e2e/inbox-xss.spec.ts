// Anyone can write to a WhatsApp number, and choose their profile name: the inbox shows what they
// sent as text, and nothing they sent runs in the agent's browser.
import { customerWrites, newBusinessNumber, newCustomer } from "./support/customers";
import { expect, test } from "./support/inbox";
import { conversationIdOf } from "./support/inbox-db";
import { messages, openConversation, row, showOnlyNumber } from "./support/inbox-ui";

const IMG_TEXT = "<img src=x onerror=window.__xss=1>";
const SCRIPT_NAME = "<script>window.__xss=2</script>Eve";
const JAVASCRIPT_URL_TEXT = "Claim your prize: javascript:window.__xss=3";

test("markup in messages and profile names shows as text, runs nothing, and a javascript: URL is no link", async ({
  admin: { page },
}) => {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const number = newBusinessNumber();
  const eve = newCustomer(SCRIPT_NAME);
  await customerWrites({ from: eve, to: number, text: IMG_TEXT });
  const eveId = await conversationIdOf({ customer: eve, number });

  // Loaded with the page…
  const thread = await openConversation(page, eveId, SCRIPT_NAME);
  await expect(thread.getByRole("heading", { level: 2, name: SCRIPT_NAME, exact: true })).toHaveText(SCRIPT_NAME);
  await expect(messages(page, IMG_TEXT)).toBeVisible();
  await showOnlyNumber(page, number);
  await expect(row(page, eveId)).toContainText(SCRIPT_NAME);

  // …and arriving live.
  await customerWrites({ from: eve, to: number, text: JAVASCRIPT_URL_TEXT });
  const urlMessage = messages(page, JAVASCRIPT_URL_TEXT);
  await expect(urlMessage).toBeVisible();
  await expect(urlMessage.getByRole("link")).toHaveCount(0);
  await customerWrites({ from: eve, to: number, text: `${IMG_TEXT} again` });
  await expect(messages(page, `${IMG_TEXT} again`)).toBeVisible();
  await expect(row(page, eveId).getByTestId("conversation-preview")).toHaveText(`${IMG_TEXT} again`);

  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
});
