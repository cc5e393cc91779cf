import "server-only";
import { claimAutoReply, findAutoReplyCandidates, recordAutoReplyMessage } from "@/lib/db/business-hours";
import type { Db } from "@/lib/db/client";
import { lockSendTarget } from "@/lib/db/outbound-messages";
import { messagePayload, queueOutboundMessage } from "@/lib/outbound/queue-outbound-message";
import type { InboxChanges } from "@/lib/realtime/changes";
import { hoursStateAt } from "@/lib/views/business-hours-schedule";

/** A customer message this batch stored for the first time. */
export type NewInboundMessage = { id: string; conversationId: string; timestamp: Date };

type AutoReplyKind = "away" | "greeting";

// The greeting's one "period": it goes once per conversation, ever.
const ONCE = new Date(0);
const WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * The automatic messages customers get when they write: the away message outside business hours
 * (once per conversation per off-hours period) and the greeting on their very first message to a
 * number. When both apply, only the away message goes: one automatic answer, the one that says when
 * someone will reply (the greeting is not sent later either — it greets a first message).
 *
 * Runs inside the ingest transaction, for messages stored by it (a replayed webhook stores none).
 * Each message is claimed in auto_replies first — its primary key (conversation, kind, period start)
 * is what keeps a re-processed event, a second message or a concurrent worker from queueing it
 * twice — then recorded through the reply pipeline as sent by the system, so the send worker sends
 * it once, after the commit. Hours are judged at the message's own time; a message whose period is
 * over (processed late, after an outage) or whose 24-hour window has closed gets nothing.
 */
export async function queueAutoReplies({
  db,
  messages,
  changes,
  now = new Date(),
}: {
  db: Db;
  messages: NewInboundMessage[];
  changes: InboxChanges;
  now?: Date;
}): Promise<void> {
  if (messages.length === 0) return;
  const candidates = await findAutoReplyCandidates({
    db,
    conversationIds: [...new Set(messages.map((message) => message.conversationId))],
    newMessageIds: messages.map((message) => message.id),
  });
  for (const hours of candidates) {
    const mine = messages
      .filter((message) => message.conversationId === hours.conversationId)
      .sort((a, b) => a.timestamp.getTime() - b.timestamp.getTime());
    const first = mine[0];
    if (!first || now.getTime() - first.timestamp.getTime() >= WINDOW_MS) continue;

    const due: { kind: AutoReplyKind; periodStart: Date; text: string }[] = [];
    if (hours.awayEnabled) {
      for (const message of mine) {
        const state = hoursStateAt(hours, message.timestamp);
        if (state.open || (state.backAt && state.backAt <= now)) continue;
        due.push({ kind: "away", periodStart: state.closedSince ?? ONCE, text: hours.awayText });
        break; // later messages of this batch fall in the same period or an already-claimed one
      }
    }
    if (hours.greetingEnabled && !hours.wroteBefore && due.length === 0) {
      due.push({ kind: "greeting", periodStart: ONCE, text: hours.greetingText });
    }

    for (const reply of due) {
      const claimed = await claimAutoReply({ db, conversationId: hours.conversationId, ...reply });
      if (!claimed) continue;
      const target = await lockSendTarget({ db, conversationId: hours.conversationId });
      if (!target || (!target.waId && !target.userId)) continue;
      const content = { body: reply.text, preview_url: /\bhttps?:\/\/\S/i.test(reply.text) };
      const message = await queueOutboundMessage({
        db,
        target,
        message: {
          type: "text",
          text: reply.text,
          content,
          replyToWamid: null,
          authorId: null,
          clientId: null,
          retryOfId: null,
        },
        payload: messagePayload(target, { type: "text", text: content }),
        changes,
      });
      await recordAutoReplyMessage({ db, conversationId: hours.conversationId, ...reply, messageId: message.id });
    }
  }
}
