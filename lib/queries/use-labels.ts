"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ConversationDetail } from "@/lib/views/inbox";
import type { LabelList, LabelRequest, LabelView } from "@/lib/views/labels";
import { applyConversationChange } from "./inbox-cache";
import { inboxKeys } from "./inbox-keys";
import { fetchJson, requestJson } from "./request-json";

/** Every label, by name (kept current by labels-changed on the inbox channel). */
export function useLabels() {
  return useQuery({
    queryKey: inboxKeys.labels,
    queryFn: async ({ signal }) => (await fetchJson<LabelList>("/api/labels", { signal })).labels,
    staleTime: 60_000,
  });
}

/**
 * Puts a label on a conversation or takes it off. The row moves in (or out of) filtered lists as
 * soon as the server answers; colleagues get it through conversation-updated.
 */
export function useToggleConversationLabel(userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ conversationId, labelId, on }: { conversationId: string; labelId: string; on: boolean }) => {
      const result = on
        ? await requestJson<{ conversation: ConversationDetail }>(`/api/conversations/${conversationId}/labels`, {
            body: { labelId },
          })
        : await requestJson<{ conversation: ConversationDetail }>(
            `/api/conversations/${conversationId}/labels/${labelId}`,
            { method: "DELETE" },
          );
      if (!result.ok) throw new Error(result.message);
      return result.data.conversation;
    },
    onSuccess: (conversation) => applyConversationChange(queryClient, conversation, userId),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: inboxKeys.allCounts() });
      void queryClient.invalidateQueries({ queryKey: inboxKeys.labels });
    },
  });
}

/** Settings → Labels: add (id null) or edit a label. */
export function useSaveLabel() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, request }: { id: string | null; request: LabelRequest }) => {
      const result = id
        ? await requestJson<{ label: LabelView }>(`/api/labels/${id}`, { method: "PATCH", body: request })
        : await requestJson<{ label: LabelView }>("/api/labels", { body: request });
      if (!result.ok) throw new Error(result.message);
      return result.data.label;
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: inboxKeys.labels }),
  });
}

export function useDeleteLabel() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => {
      const result = await requestJson<null>(`/api/labels/${id}`, { method: "DELETE" });
      if (!result.ok) throw new Error(result.message);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: inboxKeys.labels }),
  });
}
