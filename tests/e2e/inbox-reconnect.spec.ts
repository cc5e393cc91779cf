// The live connection drops (Wi-Fi, a laptop lid, a proxy): the inbox says so, and once it is back
// it shows what arrived meanwhile, without the agent reloading.
import type { WebSocketRoute } from "@playwright/test";
import { customerWrites, newBusinessNumber, newCustomer } from "./support/customers";
import { expect, test } from "./support/inbox";
import { conversationIdOf } from "./support/inbox-db";
import {
  connectionStatus,
  expectLive,
  expectRowsInOrder,
  expectSameDocument,
  markDocument,
  messages,
  openConversation,
  row,
  showOnlyNumber,
} from "./support/inbox-ui";

type StatusSeen = { state: string | null; text: string | null };

test("after the live connection is cut, the inbox says it is reconnecting and then catches up", async ({
  admin: { page },
}) => {
  const number = newBusinessNumber();
  const ana = newCustomer("Ana Ferreira");
  const bruno = newCustomer("Bruno Lima");
  await customerWrites({ from: bruno, to: number, text: "Is there parking nearby?" });
  await customerWrites({ from: ana, to: number, text: "I would like to book a table" });
  const anaId = await conversationIdOf({ customer: ana, number });
  const brunoId = await conversationIdOf({ customer: bruno, number });

  // The page's Pusher socket goes through this proxy. While `cut`, new connection attempts hang
  // unanswered, as they do when the network is gone.
  let cut = false;
  const live: WebSocketRoute[] = [];
  const hanging: WebSocketRoute[] = [];
  await page.routeWebSocket(/\/app\/[^/]+/, (socket) => {
    if (cut) {
      hanging.push(socket);
      return;
    }
    socket.connectToServer();
    live.push(socket);
  });

  await openConversation(page, anaId, ana.name);
  await showOnlyNumber(page, number);
  await expectRowsInOrder(page, [ana.name, bruno.name]);
  await markDocument(page);
  // Every state and text the connection status goes through from here on.
  await page.evaluate(() => {
    const seen: StatusSeen[] = [];
    (window as unknown as { __statusSeen: StatusSeen[] }).__statusSeen = seen;
    const record = () => {
      const status = document.querySelector('[data-testid="connection-status"]');
      const next = { state: status?.getAttribute("data-state") ?? null, text: status?.textContent ?? null };
      const last = seen.at(-1);
      if (!last || last.state !== next.state || last.text !== next.text) seen.push(next);
    };
    record();
    new MutationObserver(record).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
  });

  cut = true;
  for (const socket of live.splice(0)) await socket.close();
  await expect(connectionStatus(page)).not.toHaveAttribute("data-state", "connected");

  await customerWrites({ from: ana, to: number, text: "For four people, at eight" });
  await customerWrites({ from: bruno, to: number, text: "Hello? Anyone there?" });
  await expect(connectionStatus(page)).not.toHaveAttribute("data-state", "connected");

  // The network is back: the hanging attempt is given up and the next one gets through.
  cut = false;
  for (const socket of hanging.splice(0)) await socket.close({ code: 4200, reason: "network back" });
  await expectLive(page);
  await expect(messages(page, "For four people, at eight")).toBeVisible();
  await expect(row(page, anaId).getByTestId("conversation-preview")).toHaveText("For four people, at eight");
  await expect(row(page, brunoId).getByTestId("conversation-preview")).toHaveText("Hello? Anyone there?");
  await expect(row(page, brunoId).getByTestId("unread-count")).toHaveText("2");
  await expectRowsInOrder(page, [bruno.name, ana.name]);
  await expectSameDocument(page);

  const seen = await page.evaluate(() => (window as unknown as { __statusSeen: StatusSeen[] }).__statusSeen);
  const whileCut = seen.filter((entry) => entry.state !== "connected");
  expect(whileCut.length, `connection states seen: ${JSON.stringify(seen)}`).toBeGreaterThan(0);
  for (const entry of whileCut) {
    expect(entry.text, `the status while ${entry.state}: ${JSON.stringify(seen)}`).toContain("Reconnecting…");
  }

  // And it is live again: the next message arrives on its own.
  await customerWrites({ from: ana, to: number, text: "Thank you!" });
  await expect(messages(page, "Thank you!")).toBeVisible();
});
