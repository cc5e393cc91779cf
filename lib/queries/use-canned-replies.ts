"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CannedReplyList, CannedReplyRequest, CannedReplyView } from "@/lib/views/canned-replies";
import { fetchJson, requestJson } from "./request-json";

export const cannedReplyKeys = {
  all: ["canned-replies"] as const,
  /** null: the settings page (no variables filled in). */
  list: (conversationId: string | null) => [...cannedReplyKeys.all, conversationId] as const,
};

/** Shared canned replies and the agent's own; with a conversation, filled in for it. */
export function useCannedReplies(conversationId: string | null, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: cannedReplyKeys.list(conversationId),
    queryFn: async ({ signal }) =>
      (
        await fetchJson<CannedReplyList>(
          conversationId
            ? `/api/canned-replies?conversationId=${encodeURIComponent(conversationId)}`
            : "/api/canned-replies",
          { signal },
        )
      ).cannedReplies,
    enabled,
    staleTime: 30_000,
  });
}

type SaveInput = { id: string | null; request: CannedReplyRequest };

/** Adds (id null) or edits a canned reply; every list refetches after. */
export function useSaveCannedReply() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, request }: SaveInput) => {
      const result = id
        ? await requestJson<{ cannedReply: CannedReplyView }>(`/api/canned-replies/${id}`, {
            method: "PATCH",
            body: { title: request.title, shortcut: request.shortcut, text: request.text },
          })
        : await requestJson<{ cannedReply: CannedReplyView }>("/api/canned-replies", { body: request });
      if (!result.ok) throw new Error(result.message);
      return result.data.cannedReply;
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: cannedReplyKeys.all }),
  });
}

export function useDeleteCannedReply() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => {
      const result = await requestJson<null>(`/api/canned-replies/${id}`, { method: "DELETE" });
      if (!result.ok) throw new Error(result.message);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: cannedReplyKeys.all }),
  });
}
