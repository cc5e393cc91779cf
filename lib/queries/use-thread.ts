"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import type { MessagePage } from "@/lib/inbox/inbox-views";
import { fetchJson } from "./fetch-json";
import { inboxKeys } from "./inbox-keys";

const PAGE_SIZE = 50;

/** A conversation's messages, newest page first (pages[0]); older pages load as the agent scrolls up. */
export function useThread(conversationId: string) {
  return useInfiniteQuery({
    queryKey: inboxKeys.thread(conversationId),
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
      if (pageParam) params.set("before", pageParam);
      return fetchJson<MessagePage>(`/api/conversations/${conversationId}/messages?${params}`, { signal });
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.olderCursor,
  });
}
