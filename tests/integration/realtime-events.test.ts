// Processing a signed webhook reaches a signed-in browser over the Pusher protocol: the real
// pusher-js client, subscribed through /api/realtime/auth, receives the events of what was stored.
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "../../lib/db/client";
import { ensureContact } from "../../lib/db/contacts";
import { ensureConversation } from "../../lib/db/conversations";
import { ensurePhoneNumber } from "../../lib/db/phone-numbers";
import { recordOutboundMessage } from "../support/record-outbound-message";
import {
  type ConversationCreatedEvent,
  conversationChannel,
  type ConversationUpdatedEvent,
  INBOX_CHANNEL,
  type MessageCreatedEvent,
  type MessageStatusChangedEvent,
  type ReactionChangedEvent,
  realtimeEvents,
  type UnreadCountsChangedEvent,
} from "../../lib/realtime/channels";
import {
  buildMessagesWebhook,
  SAMPLE_PHONE_NUMBER_ID,
  sampleInboundMessage,
  sampleStatus,
} from "../../lib/whatsapp/sample-payloads";
import type { SharedConversationRow, ThreadMessage } from "../../lib/views/inbox";
import { signInBootstrapAdmin } from "../support/accounts";
import { connectRealtime, disconnectRealtimeClients, recordEvents, subscribed } from "../support/realtime";
import { eventually, postWebhook, uniqueWaId, uniqueWamid } from "../support/webhooks";

const db = () => getDb();

afterEach(() => disconnectRealtimeClients());

async function postText(from: string, wamid: string, text: string) {
  const body = buildMessagesWebhook({
    contacts: [{ waId: from, name: "Realtime Customer" }],
    messages: [sampleInboundMessage("text", { from, wamid, text })],
  });
  expect((await postWebhook(body)).status).toBe(200);
  return eventually(() => db().message.findUnique({ where: { wamid } }), `message ${wamid}`);
}

describe("realtime events from processed webhooks", () => {
  it("announces a new conversation on the inbox channel, then new messages on its own channel", async () => {
    const session = await signInBootstrapAdmin();
    const client = await connectRealtime(session);
    const inbox = await subscribed(client, INBOX_CHANNEL);
    const created = recordEvents<ConversationCreatedEvent>(inbox, realtimeEvents.conversationCreated);
    const updated = recordEvents<ConversationUpdatedEvent>(inbox, realtimeEvents.conversationUpdated);
    const unread = recordEvents<UnreadCountsChangedEvent>(inbox, realtimeEvents.unreadCountsChanged);

    const from = uniqueWaId();
    const first = await postText(from, uniqueWamid(), "Hello, is anyone there?");
    const conversationId = first.conversationId;
    await created.waitFor((event) => event.conversationId === conversationId, "conversation-created");
    await unread.waitFor((event) => event.conversationIds.includes(conversationId), "unread-counts-changed");

    const thread = await subscribed(client, conversationChannel(conversationId));
    const messages = recordEvents<MessageCreatedEvent>(thread, realtimeEvents.messageCreated);
    const secondWamid = uniqueWamid();
    const second = await postText(from, secondWamid, "Order #1042 has not arrived");
    expect(second.conversationId).toBe(conversationId);

    const event = await messages.waitFor((data) => data.messageId === second.id, "message-created");
    // The event carries the message exactly as GET /api/messages/<id> answers it: nothing to fetch.
    const fetched = await session.request(`/api/messages/${second.id}`);
    expect(event).toEqual({
      messageId: second.id,
      conversationId,
      direction: "inbound",
      message: ((await fetched.json()) as { message: unknown }).message,
    });
    expect(event.message?.text).toBe("Order #1042 has not arrived");
    const update = await updated.waitFor((data) => data.conversationId === conversationId, "conversation-updated");
    expect(update.lastMessageId).toBe(second.id);
    // The list row as GET /api/conversations?ids= answers it, less this agent's own counts.
    const page = (await (await session.request(`/api/conversations?ids=${conversationId}`)).json()) as {
      conversations: (SharedConversationRow & { unreadCount: number; unreadMentions: number })[];
    };
    const { unreadCount, unreadMentions, ...shared } = page.conversations[0]!;
    expect(unreadCount).toBe(2);
    expect(unreadMentions).toBe(0);
    expect(update.row).toEqual(shared);
    // The first message was published before this subscription existed: Pusher does not replay it.
    expect(messages.received.some((data) => data.messageId === first.id)).toBe(false);
  });

  it("sends a message too big for one Pusher event with its ids only (the browser fetches it)", async () => {
    const session = await signInBootstrapAdmin();
    const client = await connectRealtime(session);
    const from = uniqueWaId();
    const first = await postText(from, uniqueWamid(), "Hello");
    const thread = await subscribed(client, conversationChannel(first.conversationId));
    const messages = recordEvents<MessageCreatedEvent>(thread, realtimeEvents.messageCreated);
    // 4,096 characters, Meta's limit for a text, of a letter of 2 bytes: ~16 KB as a view.
    const long = await postText(from, uniqueWamid(), "é".repeat(4_096));
    const short = await postText(from, uniqueWamid(), "and a short one");
    const event = await messages.waitFor((data) => data.messageId === long.id, "message-created");
    expect(event).toEqual({ messageId: long.id, conversationId: first.conversationId, direction: "inbound" });
    // What the browser then fetches has it all.
    const fetched = (await (await session.request(`/api/messages/${long.id}`)).json()) as { message: ThreadMessage };
    expect(fetched.message.text).toBe("é".repeat(4_096));
    // The batch it went in was not refused by the Pusher server: the next message arrives, with its view.
    const next = await messages.waitFor((data) => data.messageId === short.id, "message-created");
    expect(next.message?.text).toBe("and a short one");
  });

  it("moves a tick live when a status webhook arrives", async () => {
    const phoneNumberId = await ensurePhoneNumber({
      db: db(),
      phoneNumberId: SAMPLE_PHONE_NUMBER_ID,
      displayPhoneNumber: "15550783881",
      wabaId: null,
    });
    const waId = uniqueWaId();
    const contactId = await ensureContact({
      db: db(),
      identity: { waId, userId: null, profileName: "Ticks", username: null },
    });
    const conversation = await ensureConversation({ db: db(), contactId, phoneNumberId });
    const wamid = uniqueWamid();
    const sentAt = Math.floor(Date.now() / 1000) - 60;
    const { id: messageId } = await recordOutboundMessage({
      conversationId: conversation.id,
      wamid,
      type: "text",
      text: "our reply",
      content: { body: "our reply" },
      sentAt: new Date(sentAt * 1000),
    });

    const client = await connectRealtime(await signInBootstrapAdmin());
    const thread = await subscribed(client, conversationChannel(conversation.id));
    const statuses = recordEvents<MessageStatusChangedEvent>(thread, realtimeEvents.messageStatusChanged);

    const status = (name: "delivered" | "read", at: number) =>
      postWebhook(
        buildMessagesWebhook({ statuses: [sampleStatus({ wamid, status: name, timestamp: at, recipientId: waId })] }),
      );
    expect((await status("delivered", sentAt + 5)).status).toBe(200);
    const delivered = await statuses.waitFor((data) => data.status === "delivered", "delivered");
    expect(delivered).toEqual({
      messageId,
      wamid,
      conversationId: conversation.id,
      status: "delivered",
      statusAt: new Date((sentAt + 5) * 1000).toISOString(),
      errorCode: null,
      errorTitle: null,
    });

    expect((await status("read", sentAt + 9)).status).toBe(200);
    await statuses.waitFor((data) => data.status === "read", "read");
    expect(statuses.received.map((data) => data.status)).toEqual(["delivered", "read"]);
  });

  it("tells the thread when a customer reacts to a message", async () => {
    const from = uniqueWaId();
    const target = await postText(from, uniqueWamid(), "Can I get a refund?");
    const client = await connectRealtime(await signInBootstrapAdmin());
    const thread = await subscribed(client, conversationChannel(target.conversationId));
    const reactions = recordEvents<ReactionChangedEvent>(thread, realtimeEvents.reactionChanged);

    const reaction = sampleInboundMessage("reaction", { from, wamid: uniqueWamid(), targetWamid: target.wamid! });
    const body = buildMessagesWebhook({ contacts: [{ waId: from, name: "Realtime Customer" }], messages: [reaction] });
    expect((await postWebhook(body)).status).toBe(200);
    const event = await reactions.waitFor((data) => data.targetWamid === target.wamid, "reaction-changed");
    expect(event).toMatchObject({ conversationId: target.conversationId, targetWamid: target.wamid });
    // The reacted-to message comes along with its reactions as they now stand.
    expect(event.message?.id).toBe(target.id);
    expect(event.message?.reactions).toEqual([{ emoji: expect.any(String), direction: "inbound" }]);
  });
});
