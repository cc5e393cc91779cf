// The customer's blue ticks go to Meta only as the admin chose on Settings → WhatsApp connection:
// when an agent starts replying (the default), when an agent opens the conversation, or never.
import type { Page } from "@playwright/test";
import { customerWrites, newBusinessNumber, newCustomer } from "./support/customers";
import { graphRequests } from "./support/graph-control";
import { expect, test } from "./support/inbox";
import { conversationIdOf } from "./support/inbox-db";
import { messages, openConversation, replyBox } from "./support/inbox-ui";

// The setting is the server's, shared by every test: these run one after another, and put the
// default back at the end.
test.describe.configure({ mode: "serial", timeout: 180_000 });

async function chooseReadReceipts(page: Page, label: RegExp): Promise<void> {
  await page.goto("/settings/whatsapp");
  const section = page.getByRole("region", { name: "Read receipts" });
  const option = section.getByRole("radio", { name: label });
  if (await option.isChecked()) return;
  await option.check();
  await section.getByRole("button", { name: "Save" }).click();
  await expect(section.getByRole("status")).toContainText("Read receipts:");
}

/** A customer who just wrote, and the wamid of what they wrote. */
async function customerWhoWrote(name: string, text: string) {
  const number = newBusinessNumber();
  const customer = newCustomer(name);
  const { wamid } = await customerWrites({ from: customer, to: number, text });
  return { customer, wamid, conversationId: await conversationIdOf({ customer, number }) };
}

const readReceiptsFor = async (wamid: string) =>
  (await graphRequests({ messageId: wamid })).filter((request) => request.body.status === "read");

test("never: no blue ticks, not even when the agent replies", async ({ admin: { page } }) => {
  await chooseReadReceipts(page, /^Never/);
  const { customer, wamid, conversationId } = await customerWhoWrote("Lia Costa", "Hello, anyone there?");
  await openConversation(page, conversationId, customer.name);
  await replyBox(page).pressSequentially("Hi Lia, ", { delay: 20 });
  await replyBox(page).press("Enter");
  await expect(messages(page, "Hi Lia,")).toHaveAttribute("data-wamid", /^wamid\./);
  expect(await readReceiptsFor(wamid)).toHaveLength(0);
});

test("when an agent opens the conversation: blue ticks on opening", async ({ admin: { page } }) => {
  await chooseReadReceipts(page, /opens the conversation/);
  const { customer, wamid, conversationId } = await customerWhoWrote("Rui Matos", "Is my order ready?");
  await page.waitForTimeout(1_000);
  expect(await readReceiptsFor(wamid)).toHaveLength(0);
  await openConversation(page, conversationId, customer.name);
  await expect.poll(async () => (await readReceiptsFor(wamid)).length).toBe(1);
});

test("when an agent starts replying (default): opening is not enough, the first keystroke is", async ({
  admin: { page },
}) => {
  await chooseReadReceipts(page, /starts replying/);
  const { customer, wamid, conversationId } = await customerWhoWrote("Sara Lopes", "Do you have gift cards?");
  await openConversation(page, conversationId, customer.name);
  await page.waitForTimeout(1_500);
  expect(await readReceiptsFor(wamid)).toHaveLength(0);
  await replyBox(page).pressSequentially("We do", { delay: 30 });
  await expect.poll(async () => (await readReceiptsFor(wamid)).length).toBe(1);
  // With the typing indicator: the customer sees "typing…".
  expect((await readReceiptsFor(wamid))[0]!.body).toMatchObject({ status: "read", typing_indicator: { type: "text" } });
});
