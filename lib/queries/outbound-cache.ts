// What this browser shows of its own sends before the server answers: a pending bubble on Enter
// (keyed by its client id, replaced by the server's message — see upsertThreadMessage), the reason
// when the request itself failed, and our reaction on a customer's message.
import type { InfiniteData, QueryClient } from "@tanstack/react-query";
import type { MessageAuthorView, MessagePage, QuotedMessageView, ThreadMessage } from "@/lib/views/inbox";
import type { DraftQuote } from "./drafts";
import { isLocalMessage, LOCAL_ID_PREFIX, upsertThreadMessage } from "./inbox-cache";
import { inboxKeys } from "./inbox-keys";

type ThreadData = InfiniteData<MessagePage, string | null>;

/** The bubble shown the moment the agent presses Enter: a clock until the server records it. */
export function optimisticMessage({
  conversationId,
  clientId,
  text,
  replyTo,
  author,
  now = new Date(),
}: {
  conversationId: string;
  clientId: string;
  text: string;
  replyTo: DraftQuote | null;
  author: MessageAuthorView;
  now?: Date;
}): ThreadMessage {
  return {
    id: `${LOCAL_ID_PREFIX}${clientId}`,
    wamid: null,
    conversationId,
    direction: "outbound",
    type: "text",
    text,
    body: { kind: "text", text },
    timestamp: now.toISOString(),
    timestampIssue: null,
    forwarded: false,
    referral: null,
    status: "pending",
    statusAt: null,
    errorCode: null,
    errorTitle: null,
    replyTo: replyTo ? quoteOf(replyTo) : null,
    reactions: [],
    author,
    clientId,
    sendState: "queued",
    sendError: null,
    retryOfId: null,
    retriedById: null,
    media: null,
  };
}

/** How a reply shows the message it quotes. */
export function quoteOf(message: DraftQuote): QuotedMessageView {
  return {
    wamid: message.wamid ?? "",
    found: true,
    id: message.id,
    type: message.type,
    text: message.text,
    direction: message.direction,
  };
}

export function findThreadMessage(
  queryClient: QueryClient,
  conversationId: string,
  match: (message: ThreadMessage) => boolean,
): ThreadMessage | null {
  const data = queryClient.getQueryData<ThreadData>(inboxKeys.thread(conversationId));
  for (const page of data?.pages ?? []) {
    const found = page.messages.find(match);
    if (found) return found;
  }
  return null;
}

/** Shows a pending bubble, unless the server's message for this client id is there already. */
export function insertOptimisticMessage(queryClient: QueryClient, message: ThreadMessage): void {
  if (findThreadMessage(queryClient, message.conversationId, (m) => m.clientId === message.clientId)) return;
  upsertThreadMessage(queryClient, message);
}

function patchThreadMessage(
  queryClient: QueryClient,
  conversationId: string,
  id: string,
  patch: (message: ThreadMessage) => ThreadMessage | null,
): void {
  queryClient.setQueryData<ThreadData>(inboxKeys.thread(conversationId), (data) => {
    if (!data) return data;
    let changed = false;
    const pages = data.pages.map((page) => {
      if (!page.messages.some((m) => m.id === id)) return page;
      changed = true;
      return {
        ...page,
        messages: page.messages.flatMap((m) => {
          if (m.id !== id) return [m];
          const next = patch(m);
          return next ? [next] : [];
        }),
      };
    });
    return changed ? { ...data, pages } : data;
  });
}

/**
 * The POST itself failed (no network, a refusal): the pending bubble says why. Only a bubble the
 * server has not answered for — a message the server recorded keeps its own state.
 */
export function markLocalSendFailed(
  queryClient: QueryClient,
  {
    conversationId,
    clientId,
    message,
    retryable,
  }: {
    conversationId: string;
    clientId: string;
    message: string;
    retryable: boolean;
  },
): void {
  patchThreadMessage(queryClient, conversationId, `${LOCAL_ID_PREFIX}${clientId}`, (m) => ({
    ...m,
    status: "failed",
    sendState: "failed",
    sendError: {
      code: null,
      title: "Not sent",
      details: message,
      advice: retryable
        ? "Nothing reached the customer. Your text is back in the composer; try again when the connection is back."
        : "Nothing reached the customer. Your text is back in the composer.",
    },
  }));
}

/** Back to "sending" for a new attempt with the same client id (the server records it once). */
export function markLocalSendRetrying(queryClient: QueryClient, conversationId: string, clientId: string): void {
  patchThreadMessage(queryClient, conversationId, `${LOCAL_ID_PREFIX}${clientId}`, (m) => ({
    ...m,
    status: "pending",
    sendState: "queued",
    sendError: null,
  }));
}

/** Drops a bubble the server never recorded. */
export function removeLocalMessage(queryClient: QueryClient, message: ThreadMessage): void {
  if (!isLocalMessage(message)) return;
  patchThreadMessage(queryClient, message.conversationId, message.id, () => null);
}

/** Our reaction on a message, at once: one per message, so it replaces ours; "" removes it. */
export function applyOwnReaction(
  queryClient: QueryClient,
  { conversationId, messageId, emoji }: { conversationId: string; messageId: string; emoji: string },
): void {
  patchThreadMessage(queryClient, conversationId, messageId, (m) => ({
    ...m,
    reactions: [
      ...m.reactions.filter((reaction) => reaction.direction !== "outbound"),
      ...(emoji === "" ? [] : [{ emoji, direction: "outbound" as const }]),
    ],
  }));
}

/** The send of a failed or unconfirmed message was repeated as `retryId`. */
export function markRetried(queryClient: QueryClient, message: ThreadMessage, retryId: string): void {
  patchThreadMessage(queryClient, message.conversationId, message.id, (m) => ({ ...m, retriedById: retryId }));
}

/**
 * A refetched newest page, with this browser's bubbles the server does not have (yet): a pending
 * send whose answer is still on its way, a failed request with its reason. A refetch (reconnect,
 * another tab's change) would otherwise drop them — and with them, what the agent typed.
 */
export function withLocalMessages(fresh: MessagePage, current: ThreadData | undefined): MessagePage {
  const locals = (current?.pages[0]?.messages ?? []).filter(
    (local) => isLocalMessage(local) && !fresh.messages.some((m) => m.clientId === local.clientId),
  );
  if (locals.length === 0) return fresh;
  return { ...fresh, messages: [...fresh.messages, ...locals] };
}
