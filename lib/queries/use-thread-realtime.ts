"use client";

import { useQueryClient } from "@tanstack/react-query";
import type { ThreadMessage } from "@/lib/views/inbox";
import { conversationChannel } from "@/lib/realtime/channels";
import { fetchJson } from "./request-json";
import { applyStatusChange, findThreadMessageByWamid, refetchIfLoading, upsertThreadMessage } from "./inbox-cache";
import { inboxKeys } from "./inbox-keys";
import { useChannel } from "./use-channel";

/** The message an event carries, else (too big for an event) as the JSON API answers it. */
async function messageOf(messageId: string, carried: ThreadMessage | undefined): Promise<ThreadMessage | null> {
  if (carried) return carried;
  try {
    return (await fetchJson<{ message: ThreadMessage }>(`/api/messages/${messageId}`)).message;
  } catch {
    return null; // the next reconnect or reopening refetches the thread
  }
}

/** Keeps one open thread live: new messages, send states, ticks (forward only) and reactions. */
export function useThreadRealtime(
  conversationId: string,
  { onInboundMessage }: { onInboundMessage: () => void },
): void {
  const queryClient = useQueryClient();
  const threadKey = inboxKeys.thread(conversationId);
  useChannel(conversationChannel(conversationId), {
    "message-created": async ({ messageId, direction, message: carried }) => {
      const message = await messageOf(messageId, carried);
      if (message) upsertThreadMessage(queryClient, message);
      refetchIfLoading(queryClient, threadKey);
      if (direction === "inbound") onInboundMessage();
    },
    "message-status-changed": (event) => {
      applyStatusChange(queryClient, event);
      refetchIfLoading(queryClient, threadKey);
    },
    // One of our messages moved in the send pipeline (sending, sent with its wamid, failed, retried).
    "message-updated": async ({ messageId, message: carried }) => {
      const message = await messageOf(messageId, carried);
      if (message) upsertThreadMessage(queryClient, message);
      refetchIfLoading(queryClient, threadKey);
    },
    "reaction-changed": async ({ targetWamid, message: carried }) => {
      const target = findThreadMessageByWamid(queryClient, conversationId, targetWamid);
      if (target) {
        const message = await messageOf(target.id, carried);
        if (message) upsertThreadMessage(queryClient, message);
      }
      refetchIfLoading(queryClient, threadKey);
    },
    onSubscribed: () => void queryClient.invalidateQueries({ queryKey: threadKey }),
  });
}
