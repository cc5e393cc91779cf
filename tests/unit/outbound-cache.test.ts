// The thread cache while an agent sends: one bubble per message whatever order the POST's answer
// and the realtime events arrive in, ticks and send states that never go back, drafts per conversation.
import { type InfiniteData, QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { applyStatusChange, upsertThreadMessage } from "@/lib/queries/inbox-cache";
import { inboxKeys } from "@/lib/queries/inbox-keys";
import { clearDraft, loadDraft, saveDraft } from "@/lib/queries/drafts";
import {
  applyOwnReaction,
  insertOptimisticMessage,
  markLocalSendFailed,
  optimisticMessage,
  withLocalMessages,
} from "@/lib/queries/outbound-cache";
import type { MessagePage, ThreadMessage } from "@/lib/views/inbox";

const CONVERSATION = "conv-1";
const CLIENT_ID = "6f1c2a9e-5b7d-4e0a-9c3b-1d2e3f4a5b6c";
const author = { kind: "agent" as const, id: "user-ana", name: "Ana" };

function customerMessage(overrides: Partial<ThreadMessage> = {}): ThreadMessage {
  return {
    ...optimisticMessage({ conversationId: CONVERSATION, clientId: "x", text: "Hello", replyTo: null, author }),
    id: "msg-customer",
    wamid: "wamid.customer",
    direction: "inbound",
    status: null,
    author: null,
    clientId: null,
    sendState: null,
    timestamp: "2026-12-02T10:00:00.000Z",
    ...overrides,
  };
}

function threadWith(messages: ThreadMessage[]) {
  const queryClient = new QueryClient();
  queryClient.setQueryData<InfiniteData<MessagePage, string | null>>(inboxKeys.thread(CONVERSATION), {
    pages: [{ messages, olderCursor: null }],
    pageParams: [null],
  });
  const shown = () =>
    queryClient
      .getQueryData<InfiniteData<MessagePage, string | null>>(inboxKeys.thread(CONVERSATION))!
      .pages.flatMap((page) => page.messages);
  return { queryClient, shown };
}

const pending = () =>
  optimisticMessage({
    conversationId: CONVERSATION,
    clientId: CLIENT_ID,
    text: "Your parcel left today",
    replyTo: customerMessage(),
    author,
    now: new Date("2026-12-02T10:05:00.000Z"),
  });

/** The message as the server records it: queued, then sent with its wamid, then the ticks. */
const recorded = (overrides: Partial<ThreadMessage> = {}): ThreadMessage => ({
  ...pending(),
  id: "msg-reply",
  timestamp: "2026-12-02T10:05:01.000Z",
  ...overrides,
});

describe("sending a reply", () => {
  it("shows a pending bubble at once, which the server's message replaces (never two)", () => {
    const { queryClient, shown } = threadWith([customerMessage()]);
    insertOptimisticMessage(queryClient, pending());
    expect(shown().map((m) => [m.id, m.status, m.sendState])).toEqual([
      ["msg-customer", null, null],
      [`local:${CLIENT_ID}`, "pending", "queued"],
    ]);
    expect(shown()[1]!.replyTo).toMatchObject({ id: "msg-customer", wamid: "wamid.customer" });

    upsertThreadMessage(queryClient, recorded()); // the POST's answer
    upsertThreadMessage(queryClient, recorded()); // message-created brings it again
    expect(shown().map((m) => m.id)).toEqual(["msg-customer", "msg-reply"]);
  });

  it("message-created arriving before the POST's answer: still one bubble, and the late answer moves nothing back", () => {
    const { queryClient, shown } = threadWith([customerMessage()]);
    insertOptimisticMessage(queryClient, pending());
    upsertThreadMessage(queryClient, recorded({ sendState: "sent", wamid: "wamid.reply", status: "sent" }));
    applyStatusChange(queryClient, {
      messageId: "msg-reply",
      wamid: "wamid.reply",
      conversationId: CONVERSATION,
      status: "delivered",
      statusAt: "2026-12-02T10:05:03.000Z",
      errorCode: null,
      errorTitle: null,
    });
    upsertThreadMessage(queryClient, recorded()); // the POST answers last: queued, pending, no wamid
    expect(shown()).toHaveLength(2);
    expect(shown()[1]).toMatchObject({ id: "msg-reply", wamid: "wamid.reply", sendState: "sent", status: "delivered" });
  });

  it("a second Enter's optimistic insert does not duplicate a message the server already has", () => {
    const { queryClient, shown } = threadWith([customerMessage()]);
    upsertThreadMessage(queryClient, recorded());
    insertOptimisticMessage(queryClient, pending());
    expect(shown().map((m) => m.id)).toEqual(["msg-customer", "msg-reply"]);
  });

  it("status events never move a tick back, whatever arrives late", () => {
    const { queryClient, shown } = threadWith([
      customerMessage(),
      recorded({ sendState: "sent", wamid: "wamid.reply", status: "sent" }),
    ]);
    const status = (value: string, second: number) =>
      applyStatusChange(queryClient, {
        messageId: "msg-reply",
        wamid: "wamid.reply",
        conversationId: CONVERSATION,
        status: value,
        statusAt: `2026-12-02T10:05:0${second}.000Z`,
        errorCode: null,
        errorTitle: null,
      });
    status("read", 4);
    status("delivered", 3);
    status("sent", 2);
    expect(shown()[1]!.status).toBe("read");
    // A refetch answered before the read receipt was stored keeps the blue ticks too.
    upsertThreadMessage(queryClient, recorded({ sendState: "sent", wamid: "wamid.reply", status: "delivered" }));
    expect(shown()[1]!.status).toBe("read");
  });

  it("a failed request shows on the pending bubble; the server's message still replaces it if it was recorded", () => {
    const { queryClient, shown } = threadWith([customerMessage()]);
    insertOptimisticMessage(queryClient, pending());
    markLocalSendFailed(queryClient, {
      conversationId: CONVERSATION,
      clientId: CLIENT_ID,
      message: "Could not reach the server. Check your connection and try again.",
      retryable: true,
    });
    expect(shown()[1]).toMatchObject({
      sendState: "failed",
      sendError: { title: "Not sent", details: "Could not reach the server. Check your connection and try again." },
    });
    upsertThreadMessage(queryClient, recorded({ sendState: "sending" }));
    expect(shown().map((m) => [m.id, m.sendState])).toEqual([
      ["msg-customer", null],
      ["msg-reply", "sending"],
    ]);
    // Marking fails only a bubble the server never answered for.
    markLocalSendFailed(queryClient, {
      conversationId: CONVERSATION,
      clientId: CLIENT_ID,
      message: "x",
      retryable: false,
    });
    expect(shown()[1]!.sendState).toBe("sending");
  });

  it("a refetch of the thread keeps the bubbles only this browser has, until the server has them", () => {
    const { queryClient } = threadWith([customerMessage()]);
    insertOptimisticMessage(queryClient, pending());
    const current = () =>
      queryClient.getQueryData<InfiniteData<MessagePage, string | null>>(inboxKeys.thread(CONVERSATION));
    const kept = withLocalMessages({ messages: [customerMessage()], olderCursor: null }, current());
    expect(kept.messages.map((m) => m.id)).toEqual(["msg-customer", `local:${CLIENT_ID}`]);
    const recordedMeanwhile = withLocalMessages(
      { messages: [customerMessage(), recorded()], olderCursor: null },
      current(),
    );
    expect(recordedMeanwhile.messages.map((m) => m.id)).toEqual(["msg-customer", "msg-reply"]);
  });

  it("a reaction replaces ours and an empty emoji removes it; the customer's stays", () => {
    const { queryClient, shown } = threadWith([
      customerMessage({ reactions: [{ emoji: "🎉", direction: "inbound" }] }),
    ]);
    const react = (emoji: string) =>
      applyOwnReaction(queryClient, { conversationId: CONVERSATION, messageId: "msg-customer", emoji });
    react("👍");
    react("❤️");
    expect(shown()[0]!.reactions).toEqual([
      { emoji: "🎉", direction: "inbound" },
      { emoji: "❤️", direction: "outbound" },
    ]);
    react("");
    expect(shown()[0]!.reactions).toEqual([{ emoji: "🎉", direction: "inbound" }]);
  });
});

describe("drafts", () => {
  const memoryStorage = () => {
    const items = new Map<string, string>();
    return {
      items,
      getItem: (key: string) => items.get(key) ?? null,
      setItem: (key: string, value: string) => void items.set(key, value),
      removeItem: (key: string) => void items.delete(key),
    };
  };

  it("are kept per agent and conversation, and cleared on send", () => {
    const storage = memoryStorage();
    const quote = {
      id: "msg-customer",
      wamid: "wamid.customer",
      type: "text",
      text: "Hello",
      direction: "inbound" as const,
    };
    saveDraft({ userId: "ana", conversationId: "c1", draft: { text: "Half a reply", replyTo: quote }, storage });
    saveDraft({ userId: "ana", conversationId: "c2", draft: { text: "Another", replyTo: null }, storage });
    saveDraft({ userId: "bruno", conversationId: "c1", draft: { text: "Bruno's", replyTo: null }, storage });
    expect(loadDraft({ userId: "ana", conversationId: "c1", storage })).toEqual({
      text: "Half a reply",
      replyTo: quote,
    });
    expect(loadDraft({ userId: "ana", conversationId: "c2", storage })?.text).toBe("Another");
    expect(loadDraft({ userId: "bruno", conversationId: "c1", storage })?.text).toBe("Bruno's");
    expect(loadDraft({ userId: "bruno", conversationId: "c2", storage })).toBeNull();

    clearDraft({ userId: "ana", conversationId: "c1", storage });
    expect(loadDraft({ userId: "ana", conversationId: "c1", storage })).toBeNull();
    expect(loadDraft({ userId: "ana", conversationId: "c2", storage })?.text).toBe("Another");
    expect(storage.items.size).toBe(2);
  });

  it("survive garbage in storage", () => {
    const storage = memoryStorage();
    storage.setItem("inbox:draft:ana:c1", "{not json");
    expect(loadDraft({ userId: "ana", conversationId: "c1", storage })).toBeNull();
    expect(loadDraft({ userId: "ana", conversationId: "c1", storage: null })).toBeNull();
  });
});

describe("a customer's file in the cache", () => {
  const file = (state: "pending" | "failed" | "stored", updatedAt: string) => ({
    state,
    url: state === "stored" ? "/api/media/msg-customer" : null,
    mimeType: state === "stored" ? "audio/ogg" : null,
    size: state === "stored" ? 21 : null,
    error: state === "failed" ? "Meta does not know this media id" : null,
    updatedAt,
  });
  const voiceNote = (media: ReturnType<typeof file>) => customerMessage({ type: "audio", media });

  it("keeps a failed download failed when a refetch read before the failure answers after it", () => {
    const { queryClient, shown } = threadWith([voiceNote(file("pending", "2026-12-03T05:00:00.000Z"))]);
    upsertThreadMessage(queryClient, voiceNote(file("failed", "2026-12-03T05:00:01.000Z")));
    upsertThreadMessage(queryClient, voiceNote(file("pending", "2026-12-03T05:00:00.000Z")));
    expect(shown()[0]!.media).toMatchObject({ state: "failed", error: "Meta does not know this media id" });
  });

  it("shows a retried download as pending again once the server says so, and stored stays stored", () => {
    const { queryClient, shown } = threadWith([voiceNote(file("failed", "2026-12-03T05:00:01.000Z"))]);
    upsertThreadMessage(queryClient, voiceNote(file("pending", "2026-12-03T05:00:09.000Z")));
    expect(shown()[0]!.media?.state).toBe("pending");
    upsertThreadMessage(queryClient, voiceNote(file("stored", "2026-12-03T05:00:10.000Z")));
    upsertThreadMessage(queryClient, voiceNote(file("failed", "2026-12-03T05:00:11.000Z")));
    expect(shown()[0]!.media?.state).toBe("stored");
  });
});
