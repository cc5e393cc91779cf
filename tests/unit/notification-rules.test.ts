import { describe, expect, it } from "vitest";
import { shouldNotify } from "@/lib/queries/notification-rules";
import type { ConversationListItem } from "@/lib/views/inbox";

const row = (change: Partial<ConversationListItem> = {}): ConversationListItem => ({
  id: "c1",
  status: "open",
  contact: { id: "k1", name: "Ana", savedName: null, waId: "351910000001", userId: null, username: null },
  phoneNumber: { id: "p1", displayPhoneNumber: "+1 555 0100", name: null },
  assignee: null,
  lastMessageAt: "2026-12-02T10:00:00.000Z",
  lastInboundAt: "2026-12-02T10:00:00.000Z",
  windowClosesAt: "2026-12-03T10:00:00.000Z",
  lastMessage: { type: "text", text: "Hello?", direction: "inbound", status: null },
  unreadCount: 1,
  unreadMentions: 0,
  labels: [],
  cursor: "x",
  ...change,
});
const me = { userId: "u1", watchingId: null };
const agent = (id: string) => ({ id, name: id, role: "agent" as const });

describe("shouldNotify", () => {
  it("a new conversation notifies everyone", () => {
    expect(shouldNotify(row(), "created", me)).toBe(true);
  });

  it("a customer's message notifies only the agent it is assigned to", () => {
    expect(shouldNotify(row({ assignee: agent("u1") }), "inbound", me)).toBe(true);
    expect(shouldNotify(row({ assignee: agent("u2") }), "inbound", me)).toBe(false);
    expect(shouldNotify(row({ assignee: null }), "inbound", me)).toBe(false);
  });

  it("a colleague's @mention notifies the agent named, while it is unread", () => {
    expect(shouldNotify(row({ unreadMentions: 1 }), "mention", me)).toBe(true);
    expect(shouldNotify(row({ unreadMentions: 0 }), "mention", me)).toBe(false);
    expect(shouldNotify(row({ unreadMentions: 1 }), "mention", { userId: "u1", watchingId: "c1" })).toBe(false);
  });

  it("never for the conversation on screen, nor once it is read, nor for our own messages", () => {
    expect(shouldNotify(row({ assignee: agent("u1") }), "inbound", { userId: "u1", watchingId: "c1" })).toBe(false);
    expect(shouldNotify(row({ assignee: agent("u1"), unreadCount: 0 }), "inbound", me)).toBe(false);
    const ours = row({ lastMessage: { type: "text", text: "Hi", direction: "outbound", status: "sent" } });
    expect(shouldNotify(ours, "created", me)).toBe(false);
  });
});
