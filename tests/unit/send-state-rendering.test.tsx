// What a bubble of ours says about its send: who sent it, a refusal with its reason and what to
// do, an unconfirmed send, one already retried — and the actions only where they apply.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MessageBubble } from "@/components/inbox/message/message-bubble";
import { type ThreadActions, ThreadActionsContext } from "@/components/inbox/thread-actions";
import { optimisticMessage } from "@/lib/queries/outbound-cache";
import type { ThreadMessage } from "@/lib/views/inbox";

const noop = () => undefined;
const actions: ThreadActions = {
  userId: "user-ana",
  canSend: true,
  reply: noop,
  react: noop,
  retry: noop,
  resendLocal: noop,
  discardLocal: noop,
};

function ours(overrides: Partial<ThreadMessage> = {}): ThreadMessage {
  return {
    ...optimisticMessage({
      conversationId: "conv-1",
      clientId: "c1",
      text: "Your order ships today",
      replyTo: null,
      author: { kind: "agent", id: "user-ana", name: "Ana" },
    }),
    id: "msg-1",
    wamid: "wamid.1",
    sendState: "sent",
    status: "sent",
    ...overrides,
  };
}

const render = (message: ThreadMessage, value: ThreadActions | null = actions) =>
  renderToStaticMarkup(
    <ThreadActionsContext value={value}>
      <MessageBubble message={message} />
    </ThreadActionsContext>,
  );
const text = (html: string) =>
  html
    .replace(/<[^>]*>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, " ");

describe("a bubble of ours", () => {
  it("names its sender: You, another agent, the WhatsApp Business app", () => {
    expect(text(render(ours()))).toContain("You");
    expect(text(render(ours({ author: { kind: "agent", id: "user-bruno", name: "Bruno" } })))).toContain("Bruno");
    expect(text(render(ours({ author: { kind: "business_app" } })))).toContain("WhatsApp Business app");
  });

  it("a refused send shows Meta's reason, what to do, and Retry", () => {
    const html = render(
      ours({
        wamid: null,
        status: "pending",
        sendState: "failed",
        sendError: {
          code: 131026,
          title: "Message undeliverable",
          details: "Unable to deliver the message",
          advice: "Reach them another way.",
        },
      }),
    );
    expect(html).toContain('data-send-state="failed"');
    expect(text(html)).toContain("Message undeliverable (code 131026)");
    expect(text(html)).toContain("Unable to deliver the message");
    expect(text(html)).toContain("Reach them another way.");
    expect(html).toMatch(/<button[^>]*>Retry<\/button>/);
    expect(html).toContain('aria-label="Failed: Message undeliverable (code 131026)"');
  });

  it("an unconfirmed send says so; once retried it points to the new message instead of offering Retry", () => {
    const unknown = ours({
      wamid: null,
      status: "pending",
      sendState: "unknown",
      sendError: { code: null, title: "socket hang up", details: null, advice: "Check with them, or send it again." },
    });
    expect(text(render(unknown))).toContain("Not confirmed");
    expect(render(unknown)).toMatch(/>Retry<\/button>/);
    const retried = render({ ...unknown, retriedById: "msg-2" });
    expect(text(retried)).toContain("Sent again as a new message below.");
    expect(retried).not.toMatch(/>Retry<\/button>/);
  });

  it("only customer messages get React; nothing is actionable outside a thread or after the window closed", () => {
    const customer = ours({ direction: "inbound", author: null, sendState: null, status: null });
    expect(render(customer)).toContain('aria-label="React"');
    expect(render(customer)).toContain('aria-label="Reply"');
    expect(render(ours())).not.toContain('aria-label="React"');
    expect(render(customer, null)).not.toContain("message-actions");
    expect(render(customer, { ...actions, canSend: false })).not.toContain("message-actions");
  });
});
