// On a slow network the thread's messages can still be loading (or refreshing, as after the live
// connection subscribes) when a message or a tick arrives live: the page must end up showing it, not
// the older state the slow answer carried.
import { type WebSocketRoute } from "@playwright/test";
import { customerWrites, metaReportsStatuses, newBusinessNumber, newCustomer } from "./support/customers";
import { expect, test } from "./support/inbox";
import { conversationIdOf, expectStatusesStored, seedSentText } from "./support/inbox-db";
import { expectLive, messages, thread } from "./support/inbox-ui";

/** Pusher protocol frames the server sent to the page, as `event` and `channel`. */
type Frame = { event: string; channel?: string };

test("a message and a tick that arrive while the thread is still loading both show once it has loaded", async ({
  admin: { page },
}) => {
  const number = newBusinessNumber();
  const customer = newCustomer("Helena Duarte");
  await customerWrites({ from: customer, to: number, text: "Is the café open on Sunday?" });
  const conversationId = await conversationIdOf({ customer, number });
  const sent = await seedSentText({ conversationId, to: customer, text: "Yes, from 9 to 14." });

  // What the live connection delivers to the page, watched on the way through.
  const frames: Frame[] = [];
  await page.routeWebSocket(/\/app\/[^/]+/, (socket: WebSocketRoute) => {
    const server = socket.connectToServer();
    server.onMessage((message) => {
      if (typeof message === "string") frames.push(JSON.parse(message) as Frame);
      socket.send(message);
    });
  });
  const received = (event: string, channel: string) =>
    expect.poll(() => frames.some((frame) => frame.event === event && frame.channel === channel)).toBe(true);
  // The thread's messages load slowly: every answer is held back until the test lets it through.
  let letThrough!: () => void;
  const slowAnswers = new Promise<void>((resolve) => (letThrough = resolve));
  let asked = 0;
  await page.route(`**/api/conversations/${conversationId}/messages**`, async (route) => {
    asked += 1;
    const response = await route.fetch();
    await slowAnswers;
    await route.fulfill({ response });
  });

  await page.goto(`/inbox/${conversationId}`);
  await expectLive(page);
  const channel = `private-conversation-${conversationId}`;
  await received("pusher_internal:subscription_succeeded", channel);
  // Subscribed, the page refreshes the thread (events before the subscription were not seen).
  await expect.poll(() => asked, { message: "the page asked for the thread's messages" }).toBeGreaterThan(0);

  // While the thread is loading: Meta reports our reply read, and the customer writes again.
  await metaReportsStatuses({
    number,
    recipient: customer,
    statuses: [{ wamid: sent.wamid, status: "read", timestamp: sent.timestamp + 1 }],
  });
  await expectStatusesStored(sent.wamid, 1);
  await received("message-status-changed", channel);
  await customerWrites({ from: customer, to: number, text: "Great, see you then" });
  await received("message-created", channel);
  // The event carries the message itself (no request for it): the page has it once it has handled
  // the frame, which it does before a task queued after it.
  const created = frames.find((frame) => frame.event === "message-created" && frame.channel === channel) as
    (Frame & { data?: string }) | undefined;
  expect(JSON.parse(created?.data ?? "{}")).toHaveProperty("message.text", "Great, see you then");
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 100)));

  letThrough();
  await expect(thread(page)).toHaveAccessibleName(`Conversation with ${customer.name}`);
  await expect(messages(page, "Great, see you then")).toBeVisible();
  await expect(messages(page, "Yes, from 9 to 14.").getByTestId("message-ticks")).toHaveAttribute("aria-label", "Read");
});
