"use client";

import { useCallback, useEffect, useRef } from "react";
import { Button, Spinner } from "@/components/ui/button";
import { type ConversationChange, useMarkRead, useUpdateConversation } from "@/lib/queries/use-conversation-actions";
import { useConversation } from "@/lib/queries/use-conversations";
import { usePresence } from "@/lib/queries/use-presence";
import { useThread } from "@/lib/queries/use-thread";
import { useThreadRealtime } from "@/lib/queries/use-thread-realtime";
import { contactLabel } from "./format";
import { MessageList } from "./message-list";
import { ThreadHeader } from "./thread-header";

type Props = { conversationId: string; userId: string; onBack: () => void };

export function Thread({ conversationId, userId, onBack }: Props) {
  const conversation = useConversation(conversationId);
  const thread = useThread(conversationId);
  const viewers = usePresence(conversationId);
  const update = useUpdateConversation(userId);
  const { mutate: markReadMutate } = useMarkRead();
  const detail = conversation.data;

  const markReadIfVisible = useCallback(() => {
    if (document.visibilityState === "visible") markReadMutate(conversationId);
  }, [conversationId, markReadMutate]);
  const readTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const onInboundMessage = useCallback(() => {
    if (readTimer.current) clearTimeout(readTimer.current);
    readTimer.current = setTimeout(markReadIfVisible, 300);
  }, [markReadIfVisible]);
  useThreadRealtime(conversationId, { onInboundMessage });

  // Reading starts once the messages are on screen (the request is not worth delaying them for),
  // and again whenever the tab comes back into view.
  const shown = thread.isSuccess;
  useEffect(() => {
    if (!shown) return;
    markReadIfVisible();
    document.addEventListener("visibilitychange", markReadIfVisible);
    return () => {
      document.removeEventListener("visibilitychange", markReadIfVisible);
      if (readTimer.current) clearTimeout(readTimer.current);
    };
  }, [shown, markReadIfVisible]);

  // Whatever told us about new customer messages (an event, a refetch after reconnect), an open
  // and visible thread is read: the badge never lingers on the conversation being looked at.
  const unreadCount = detail?.unreadCount ?? 0;
  useEffect(() => {
    if (shown && unreadCount > 0) onInboundMessage();
  }, [shown, unreadCount, onInboundMessage]);

  const change = (value: ConversationChange) => update.mutate({ conversationId, change: value });

  if (!detail && conversation.error) {
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

  // Header and messages load side by side: a deep link does not wait for one before the other.
  return (
    <section
      data-testid="thread"
      aria-label={detail ? `Conversation with ${contactLabel(detail.contact)}` : "Conversation"}
      className="flex min-h-0 min-w-0 flex-1 flex-col"
    >
      {detail ? (
        <ThreadHeader
          conversation={detail}
          userId={userId}
          viewers={viewers}
          saving={update.isPending}
          saveError={update.error?.message ?? null}
          onChange={change}
          onBack={onBack}
        />
      ) : (
        <header className="flex h-[61px] items-center gap-2 border-b border-slate-200 bg-white px-4 text-sm text-slate-500">
          <Spinner /> Loading conversation…
        </header>
      )}
      <MessageList conversationId={conversationId} />
    </section>
  );
}
