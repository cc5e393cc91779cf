// The views that ride in realtime events: the message and the list row go in when the event stays
// within Pusher's 10 KB, and the event goes with ids only (the browser fetches) when they would not.
import { describe, expect, it } from "vitest";
import { emptyInboxChanges } from "../../lib/realtime/changes";
import type { MessageCreatedEvent, ReactionChangedEvent } from "../../lib/realtime/channels";
import { EVENT_DATA_BUDGET_BYTES, type EventViews, realtimeEventsFor } from "../../lib/realtime/inbox-events";
import type { SharedConversationRow, ThreadMessage } from "../../lib/views/inbox";

function message(id: string, conversationId: string, text: string): ThreadMessage {
  return {
    id,
    wamid: `wamid.${id}`,
    conversationId,
    direction: "inbound",
    type: "text",
    text,
    body: { kind: "text", text },
    timestamp: "2026-12-02T09:00:00.000Z",
    timestampIssue: null,
    forwarded: false,
    referral: null,
    status: null,
    statusAt: null,
    errorCode: null,
    errorTitle: null,
    replyTo: null,
    reactions: [{ emoji: "👍", direction: "outbound" }],
    author: null,
    clientId: null,
    sendState: null,
    sendError: null,
    retryOfId: null,
    retriedById: null,
    media: null,
  };
}

function row(id: string, text: string): SharedConversationRow {
  return {
    id,
    status: "open",
    contact: { id: `ct-${id}`, name: "Ana", savedName: null, waId: "5511900000000", userId: null, username: null },
    phoneNumber: { id: "pn", displayPhoneNumber: "15550000000", name: null },
    assignee: null,
    lastMessageAt: "2026-12-02T09:00:00.000Z",
    lastInboundAt: "2026-12-02T09:00:00.000Z",
    windowClosesAt: "2026-12-03T09:00:00.000Z",
    lastMessage: { type: "text", text, direction: "inbound", status: null },
    labels: [],
    cursor: "c1",
  };
}

const bytes = (data: unknown) => Buffer.byteLength(JSON.stringify(data), "utf8");

describe("realtime events with views", () => {
  it("carries the message and the list row, exactly as the API builds them", () => {
    const changes = emptyInboxChanges();
    changes.messagesCreated = [{ id: "m1", conversationId: "c1", direction: "inbound" }];
    changes.messagesUpdated = [{ id: "m1", conversationId: "c1" }];
    changes.reactionsChanged = [{ targetWamid: "wamid.m1", conversationId: "c1" }];
    const views: EventViews = {
      messages: new Map([["m1", message("m1", "c1", "Is my order on its way?")]]),
      rows: new Map([["c1", row("c1", "Is my order on its way?")]]),
    };
    const byName = new Map(realtimeEventsFor(changes, views).map((event) => [event.name, event.data]));
    expect(byName.get("message-created")).toEqual({
      messageId: "m1",
      conversationId: "c1",
      direction: "inbound",
      message: views.messages.get("m1"),
    });
    expect(byName.get("message-updated")).toEqual({
      messageId: "m1",
      conversationId: "c1",
      message: views.messages.get("m1"),
    });
    expect((byName.get("reaction-changed") as ReactionChangedEvent).message).toEqual(views.messages.get("m1"));
    expect(byName.get("conversation-updated")).toEqual({
      conversationId: "c1",
      lastMessageId: "m1",
      row: views.rows.get("c1"),
    });
    // The inbox channel is shared by every agent: no one's own counts ride along.
    expect(JSON.stringify(byName.get("conversation-updated"))).not.toMatch(/unreadCount|unreadMentions/);
  });

  it("leaves out a view that would take the event past the budget, and keeps the ids", () => {
    // 4,096 characters (Meta's limit for a text) of a 2-byte letter, stored as text and as the body.
    const long = "é".repeat(4_096);
    const changes = emptyInboxChanges();
    changes.conversationsCreated = ["c1"];
    changes.messagesCreated = [
      { id: "m1", conversationId: "c1", direction: "inbound" },
      { id: "m2", conversationId: "c2", direction: "inbound" },
    ];
    const views: EventViews = {
      messages: new Map([
        ["m1", message("m1", "c1", long)],
        ["m2", message("m2", "c2", "short")],
      ]),
      rows: new Map([["c1", row("c1", long)]]),
    };
    const events = realtimeEventsFor(changes, views);
    const created = events.filter((event) => event.name === "message-created").map((event) => event.data);
    expect(created[0]).toEqual({ messageId: "m1", conversationId: "c1", direction: "inbound" });
    expect((created[1] as MessageCreatedEvent).message?.text).toBe("short");
    // The row with a 4,096-character preview still fits (one copy of the text).
    expect(events.find((event) => event.name === "conversation-created")?.data).toHaveProperty("row");
    for (const event of events) expect(bytes(event.data)).toBeLessThanOrEqual(EVENT_DATA_BUDGET_BYTES);
    expect(EVENT_DATA_BUDGET_BYTES).toBeLessThan(10 * 1024);
  });

  it("never puts another conversation's message into a reaction event", () => {
    const changes = emptyInboxChanges();
    changes.reactionsChanged = [{ targetWamid: "wamid.m1", conversationId: "c2" }];
    const views: EventViews = { messages: new Map([["m1", message("m1", "c1", "hi")]]), rows: new Map() };
    const [event] = realtimeEventsFor(changes, views);
    expect(event?.data).toEqual({ conversationId: "c2", targetWamid: "wamid.m1" });
  });
});
