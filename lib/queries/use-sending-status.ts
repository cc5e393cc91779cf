"use client";

import { useQuery } from "@tanstack/react-query";
import type { SendingStatusView } from "@/lib/views/inbox";
import { inboxKeys } from "./inbox-keys";
import { fetchJson } from "./request-json";

/** Whether sending works right now; kept live by sending-status-changed (useInboxRealtime). */
export function useSendingStatus() {
  return useQuery({
    queryKey: inboxKeys.sendingStatus,
    queryFn: ({ signal }) => fetchJson<SendingStatusView>("/api/sending-status", { signal }),
    staleTime: 60_000,
  });
}
