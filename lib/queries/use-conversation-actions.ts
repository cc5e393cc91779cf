"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { requestJson } from "@/lib/queries/request-json";
import type { ConversationDetail, ConversationStatus } from "@/lib/views/inbox";
import { setConversationUnread, applyConversationChange } from "./inbox-cache";
import { inboxKeys } from "./inbox-keys";

export type ConversationChange = { status?: ConversationStatus; assigneeId?: string | null };

/** State and assignment; the list moves the row (or drops it from a filter) as soon as the server agrees. */
export function useUpdateConversation(userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ conversationId, change }: { conversationId: string; change: ConversationChange }) => {
      const result = await requestJson<{ conversation: ConversationDetail }>(`/api/conversations/${conversationId}`, {
        method: "PATCH",
        body: change,
      });
      if (!result.ok) throw new Error(result.message);
      return result.data.conversation;
    },
    onSuccess: (conversation) => applyConversationChange(queryClient, conversation, userId),
    onSettled: () => queryClient.invalidateQueries({ queryKey: inboxKeys.allCounts() }),
  });
}

/** This agent has seen the conversation: clears its unread count for this agent only. */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (conversationId: string) => {
      const result = await requestJson<{ conversation: ConversationDetail }>(
        `/api/conversations/${conversationId}/read`,
        { method: "POST" },
      );
      if (!result.ok) throw new Error(result.message);
      return result.data.conversation;
    },
    onMutate: (conversationId) => setConversationUnread(queryClient, conversationId, 0),
    onSuccess: (_conversation, conversationId) => setConversationUnread(queryClient, conversationId, 0),
    onSettled: () => queryClient.invalidateQueries({ queryKey: inboxKeys.unread() }),
  });
}
