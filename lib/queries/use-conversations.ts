"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import type {
  AgentView,
  ConversationDetail,
  ConversationFilters,
  ConversationPage,
  PhoneNumberView,
  UnreadSummary,
} from "@/lib/inbox/inbox-views";
import { fetchJson } from "./fetch-json";
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

export function useConversation(conversationId: string | null) {
  return useQuery({
    queryKey: inboxKeys.detail(conversationId ?? ""),
    queryFn: async ({ signal }) =>
      (await fetchJson<{ conversation: ConversationDetail }>(`/api/conversations/${conversationId}`, { signal }))
        .conversation,
    enabled: conversationId !== null,
  });
}

export function useUnreadSummary() {
  return useQuery({
    queryKey: inboxKeys.unread(),
    queryFn: ({ signal }) => fetchJson<UnreadSummary>("/api/conversations/unread", { signal }),
  });
}

export function useAgents() {
  return useQuery({
    queryKey: inboxKeys.agents,
    queryFn: async ({ signal }) => (await fetchJson<{ agents: AgentView[] }>("/api/agents", { signal })).agents,
    staleTime: 60_000,
  });
}

export function usePhoneNumbers() {
  return useQuery({
    queryKey: inboxKeys.phoneNumbers,
    queryFn: async ({ signal }) =>
      (await fetchJson<{ phoneNumbers: PhoneNumberView[] }>("/api/phone-numbers", { signal })).phoneNumbers,
    staleTime: 60_000,
  });
}
