import "server-only";
import type { Db } from "@/lib/db/client";
import { createOutboundSend } from "@/lib/db/outbound-sends";
import { lockSendTarget, recordReadReceipt, type SendTarget } from "@/lib/db/outbound-messages";
import { AppError } from "@/lib/http/app-error";
import { getGraphApiConfig } from "@/lib/settings/get-graph-api-config";

// The rules every send obeys before anything is queued: a token to send with, an open window, an
// addressable customer. Each refusal is a precise error and leaves nothing behind.

/** The conversation a send goes to, locked for the transaction; 404 when there is none. */
export async function lockSendTargetOrThrow({ db, conversationId }: { db: Db; conversationId: string }) {
  const target = await lockSendTarget({ db, conversationId });
  if (target) return target;
  throw new AppError("not_found", {
    message: `Conversation ${conversationId} not found`,
    userMessage: "Conversation not found.",
  });
}

export async function assertAccessTokenConfigured(): Promise<void> {
  const { accessToken } = await getGraphApiConfig();
  if (accessToken) return;
  throw new AppError("conflict", {
    message: "no WhatsApp access token configured",
    userMessage:
      "No WhatsApp access token is configured, so nothing can be sent. An admin can save one on Settings → WhatsApp connection (or set WHATSAPP_ACCESS_TOKEN).",
  });
}

const closeTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** Free text and reactions only inside the 24-hour customer service window (Meta: 131047 otherwise). */
export function assertWindowOpen(target: SendTarget, now = new Date()): void {
  if (target.windowClosesAt && target.windowClosesAt > now) return;
  const when = target.windowClosesAt
    ? `closed at ${closeTime.format(target.windowClosesAt)} UTC (${target.windowClosesAt.toISOString()})`
    : "is not open: the customer has not written yet";
  throw new AppError("window_closed", {
    message: `window of ${target.conversationId} ${when}`,
    userMessage: `The 24-hour customer service window ${when}. WhatsApp only allows an approved template until the customer writes again.`,
  });
}

/**
 * The addressee as Meta documents it: `to` with the customer's number when we know it, else
 * `recipient` with their business-scoped user id (Graph API v25+).
 */
export function recipientOf(target: SendTarget): { to: string } | { recipient: string } {
  if (target.waId) return { to: target.waId };
  if (target.userId) return { recipient: target.userId };
  throw new AppError("conflict", {
    message: `contact ${target.contactId} has neither wa_id nor user_id`,
    userMessage: "This customer has no WhatsApp number or user id we can send to.",
  });
}

/**
 * Blue ticks for the customer's newest message (it covers the earlier ones), once per message, with
 * the typing indicator when the agent is typing (refreshed at most every 20 s: Meta clears it after
 * 25 s or on the reply). Returns whether a request was queued.
 */
export async function queueReadReceipt({
  db,
  target,
  typing,
  now = new Date(),
}: {
  db: Db;
  target: SendTarget;
  typing: boolean;
  now?: Date;
}): Promise<boolean> {
  const wamid = target.newestInboundWamid;
  if (!wamid) return false;
  const alreadyRead = target.readReceiptWamid === wamid;
  const typingFresh = target.typingSentAt !== null && now.getTime() - target.typingSentAt.getTime() < TYPING_REFRESH_MS;
  if (alreadyRead && (!typing || typingFresh)) return false;
  await createOutboundSend({
    db,
    send: {
      kind: "read",
      messageId: null,
      conversationId: target.conversationId,
      phoneNumberId: target.phoneNumberId,
      recipientKey: target.contactId,
      payload: {
        messaging_product: "whatsapp",
        status: "read",
        message_id: wamid,
        ...(typing ? { typing_indicator: { type: "text" } } : {}),
      },
      context: null,
    },
  });
  await recordReadReceipt({ db, conversationId: target.conversationId, wamid, typing });
  return true;
}

export const TYPING_REFRESH_MS = 20_000;
