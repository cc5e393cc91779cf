"use client";

import {
  type InfiniteData,
  infiniteQueryOptions,
  type QueryClient,
  useInfiniteQuery,
  useQueryClient,
} from "@tanstack/react-query";
import type { MessagePage } from "@/lib/views/inbox";
import { inboxKeys } from "./inbox-keys";
import { withLocalMessages } from "./outbound-cache";
import { fetchJson } from "./request-json";

const PAGE_SIZE = 50;

/** A conversation's messages, newest page first (pages[0]); older pages load as the agent scrolls up. */
export function useThread(conversationId: string) {
  const queryClient = useQueryClient();
  return useInfiniteQuery(threadQueryOptions(queryClient, conversationId));
}

/** The thread's query, shared by the hook and the prefetch that starts it on the click (prefetch-conversation.ts). */
export function threadQueryOptions(queryClient: QueryClient, conversationId: string) {
  return infiniteQueryOptions({
    queryKey: inboxKeys.thread(conversationId),
    queryFn: async ({ pageParam, signal }) => {
      const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
      if (pageParam) params.set("before", pageParam);
      const page = await fetchJson<MessagePage>(`/api/conversations/${conversationId}/messages?${params}`, { signal });
      if (pageParam) return page;
      // The newest page keeps the bubbles only this browser has (pending or failed sends).
      const current = queryClient.getQueryData<InfiniteData<MessagePage, string | null>>(
        inboxKeys.thread(conversationId),
      );
      return withLocalMessages(page, current);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last: MessagePage) => last.olderCursor,
  });
}
