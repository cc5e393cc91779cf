"use client";

import { useQueryClient } from "@tanstack/react-query";
import type { ThreadMessage } from "@/lib/inbox/inbox-views";
import { conversationChannel } from "@/lib/realtime/channels";
import { fetchJson } from "./fetch-json";
import { applyStatusChange, findThreadMessageByWamid, refetchIfLoading, upsertThreadMessage } from "./inbox-cache";
import { inboxKeys } from "./inbox-keys";
import { useChannel } from "./use-channel";

async function fetchMessage(messageId: string): Promise<ThreadMessage | null> {
  try {
    return (await fetchJson<{ message: ThreadMessage }>(`/api/messages/${messageId}`)).message;
  } catch {
    return null; // the next reconnect or reopening refetches the thread
  }
}

/** Keeps one open thread live: new messages, ticks (forward only) and reactions. */
export function useThreadRealtime(
  conversationId: string,
  { onInboundMessage }: { onInboundMessage: () => void },
): void {
  const queryClient = useQueryClient();
  const threadKey = inboxKeys.thread(conversationId);
  useChannel(conversationChannel(conversationId), {
    "message-created": async ({ messageId, direction }) => {
      const message = await fetchMessage(messageId);
      if (message) upsertThreadMessage(queryClient, message);
      refetchIfLoading(queryClient, threadKey);
      if (direction === "inbound") onInboundMessage();
    },
    "message-status-changed": (event) => {
      applyStatusChange(queryClient, event);
      refetchIfLoading(queryClient, threadKey);
    },
    "reaction-changed": async ({ targetWamid }) => {
      const target = findThreadMessageByWamid(queryClient, conversationId, targetWamid);
      if (target) {
        const message = await fetchMessage(target.id);
        if (message) upsertThreadMessage(queryClient, message);
      }
      refetchIfLoading(queryClient, threadKey);
    },
    onSubscribed: () => void queryClient.invalidateQueries({ queryKey: threadKey }),
  });
}
