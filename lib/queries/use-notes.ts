"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import type { CreateNoteRequest, CreateNoteResponse } from "@/lib/views/inbox";
import { upsertThreadMessage } from "./inbox-cache";
import { requestJson } from "./request-json";
import type { SendResult } from "./use-outbound";

/** Adds a private note to a thread; it joins the thread when the server has it (nothing goes to Meta). */
export function useAddNote(conversationId: string) {
  const queryClient = useQueryClient();
  return useCallback(
    async ({ text, mentionIds }: { text: string; mentionIds: string[] }): Promise<SendResult> => {
      const body: CreateNoteRequest = { clientId: crypto.randomUUID(), text, mentionIds };
      const result = await requestJson<CreateNoteResponse>(`/api/conversations/${conversationId}/notes`, { body });
      if (!result.ok) return { ok: false, status: result.status, message: result.message };
      upsertThreadMessage(queryClient, result.data.message);
      return { ok: true, message: result.data.message };
    },
    [queryClient, conversationId],
  );
}
