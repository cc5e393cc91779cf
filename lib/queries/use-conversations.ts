"use client";

import {
  type InfiniteData,
  type QueryClient,
  queryOptions,
  useInfiniteQuery,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import type {
  AgentView,
  ConversationCounts,
  ConversationDetail,
  ConversationFilters,
  ConversationPage,
  InboxPhoneNumberView,
  UnreadSummary,
} from "@/lib/views/inbox";
import { fetchJson } from "./request-json";
import { conversationListParams, inboxKeys } from "./inbox-keys";

export function useConversationList(filters: ConversationFilters) {
  return useInfiniteQuery({
    queryKey: inboxKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      fetchJson<ConversationPage>(`/api/conversations?${conversationListParams(filters, pageParam)}`, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/**
 * One conversation. Opened from the list, its row is the detail already (kept as fresh by the same
 * realtime events), so no request is made; a deep link fetches it.
 */
export function useConversation(conversationId: string) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: inboxKeys.detail(conversationId),
    queryFn: async ({ signal }) =>
      (await fetchJson<{ conversation: ConversationDetail }>(`/api/conversations/${conversationId}`, { signal }))
        .conversation,
    initialData: () => findListRow(queryClient, conversationId)?.row,
    initialDataUpdatedAt: () => findListRow(queryClient, conversationId)?.updatedAt,
  });
}

/** A conversation's row in any list page this browser holds (what a click on a row already knows). */
export function findListRow(queryClient: QueryClient, conversationId: string) {
  for (const query of queryClient.getQueryCache().findAll({ queryKey: inboxKeys.lists() })) {
    const data = query.state.data as InfiniteData<ConversationPage> | undefined;
    for (const page of data?.pages ?? []) {
      const row = page.conversations.find((candidate) => candidate.id === conversationId);
      if (row) return { row, updatedAt: query.state.dataUpdatedAt };
    }
  }
  return undefined;
}

/**
 * The tab counts, under the list's number and label filters; kept current by the inbox channel
 * (refetched at most once a second).
 */
export function useConversationCounts(phoneNumberId: string | null, labelIds: string[]) {
  const search = new URLSearchParams();
  if (phoneNumberId) search.set("phoneNumberId", phoneNumberId);
  if (labelIds.length > 0) search.set("labels", labelIds.join(","));
  const query = search.toString();
  return useQuery({
    queryKey: inboxKeys.counts(phoneNumberId, labelIds),
    queryFn: ({ signal }) =>
      fetchJson<ConversationCounts>(`/api/conversations/counts${query ? `?${query}` : ""}`, { signal }),
    placeholderData: (previous) => previous,
  });
}

export function useUnreadSummary() {
  return useQuery({
    queryKey: inboxKeys.unread(),
    queryFn: ({ signal }) => fetchJson<UnreadSummary>("/api/conversations/unread", { signal }),
  });
}

export function useAgents() {
  return useQuery(agentsQueryOptions());
}

/** The team (assignee menu, @mentions, note authors); the inbox also asks for it when idle, before a thread needs it. */
export function agentsQueryOptions() {
  return queryOptions({
    queryKey: inboxKeys.agents,
    queryFn: async ({ signal }) => (await fetchJson<{ agents: AgentView[] }>("/api/agents", { signal })).agents,
    staleTime: 60_000,
  });
}

export function usePhoneNumbers() {
  return useQuery({
    queryKey: inboxKeys.phoneNumbers,
    queryFn: async ({ signal }) =>
      (await fetchJson<{ phoneNumbers: InboxPhoneNumberView[] }>("/api/phone-numbers", { signal })).phoneNumbers,
    staleTime: 60_000,
  });
}
