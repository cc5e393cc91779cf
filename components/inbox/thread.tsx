"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Button, Spinner } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { draftQuoteOf } from "@/lib/queries/drafts";
import { type ConversationChange, useMarkRead, useUpdateConversation } from "@/lib/queries/use-conversation-actions";
import { useConversation } from "@/lib/queries/use-conversations";
import { useAddNote } from "@/lib/queries/use-notes";
import { useOutbound } from "@/lib/queries/use-outbound";
import { usePresence } from "@/lib/queries/use-presence";
import { useSendingStatus } from "@/lib/queries/use-sending-status";
import { useThread } from "@/lib/queries/use-thread";
import { useThreadRealtime } from "@/lib/queries/use-thread-realtime";
import { useTypingSignals } from "@/lib/queries/use-typing";
import type { ThreadMessage } from "@/lib/views/inbox";
import { Composer, type ComposerHandle } from "./composer";
import { contactLabel, replyWindow } from "./format";
import { MessageList } from "./message-list";
import { sendingProblemText } from "./sending-status-banner";
import { type ThreadActions, ThreadActionsContext } from "./thread-actions";
import { ContactAside, useContactPanelOpen } from "./contact-aside";
import { ThreadHeader } from "./thread-header";
import { TypingLine } from "./typing-line";
import { useMinuteClock } from "./use-minute-clock";

type Props = {
  conversationId: string;
  userId: string;
  userName: string;
  onBack: () => void;
  /** Opens another conversation (the contact panel lists the customer's others). */
  onOpenConversation: (conversationId: string) => void;
};

export function Thread({ conversationId, userId, userName, onBack, onOpenConversation }: Props) {
  const conversation = useConversation(conversationId);
  const thread = useThread(conversationId);
  const { viewers, typists, announceTyping } = usePresence(conversationId);
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

  const outbound = useOutbound({ conversationId, userId, userName });
  const addNote = useAddNote(conversationId);
  const typing = useTypingSignals({ conversationId, announce: announceTyping });
  const sendingStatus = useSendingStatus();
  const sendingProblem = sendingStatus.data ? sendingProblemText(sendingStatus.data) : null;
  const composerRef = useRef<ComposerHandle>(null);
  const [confirmRetry, setConfirmRetry] = useState<ThreadMessage | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [labelsOpen, setLabelsOpen] = useState(false);
  const panel = useContactPanelOpen();
  const minute = useMinuteClock();
  const windowOpen =
    detail !== undefined && minute !== null && replyWindow(detail.windowClosesAt, Date.now()).state === "open";

  const actions = useMemo<ThreadActions>(() => {
    const report = (what: string) => (result: { ok: boolean; message?: unknown }) => {
      if (!result.ok) setActionError(`${what}: ${String(result.message)}`);
      else setActionError(null);
    };
    return {
      userId,
      canSend: windowOpen,
      reply: (message) => composerRef.current?.quote(draftQuoteOf(message)),
      react: (message, emoji) => void outbound.react(message, emoji).then(report("Reaction not sent")),
      retry: (message) => {
        if (message.sendState === "unknown") setConfirmRetry(message);
        else void outbound.retry(message, { confirmUnconfirmed: false }).then(report("Not sent again"));
      },
      resendLocal: (message) => void outbound.resendLocal(message).then(report("Not sent")),
      discardLocal: (message) => outbound.discardLocal(message),
    };
  }, [userId, windowOpen, outbound]);

  // r: write a reply; n: write a private note; l: labels; q: quote the message in focus, else the customer's latest.
  const messagesRef = useRef<ThreadMessage[]>([]);
  useEffect(() => {
    messagesRef.current = thread.data?.pages.flatMap((page) => page.messages) ?? [];
  }, [thread.data]);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.metaKey || event.ctrlKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest("input, textarea, select, [contenteditable='true'], [role='dialog'], dialog")) return;
      if (event.key === "r") composerRef.current?.setMode("reply");
      else if (event.key === "n") composerRef.current?.setMode("note");
      else if (event.key === "l") setLabelsOpen(true);
      else if (event.key === "q" && windowOpen) {
        const focusedId = target?.closest<HTMLElement>("[data-message-id]")?.dataset.messageId;
        const all = messagesRef.current;
        const message =
          all.find((m) => m.id === focusedId && m.wamid !== null) ??
          all.findLast((m) => m.direction === "inbound" && m.wamid !== null);
        if (!message) return;
        composerRef.current?.quote(draftQuoteOf(message));
      } else return;
      event.preventDefault();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [windowOpen]);

  if (!detail && conversation.error) {
    return (
      <section
        id="thread"
        data-testid="thread"
        aria-label="Conversation"
        tabIndex={-1}
        className="flex flex-1 outline-none flex-col items-center justify-center gap-3 p-6 text-sm text-slate-600"
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
      id="thread"
      data-testid="thread"
      aria-label={detail ? `Conversation with ${contactLabel(detail.contact)}` : "Conversation"}
      // Focus lands here when opening a conversation took it from where it was (inbox-client).
      tabIndex={-1}
      className="flex min-h-0 outline-none min-w-0 flex-1 flex-col xl:flex-row"
    >
      <div className="flex min-h-0 min-w-0 flex-1 flex-col">
        {detail ? (
          <ThreadHeader
            conversation={detail}
            userId={userId}
            viewers={viewers}
            saving={update.isPending}
            saveError={update.error?.message ?? null}
            onChange={change}
            onBack={onBack}
            labelsOpen={labelsOpen}
            onLabelsOpenChange={setLabelsOpen}
            contactPanelOpen={panel.open}
            onContactPanelToggle={panel.toggle}
          />
        ) : (
          <header className="flex h-[61px] items-center gap-2 border-b border-slate-200 bg-white px-4 text-sm text-slate-500">
            <Spinner /> Loading conversation…
          </header>
        )}
        <ThreadActionsContext value={actions}>
          <MessageList conversationId={conversationId} />
        </ThreadActionsContext>
        <TypingLine typists={typists} />
        {actionError ? (
          <p role="alert" className="border-t border-red-200 bg-red-50 px-4 py-1.5 text-xs text-red-800">
            {actionError}
          </p>
        ) : null}
        <Composer
          ref={composerRef}
          conversation={detail}
          userId={userId}
          sendingProblem={sendingProblem}
          onInput={typing.onInput}
          onAddNote={addNote}
          onSend={(draft) => {
            typing.onSent();
            return outbound.send(draft);
          }}
          onSendTemplate={(template, values, headerMedia) =>
            outbound.sendTemplate({ templateId: template.id, values, headerMedia })
          }
        />
      </div>
      {detail ? (
        <ContactAside
          open={panel.open}
          contactId={detail.contact.id}
          conversationId={conversationId}
          onOpenConversation={onOpenConversation}
        />
      ) : null}
      <ConfirmDialog
        open={confirmRetry !== null}
        title="Send it again?"
        confirmLabel="Send again"
        tone="primary"
        onCancel={() => setConfirmRetry(null)}
        onConfirm={() => {
          const message = confirmRetry;
          setConfirmRetry(null);
          if (message)
            void outbound.retry(message, { confirmUnconfirmed: true }).then((result) => {
              setActionError(result.ok ? null : `Not sent again: ${result.message}`);
            });
        }}
      >
        <p>This message may already have reached the customer. Send it again?</p>
      </ConfirmDialog>
    </section>
  );
}
