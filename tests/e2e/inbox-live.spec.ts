// Messages arrive while the agent looks: the open thread, the list's rows, new conversations.
import { expectAccessible } from "./support/accessibility";
import { customerWrites, newBusinessNumber, newCustomer } from "./support/customers";
import { expect, test } from "./support/inbox";
import { conversationIdOf } from "./support/inbox-db";
import {
  expectLive,
  expectRowsInOrder,
  expectSameDocument,
  markDocument,
  messages,
  openConversation,
  row,
  showOnlyNumber,
} from "./support/inbox-ui";

test("a customer's message appears in the open thread and its row at once; another conversation counts its unread", async ({
  admin: { page },
}) => {
  const number = newBusinessNumber();
  const ana = newCustomer("Ana Ferreira");
  const bruno = newCustomer("Bruno Lima");
  await customerWrites({ from: ana, to: number, text: "Hi, is the blue jacket in stock?" });
  await customerWrites({ from: bruno, to: number, text: "Good morning" });
  const anaId = await conversationIdOf({ customer: ana, number });
  const brunoId = await conversationIdOf({ customer: bruno, number });

  const thread = await openConversation(page, anaId, ana.name);
  await showOnlyNumber(page, number);
  await expect(messages(page, "Hi, is the blue jacket in stock?")).toBeVisible();
  await expectRowsInOrder(page, [bruno.name, ana.name]);
  await expect(row(page, brunoId).getByTestId("unread-count")).toHaveText("1");
  await markDocument(page);
  // The thread's live region opened with the thread: the history it loaded is not announced.
  const announcer = page.getByTestId("thread-announcer");
  await expect(announcer).toHaveAttribute("aria-live", "polite");
  await expect(announcer).toBeEmpty();

  await customerWrites({ from: ana, to: number, text: "Size M, please" });
  const arrived = messages(page, "Size M, please");
  await expect(arrived).toBeVisible();
  await expect(arrived).toHaveAttribute("data-direction", "inbound");
  // What arrives is: once, politely, with who wrote it.
  await expect(announcer).toHaveText(`${ana.name}: Size M, please`);
  await expectAccessible(page, "thread · a message arrived live");
  await expect(row(page, anaId).getByTestId("conversation-preview")).toHaveText("Size M, please");
  await expectRowsInOrder(page, [ana.name, bruno.name]);
  // The agent is reading it: the open conversation collects no unread badge.
  await expect(row(page, anaId).getByTestId("unread-count")).toHaveCount(0);

  await customerWrites({ from: bruno, to: number, text: "Can I change my delivery address?" });
  await customerWrites({ from: bruno, to: number, text: "It's Rua Augusta 12" });
  await expect(row(page, brunoId).getByTestId("unread-count")).toHaveText("3");
  await expect(row(page, brunoId).getByTestId("conversation-preview")).toHaveText("It's Rua Augusta 12");
  await expectRowsInOrder(page, [bruno.name, ana.name]);
  // Bruno's messages stay in Bruno's conversation.
  await expect(thread.getByTestId("message").filter({ hasText: "Rua Augusta" })).toHaveCount(0);
  await expect(announcer).toHaveText(`${ana.name}: Size M, please`);
  await expect(thread).toHaveAccessibleName(`Conversation with ${ana.name}`);
  await expectSameDocument(page);
});

test("a new customer's first message puts a new conversation at the top of the list", async ({ admin: { page } }) => {
  const number = newBusinessNumber();
  const ana = newCustomer("Ana Ferreira");
  await customerWrites({ from: ana, to: number, text: "Thanks for the quick delivery!" });
  await conversationIdOf({ customer: ana, number });

  await page.goto("/inbox");
  await expect(page.getByText("Select a conversation")).toBeVisible();
  await expectLive(page);
  await showOnlyNumber(page, number);
  await expectRowsInOrder(page, [ana.name]);
  await markDocument(page);

  const carla = newCustomer("Carla Mendes");
  await customerWrites({ from: carla, to: number, text: "Olá, vocês entregam no sábado?" });
  const carlaId = await conversationIdOf({ customer: carla, number });
  await expectRowsInOrder(page, [carla.name, ana.name]);
  const carlaRow = row(page, carlaId);
  await expect(carlaRow.getByTestId("conversation-preview")).toHaveText("Olá, vocês entregam no sábado?");
  await expect(carlaRow.getByTestId("unread-count")).toHaveText("1");
  await expect(carlaRow).toHaveAttribute("href", `/inbox/${carlaId}`);
  await expectAccessible(page, "inbox list · a new conversation arrived");
  await expectSameDocument(page);
});

test("a message comes inside its realtime event; one too big for an event is fetched and shows all the same", async ({
  admin: { page },
}) => {
  const number = newBusinessNumber();
  const ana = newCustomer("Ana Ferreira");
  await customerWrites({ from: ana, to: number, text: "Hello there" });
  const anaId = await conversationIdOf({ customer: ana, number });
  await openConversation(page, anaId, ana.name);
  await expect(messages(page, "Hello there")).toBeVisible();
  const fetched: string[] = [];
  page.on("request", (request) => {
    if (new URL(request.url()).pathname.startsWith("/api/messages/")) fetched.push(request.url());
  });

  await customerWrites({ from: ana, to: number, text: "Where is parcel 7731?" });
  await expect(messages(page, "Where is parcel 7731?")).toBeVisible();
  // Nothing to ask the server for: the event brought the message.
  expect(fetched).toEqual([]);

  // Meta's longest text (4,096 characters) of a letter of 2 bytes is over Pusher's 10 KB as a view.
  const story = `My whole story: ${"é".repeat(4_080)}`;
  await customerWrites({ from: ana, to: number, text: story });
  const long = messages(page, "My whole story:");
  await expect(long).toBeVisible();
  await expect(long).toContainText("é".repeat(4_080));
  expect(fetched).toHaveLength(1);
  await expect(row(page, anaId).getByTestId("conversation-preview")).toContainText("My whole story:");
});
