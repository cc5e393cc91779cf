"use client";

import { type InfiniteData, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef } from "react";
import { Button, Spinner } from "@/components/ui/button";
import type { ConversationDetail, ConversationPage } from "@/lib/inbox/inbox-views";
import { inboxKeys } from "@/lib/queries/inbox-keys";
import { type ConversationChange, useMarkRead, useUpdateConversation } from "@/lib/queries/use-conversation-actions";
import { useConversation } from "@/lib/queries/use-conversations";
import { usePresence } from "@/lib/queries/use-presence";
import { useThreadRealtime } from "@/lib/queries/use-thread-realtime";
import { contactLabel } from "./format";
import { MessageList } from "./message-list";
import { ThreadHeader } from "./thread-header";

type Props = { conversationId: string; userId: string; onBack: () => void };

export function Thread({ conversationId, userId, onBack }: Props) {
  const conversation = useConversation(conversationId);
  const viewers = usePresence(conversationId);
  const update = useUpdateConversation(userId);
  const markRead = useMarkRead();
  const { mutate: markReadMutate } = markRead;

  // The list usually has the row already: show the header at once while the detail loads.
  const fromList = useListRow(conversationId);
  const detail = conversation.data ?? fromList;

  const markReadIfVisible = useCallback(() => {
    if (document.visibilityState === "visible") markReadMutate(conversationId);
  }, [conversationId, markReadMutate]);
  const readTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const onInboundMessage = useCallback(() => {
    if (readTimer.current) clearTimeout(readTimer.current);
    readTimer.current = setTimeout(markReadIfVisible, 300);
  }, [markReadIfVisible]);
  useThreadRealtime(conversationId, { onInboundMessage });

  // Whatever told us about new customer messages (an event, a refetch after reconnect), an open
  // and visible thread is read: the badge never lingers on the conversation being looked at.
  const unreadCount = detail?.unreadCount ?? 0;
  useEffect(() => {
    if (unreadCount > 0) onInboundMessage();
  }, [unreadCount, onInboundMessage]);

  useEffect(() => {
    markReadIfVisible();
    document.addEventListener("visibilitychange", markReadIfVisible);
    return () => {
      document.removeEventListener("visibilitychange", markReadIfVisible);
      if (readTimer.current) clearTimeout(readTimer.current);
    };
  }, [markReadIfVisible]);

  const change = (value: ConversationChange) => update.mutate({ conversationId, change: value });

  if (!detail) {
    if (conversation.error) {
      return (
        <section
          data-testid="thread"
          aria-label="Conversation"
          className="flex flex-1 flex-col items-center justify-center gap-3 p-6 text-sm text-slate-600"
        >
          <p role="alert">
            {(conversation.error as { status?: number }).status === 404
              ? "This conversation does not exist."
              : `Could not load the conversation: ${conversation.error.message}`}
          </p>
          <Button variant="secondary" onClick={onBack}>
            Back to conversations
          </Button>
        </section>
      );
    }
    return (
      <section
        data-testid="thread"
        aria-label="Conversation"
        className="flex flex-1 items-center justify-center gap-2 text-sm text-slate-500"
      >
        <Spinner /> Loading conversation…
      </section>
    );
  }

  return (
    <section
      data-testid="thread"
      aria-label={`Conversation with ${contactLabel(detail.contact)}`}
      className="flex min-h-0 min-w-0 flex-1 flex-col"
    >
      <ThreadHeader
        conversation={detail}
        userId={userId}
        viewers={viewers}
        saving={update.isPending}
        saveError={update.error?.message ?? null}
        onChange={change}
        onBack={onBack}
      />
      <MessageList conversationId={conversationId} />
    </section>
  );
}

function useListRow(conversationId: string): ConversationDetail | undefined {
  const queryClient = useQueryClient();
  const lists = queryClient.getQueriesData<InfiniteData<ConversationPage>>({ queryKey: inboxKeys.lists() });
  for (const [, data] of lists) {
    for (const page of data?.pages ?? []) {
      const row = page.conversations.find((candidate) => candidate.id === conversationId);
      if (row) return row;
    }
  }
  return undefined;
}
