"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo } from "react";
import type { ConversationPage } from "@/lib/inbox/inbox-views";
import { INBOX_CHANNEL } from "@/lib/realtime/channels";
import { fetchJson } from "./fetch-json";
import { refetchIfLoading, upsertConversationRows } from "./inbox-cache";
import { inboxKeys } from "./inbox-keys";
import { useChannel } from "./use-channel";

// Events that arrive together (one processed batch) become one request for their rows.
const ROW_BATCH_MS = 25;
const UNREAD_REFRESH_MS = 300;
const IDS_PER_REQUEST = 100;

/** Keeps the conversation list and the tab's unread total live from the inbox channel. */
export function useInboxRealtime(userId: string): void {
  const queryClient = useQueryClient();

  const batcher = useMemo(() => {
    const pending = new Set<string>();
    let rowTimer: ReturnType<typeof setTimeout> | null = null;
    let unreadTimer: ReturnType<typeof setTimeout> | null = null;
    const flushRows = async () => {
      rowTimer = null;
      const ids = [...pending];
      pending.clear();
      for (let start = 0; start < ids.length; start += IDS_PER_REQUEST) {
        const chunk = ids.slice(start, start + IDS_PER_REQUEST);
        try {
          const page = await fetchJson<ConversationPage>(`/api/conversations?ids=${chunk.join(",")}`);
          upsertConversationRows(queryClient, page.conversations, userId);
          refetchIfLoading(queryClient, inboxKeys.lists());
        } catch {
          // The rows stay as they were; the next event or reconnect refetches them.
        }
      }
    };
    return {
      rows(ids: string[]) {
        for (const id of ids) pending.add(id);
        rowTimer ??= setTimeout(() => void flushRows(), ROW_BATCH_MS);
      },
      unread() {
        unreadTimer ??= setTimeout(() => {
          unreadTimer = null;
          void queryClient.invalidateQueries({ queryKey: inboxKeys.unread() });
        }, UNREAD_REFRESH_MS);
      },
      dispose() {
        if (rowTimer) clearTimeout(rowTimer);
        if (unreadTimer) clearTimeout(unreadTimer);
      },
    };
  }, [queryClient, userId]);
  useEffect(() => () => batcher.dispose(), [batcher]);

  useChannel(INBOX_CHANNEL, {
    "conversation-created": ({ conversationId }) => batcher.rows([conversationId]),
    "conversation-updated": ({ conversationId }) => batcher.rows([conversationId]),
    "unread-counts-changed": ({ conversationIds }) => {
      batcher.rows(conversationIds);
      batcher.unread();
    },
    onSubscribed: () => void queryClient.invalidateQueries({ queryKey: inboxKeys.conversations }),
  });
}
