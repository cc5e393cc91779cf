"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ThreadMessage } from "@/lib/views/inbox";
import { upsertThreadMessage } from "./inbox-cache";
import { ApiRequestError, requestJson } from "./request-json";

/** Asks the server to download a message's media file again; the bubble shows it loading at once. */
export function useMediaRetry(message: Pick<ThreadMessage, "id">) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (current: ThreadMessage) => {
      const result = await requestJson<{ state: string }>(`/api/media/${encodeURIComponent(message.id)}/retry`);
      if (!result.ok) throw new ApiRequestError(result.message, result.status);
      return current;
    },
    onSuccess: (current) => {
      // The download's outcome arrives as a realtime message update; until then it is loading.
      if (current.media && current.media.state !== "stored") {
        upsertThreadMessage(queryClient, { ...current, media: { ...current.media, state: "pending", error: null } });
      }
    },
  });
}
