"use client";

import type { QueryClient } from "@tanstack/react-query";
import { contactPanelQueryOptions } from "./use-contact";
import { findListRow } from "./use-conversations";
import { threadQueryOptions } from "./use-thread";

/**
 * Asks for a conversation's newest messages and its contact panel the moment the agent opens it,
 * rather than when the thread's components mount and run their queries (a render later: 150–450 ms
 * on a busy 2-core machine). Only what is not cached yet is fetched; the thread's hooks then find
 * the request in flight and wait for it instead of starting their own.
 */
export function prefetchConversation(queryClient: QueryClient, conversationId: string): void {
  void queryClient.prefetchInfiniteQuery(threadQueryOptions(queryClient, conversationId));
  const contactId = findListRow(queryClient, conversationId)?.row.contact.id;
  if (contactId) void queryClient.prefetchQuery(contactPanelQueryOptions(contactId));
}
