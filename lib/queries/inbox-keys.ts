// Query keys of the inbox cache, in one place so realtime patches and mutations hit the same entries.
import type { ConversationFilters } from "@/lib/views/inbox";

export const inboxKeys = {
  conversations: ["conversations"] as const,
  lists: () => [...inboxKeys.conversations, "list"] as const,
  list: (filters: ConversationFilters) => [...inboxKeys.lists(), filters] as const,
  detail: (id: string) => [...inboxKeys.conversations, "detail", id] as const,
  unread: () => [...inboxKeys.conversations, "unread"] as const,
  allCounts: () => [...inboxKeys.conversations, "counts"] as const,
  counts: (phoneNumberId: string | null, labelIds: string[]) =>
    [...inboxKeys.allCounts(), phoneNumberId, labelIds.join(",")] as const,
  threads: ["thread"] as const,
  thread: (conversationId: string) => [...inboxKeys.threads, conversationId] as const,
  agents: ["agents"] as const,
  phoneNumbers: ["phone-numbers"] as const,
  realtimeConfig: ["realtime-config"] as const,
  sendingStatus: ["sending-status"] as const,
  templates: ["templates"] as const,
  labels: ["labels"] as const,
  /** Templates one number can send (null: all of them, as Settings → Templates lists them). */
  templateList: (phoneNumberId: string | null) => [...inboxKeys.templates, phoneNumberId ?? "all"] as const,
};

/** The query string of GET /api/conversations for a set of filters. */
export function conversationListParams(filters: ConversationFilters, cursor: string | null): string {
  const params = new URLSearchParams({ status: filters.status, assignee: filters.assignee });
  if (filters.phoneNumberId) params.set("phoneNumberId", filters.phoneNumberId);
  if (filters.search.trim() !== "") params.set("q", filters.search.trim());
  if (filters.labelIds.length > 0) params.set("labels", filters.labelIds.join(","));
  if (cursor) params.set("cursor", cursor);
  return params.toString();
}
