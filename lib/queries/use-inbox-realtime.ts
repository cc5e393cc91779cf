"use client";

import { type InfiniteData, type QueryClient, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo } from "react";
import type { ConversationListItem, ConversationPage, SharedConversationRow } from "@/lib/views/inbox";
import type { ActivityReason } from "./notification-rules";
import { INBOX_CHANNEL } from "@/lib/realtime/channels";
import { fetchJson } from "./request-json";
import {
  applyAvailabilityChange,
  refetchDroppingInFlight,
  refetchIfLoading,
  removeConversationRow,
  upsertConversationRows,
} from "./inbox-cache";
import { applyTemplateChanges } from "./use-templates";
import { inboxKeys } from "./inbox-keys";
import { contactKeys } from "./use-contact";
import { useChannel } from "./use-channel";

// Events that arrive together (one processed batch) become one request for their rows.
const ROW_BATCH_MS = 25;
const UNREAD_REFRESH_MS = 300;
const COUNTS_REFRESH_MS = 1_000;
const IDS_PER_REQUEST = 100;

/**
 * Keeps the conversation list, the tab's unread total and the sending status live from the inbox
 * channel. `onActivity` hears of new conversations and customers' messages with their fresh rows
 * (for desktop notifications), `onGone` of a conversation folded into another or deleted (`into`
 * null; a thread showing it follows or closes); keep both stable.
 */
export function useInboxRealtime(
  userId: string,
  onActivity?: (rows: ConversationListItem[], reason: ActivityReason) => void,
  onGone?: (from: string, into: string | null) => void,
): void {
  const queryClient = useQueryClient();

  const batcher = useMemo(() => {
    const pending = new Set<string>();
    const reasons = new Map<string, ActivityReason>();
    let rowTimer: ReturnType<typeof setTimeout> | null = null;
    let unreadTimer: ReturnType<typeof setTimeout> | null = null;
    let countsTimer: ReturnType<typeof setTimeout> | null = null;
    const flushRows = async () => {
      rowTimer = null;
      const ids = [...pending];
      pending.clear();
      const why = new Map(reasons);
      reasons.clear();
      for (let start = 0; start < ids.length; start += IDS_PER_REQUEST) {
        const chunk = ids.slice(start, start + IDS_PER_REQUEST);
        try {
          const page = await fetchJson<ConversationPage>(`/api/conversations?ids=${chunk.join(",")}`);
          upsertConversationRows(queryClient, page.conversations, userId);
          refetchIfLoading(queryClient, inboxKeys.lists());
          for (const reason of ["created", "inbound", "mention"] as const) {
            const rows = page.conversations.filter((row) => why.get(row.id) === reason);
            if (rows.length > 0) onActivity?.(rows, reason);
          }
        } catch {
          // The rows stay as they were; the next event or reconnect refetches them.
        }
      }
    };
    // A new or changed conversation may move between tabs.
    const counts = () => {
      countsTimer ??= setTimeout(() => {
        countsTimer = null;
        void queryClient.invalidateQueries({ queryKey: inboxKeys.allCounts() });
      }, COUNTS_REFRESH_MS);
    };
    return {
      rows(ids: string[], reason?: ActivityReason) {
        for (const id of ids) {
          pending.add(id);
          if (reason && reasons.get(id) !== "created") reasons.set(id, reason);
        }
        rowTimer ??= setTimeout(() => void flushRows(), ROW_BATCH_MS);
        counts();
      },
      counts,
      unread() {
        unreadTimer ??= setTimeout(() => {
          unreadTimer = null;
          void queryClient.invalidateQueries({ queryKey: inboxKeys.unread() });
        }, UNREAD_REFRESH_MS);
      },
      dispose() {
        if (rowTimer) clearTimeout(rowTimer);
        if (unreadTimer) clearTimeout(unreadTimer);
        if (countsTimer) clearTimeout(countsTimer);
      },
    };
  }, [queryClient, userId, onActivity]);
  useEffect(() => () => batcher.dispose(), [batcher]);

  // A row an event carries paints at once, with this agent's own counts as the cache has them: what
  // changes those (a customer's message, a mention) comes with its own event, which fetches the row.
  const applyRow = (row: SharedConversationRow) => {
    upsertConversationRows(queryClient, [withOwnCounts(queryClient, row)], userId);
    refetchIfLoading(queryClient, inboxKeys.lists());
  };
  useChannel(INBOX_CHANNEL, {
    "conversation-created": ({ conversationId, row }) => {
      if (row) applyRow(row);
      // Still fetched: whether to notify depends on this agent's counts.
      batcher.rows([conversationId], "created");
    },
    "conversation-updated": ({ conversationId, row }) => {
      if (row) {
        applyRow(row);
        batcher.counts();
      } else batcher.rows([conversationId]);
    },
    "unread-counts-changed": ({ conversationIds }) => {
      batcher.rows(conversationIds, "inbound");
      batcher.unread();
    },
    // This user read it in another tab: this tab's row, unread total and title follow.
    "conversation-read": ({ conversationId, userId: reader }) => {
      if (reader !== userId) return;
      batcher.rows([conversationId]);
      batcher.unread();
    },
    // A colleague @mentioned this agent: the row (its badge) and the Mentions count, live.
    "mentions-created": ({ conversationId, userIds }) => {
      if (!userIds.includes(userId)) return;
      batcher.rows([conversationId], "mention");
      batcher.unread();
    },
    "sending-status-changed": (status) => queryClient.setQueryData(inboxKeys.sendingStatus, status),
    "templates-changed": ({ templates }) => applyTemplateChanges(queryClient, templates),
    // An admin renamed, recoloured or deleted labels: the pickers and every row's chips redraw.
    "contact-updated": ({ contactId }) =>
      void queryClient.invalidateQueries({ queryKey: contactKeys.detail(contactId) }),
    // An admin added, renamed or deleted a contact attribute: every panel's fields follow.
    "contact-attributes-changed": () => void queryClient.invalidateQueries({ queryKey: contactKeys.all }),
    // The customer's two numbers became one contact: one row goes, the other gains its history.
    "conversation-merged": ({ conversationId, into }) => {
      removeConversationRow(queryClient, conversationId);
      batcher.rows([into]);
      batcher.unread();
      onGone?.(conversationId, into);
    },
    // Deleted (the sandbox's demo data): the rows go; a thread showing one closes.
    "conversations-deleted": ({ conversationIds }) => {
      for (const id of conversationIds) {
        removeConversationRow(queryClient, id);
        onGone?.(id, null);
      }
      batcher.counts();
      batcher.unread();
    },
    // A colleague (or this user, from the header's switch) went online or away.
    "availability-changed": (change) => applyAvailabilityChange(queryClient, change),
    "labels-changed": () => {
      void queryClient.invalidateQueries({ queryKey: inboxKeys.labels });
      void queryClient.invalidateQueries({ queryKey: inboxKeys.conversations });
    },
    // An admin changed business hours: the numbers (and their "Back at") reload.
    "phone-numbers-changed": () => void queryClient.invalidateQueries({ queryKey: inboxKeys.phoneNumbers }),
    onSubscribed: () => {
      void queryClient.invalidateQueries({ queryKey: inboxKeys.conversations });
      void queryClient.invalidateQueries({ queryKey: inboxKeys.sendingStatus });
      // Availability changes published before the subscription (the header's switch pressed while
      // the page was still connecting) are read back here, whatever answer is already on its way.
      // At once even with no thread open: the list is kept ready (prefetched when the inbox is idle)
      // so that opening a conversation neither asks for it nor draws the header twice.
      refetchDroppingInFlight(queryClient, inboxKeys.agents, "all");
    },
  });
}

/** The shared row with this agent's counts as the cache holds them (0 for a row not loaded yet). */
function withOwnCounts(queryClient: QueryClient, row: SharedConversationRow): ConversationListItem {
  const cached =
    queryClient.getQueryData<ConversationListItem>(inboxKeys.detail(row.id)) ??
    queryClient
      .getQueriesData<InfiniteData<ConversationPage>>({ queryKey: inboxKeys.lists() })
      .flatMap(([, data]) => data?.pages ?? [])
      .flatMap((page) => page.conversations)
      .find((existing) => existing.id === row.id);
  return { ...row, unreadCount: cached?.unreadCount ?? 0, unreadMentions: cached?.unreadMentions ?? 0 };
}
