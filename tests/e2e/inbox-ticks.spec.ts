// The ticks of a message we sent, as Meta's status webhooks move them — while the agent watches.
import { expectAccessible } from "./support/accessibility";
import { type Page } from "@playwright/test";
import { customerWrites, metaReportsStatuses, newBusinessNumber, newCustomer } from "./support/customers";
import { expect, test } from "./support/inbox";
import { conversationIdOf, expectStatusesStored, seedSentText } from "./support/inbox-db";
import { expectSameDocument, markDocument, messages, openConversation } from "./support/inbox-ui";

/** A customer wrote, we answered (stored as the send path stores it), and the agent has the thread open. */
async function answeredConversation(page: Page, reply: string) {
  const number = newBusinessNumber();
  const customer = newCustomer("Helena Duarte");
  await customerWrites({ from: customer, to: number, text: "Is the café open on Sunday?" });
  const conversationId = await conversationIdOf({ customer, number });
  const sent = await seedSentText({ conversationId, to: customer, text: reply });
  await openConversation(page, conversationId, customer.name);
  const bubble = messages(page, reply);
  await expect(bubble).toHaveAttribute("data-direction", "outbound");
  await markDocument(page);
  return { number, customer, sent, ticks: bubble.getByTestId("message-ticks") };
}

test("the ticks of a sent message advance live: sent, delivered, read", async ({ admin: { page } }) => {
  const { number, customer, sent, ticks } = await answeredConversation(page, "Yes, from 9 to 14.");
  await expect(ticks).toHaveAttribute("aria-label", "Pending");

  for (const [offset, status, label] of [
    [1, "sent", "Sent"],
    [2, "delivered", "Delivered"],
    [3, "read", "Read"],
  ] as const) {
    await metaReportsStatuses({
      number,
      recipient: customer,
      statuses: [{ wamid: sent.wamid, status, timestamp: sent.timestamp + offset }],
    });
    await expect(ticks).toHaveAttribute("aria-label", label);
    await expect(ticks).toHaveAttribute("title", label);
  }
  // Read is told apart from Delivered by more than its blue (a bolder stroke), and passes axe.
  await expect(ticks.locator("svg")).toHaveAttribute("stroke-width", "2.4");
  await expectAccessible(page, "thread · ticks read");
  await expectSameDocument(page);
});

test("statuses arriving out of order never move the ticks backwards", async ({ admin: { page } }) => {
  const { number, customer, sent, ticks } = await answeredConversation(page, "Your table for four is booked.");

  // Meta's webhooks are not ordered: the read receipt may come first.
  const report = (status: "sent" | "delivered" | "read", offset: number) =>
    metaReportsStatuses({
      number,
      recipient: customer,
      statuses: [{ wamid: sent.wamid, status, timestamp: sent.timestamp + offset }],
    });
  await report("read", 3);
  await expect(ticks).toHaveAttribute("aria-label", "Read");
  await report("delivered", 2);
  await report("sent", 1);
  await expectStatusesStored(sent.wamid, 3);
  // Something that arrives after the late statuses: once it shows, so would any step back.
  await customerWrites({ from: customer, to: number, text: "Perfect, see you at eight" });
  await expect(messages(page, "Perfect, see you at eight")).toBeVisible();
  await expect(ticks).toHaveAttribute("aria-label", "Read");
  await expectSameDocument(page);

  // And it is what the server keeps: the thread loaded afresh says Read too.
  await page.reload();
  await expect(messages(page, "Your table for four is booked.").getByTestId("message-ticks")).toHaveAttribute(
    "aria-label",
    "Read",
  );
});

test("a message Meta could not deliver says why", async ({ admin: { page } }) => {
  const { number, customer, sent, ticks } = await answeredConversation(page, "Here is your invoice.");
  await metaReportsStatuses({
    number,
    recipient: customer,
    statuses: [
      { wamid: sent.wamid, status: "sent", timestamp: sent.timestamp + 1 },
      // 131026: the number is not on WhatsApp, or the customer did not accept the terms.
      { wamid: sent.wamid, status: "failed", timestamp: sent.timestamp + 2, errorCode: 131026 },
    ],
  });
  await expect(ticks).toHaveAttribute("aria-label", /^Failed: Message undeliverable/);
  await expect(ticks).toHaveAttribute("title", /^Failed: Message undeliverable/);
  await expect(messages(page, "Here is your invoice.")).toHaveAttribute("data-status", "failed");
  await expectSameDocument(page);
});
