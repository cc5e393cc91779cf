"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import type {
  MessageAuthorView,
  RetryMessageRequest,
  RetryMessageResponse,
  SendMessageRequest,
  SendMessageResponse,
  SendReactionRequest,
  SendReactionResponse,
  SendTemplateRequest,
  ThreadMessage,
} from "@/lib/views/inbox";
import type { TemplateHeaderMedia } from "@/lib/views/template";
import type { DraftQuote } from "./drafts";
import { isLocalMessage, upsertThreadMessage } from "./inbox-cache";
import {
  applyOwnReaction,
  insertOptimisticMessage,
  markLocalSendFailed,
  markLocalSendRetrying,
  markRetried,
  optimisticMessage,
  removeLocalMessage,
} from "./outbound-cache";
import { fetchJson, requestJson } from "./request-json";

export type SendResult = { ok: true; message: ThreadMessage } | { ok: false; status: number; message: string };

/** Worth trying again as it is: the request did not get through, or the server failed. */
const isRetryable = (status: number) => status === 0 || status >= 500;

async function postMessage(conversationId: string, request: SendMessageRequest) {
  return requestJson<SendMessageResponse>(`/api/conversations/${conversationId}/messages`, { body: request });
}

/** An agent's sends in one conversation: replies, reactions, retries — each shown at once. */
export function useOutbound({
  conversationId,
  userId,
  userName,
}: {
  conversationId: string;
  userId: string;
  userName: string;
}) {
  const queryClient = useQueryClient();
  return useMemo(() => {
    const author: MessageAuthorView = { kind: "agent", id: userId, name: userName };

    const settle = async (clientId: string, request: SendMessageRequest): Promise<SendResult> => {
      const result = await postMessage(conversationId, request);
      if (result.ok) {
        upsertThreadMessage(queryClient, result.data.message);
        return { ok: true, message: result.data.message };
      }
      markLocalSendFailed(queryClient, {
        conversationId,
        clientId,
        message: result.message,
        retryable: isRetryable(result.status),
      });
      return { ok: false, status: result.status, message: result.message };
    };

    return {
      /** Shows the bubble now, then records it; on failure the bubble says why. */
      async send({ text, replyTo }: { text: string; replyTo: DraftQuote | null }): Promise<SendResult> {
        const clientId = crypto.randomUUID();
        insertOptimisticMessage(queryClient, optimisticMessage({ conversationId, clientId, text, replyTo, author }));
        return settle(clientId, { clientId, type: "text", text, replyToMessageId: replyTo?.id ?? null });
      },

      /** An approved template with the form's values; the bubble shows once the server recorded it. */
      async sendTemplate({
        templateId,
        values,
        headerMedia,
      }: {
        templateId: string;
        values: Record<string, string>;
        headerMedia: TemplateHeaderMedia | null;
      }): Promise<SendResult> {
        const body: SendTemplateRequest = {
          clientId: crypto.randomUUID(),
          type: "template",
          templateId,
          values,
          headerMedia,
        };
        const result = await requestJson<SendMessageResponse>(`/api/conversations/${conversationId}/messages`, {
          body,
        });
        if (!result.ok) return { ok: false, status: result.status, message: result.message };
        upsertThreadMessage(queryClient, result.data.message);
        return { ok: true, message: result.data.message };
      },

      /** A bubble whose POST failed, sent again with the same client id: the server records it once. */
      async resendLocal(message: ThreadMessage): Promise<SendResult> {
        if (!isLocalMessage(message) || message.clientId === null) throw new Error("not a local message");
        markLocalSendRetrying(queryClient, conversationId, message.clientId);
        return settle(message.clientId, {
          clientId: message.clientId,
          type: "text",
          text: message.text ?? "",
          replyToMessageId: message.replyTo?.id ?? null,
        });
      },

      discardLocal(message: ThreadMessage): void {
        removeLocalMessage(queryClient, message);
      },

      /** A failed or unconfirmed message sent again as a new message, linked to it. */
      async retry(
        message: ThreadMessage,
        { confirmUnconfirmed }: { confirmUnconfirmed: boolean },
      ): Promise<SendResult> {
        const body: RetryMessageRequest = { clientId: crypto.randomUUID(), confirmUnconfirmed };
        const result = await requestJson<RetryMessageResponse>(`/api/messages/${message.id}/retry`, { body });
        if (!result.ok) return { ok: false, status: result.status, message: result.message };
        upsertThreadMessage(queryClient, result.data.message);
        markRetried(queryClient, message, result.data.message.id);
        return { ok: true, message: result.data.message };
      },

      /** Our reaction on a customer's message, shown at once; "" removes it. */
      async react(message: ThreadMessage, emoji: string): Promise<SendResult> {
        const previous = message.reactions;
        applyOwnReaction(queryClient, { conversationId, messageId: message.id, emoji });
        const body: SendReactionRequest = { clientId: crypto.randomUUID(), targetMessageId: message.id, emoji };
        const result = await requestJson<SendReactionResponse>(`/api/conversations/${conversationId}/reactions`, {
          body,
        });
        if (result.ok) {
          upsertThreadMessage(queryClient, result.data.message);
          return { ok: true, message: result.data.message };
        }
        // Back to what the server has (or had, when it cannot be reached).
        const fresh = await fetchJson<{ message: ThreadMessage }>(`/api/messages/${message.id}`).catch(() => null);
        upsertThreadMessage(queryClient, fresh?.message ?? { ...message, reactions: previous });
        return { ok: false, status: result.status, message: result.message };
      },
    };
  }, [queryClient, conversationId, userId, userName]);
}
