import "server-only";
import { getDb } from "@/lib/db/client";
import { finishOutboundSends, type OutboundResult } from "@/lib/db/outbound-sends";
import { refreshMessageStatuses } from "@/lib/db/messages";
import { closeServiceWindows } from "@/lib/db/service-window";
import { upsertReaction } from "@/lib/db/reactions";
import { lockWamids } from "@/lib/db/status-events";
import { emptyInboxChanges, type InboxChanges } from "@/lib/realtime/changes";
import type { SendOutcome } from "./send-outcome";
import { setSendingPause, toSendingStatusView } from "@/lib/db/sending-pause";

export type SendResult = {
  send: { id: bigint; kind: string; conversationId: string; recipientKey: string; phoneNumberId: string };
  outcome: SendOutcome;
  /** When a retry may leave (epoch ms); only for outcome "retry". */
  retryAt: number | null;
};

/** The reaction a failed reaction send restores (ours as it was before). */
export type ReactionSendContext = { targetWamid: string; fromKey: string; previousEmoji: string };

/**
 * Stores what Meta answered for a batch of sends in one transaction — the sends, their messages'
 * send state and ticks, and the consequences (a window Meta says is closed, sending paused).
 * Returns what changed, for the caller to publish right after (it first lets the customers' next
 * sends go).
 */
export async function recordSendResults(results: SendResult[]): Promise<InboxChanges> {
  const changes = emptyInboxChanges();
  await getDb().$transaction(
    async (tx) => {
      const finished = await finishOutboundSends({ db: tx, results: results.map(toRow) });
      const sentWamids = finished.filter((row) => row.state === "sent" && row.wamid).map((row) => row.wamid!);
      await lockWamids({ db: tx, wamids: sentWamids });
      changes.statusesChanged.push(...(await refreshMessageStatuses({ db: tx, wamids: sentWamids })));
      for (const row of finished) {
        if (row.kind === "message" && row.messageId) {
          changes.messagesUpdated.push({ id: row.messageId, conversationId: row.conversationId });
          changes.conversationsUpdated.push(row.conversationId);
        }
        if (row.kind === "reaction" && row.state === "failed") {
          const context = row.context as ReactionSendContext;
          const restored = await upsertReaction({
            db: tx,
            reaction: {
              targetWamid: context.targetWamid,
              fromKey: context.fromKey,
              direction: "outbound",
              emoji: context.previousEmoji,
              wamid: `failed:${row.id}`,
              timestamp: new Date(),
            },
          });
          if (restored) {
            changes.reactionsChanged.push({ targetWamid: context.targetWamid, conversationId: row.conversationId });
          }
        }
      }
      const byId = new Map(results.map((result) => [result.send.id, result]));
      const closing = finished
        .filter((row) => {
          const outcome = byId.get(row.id)?.outcome;
          return row.state === "failed" && outcome?.kind === "failed" && outcome.closesWindow;
        })
        .map((row) => row.conversationId);
      if (closing.length > 0) {
        await closeServiceWindows({ db: tx, conversationIds: closing });
        changes.conversationsUpdated.push(...closing);
      }
      const pausing = results.find((result) => result.outcome.kind === "failed" && result.outcome.pausesSending);
      if (pausing && pausing.outcome.kind === "failed") {
        const { error } = pausing.outcome;
        const pause = {
          code: error.code ?? 0,
          title: error.title,
          advice: error.advice,
          since: new Date().toISOString(),
        };
        await setSendingPause({ db: tx, pause });
        changes.sendingStatus.push(toSendingStatusView({ pause, accessTokenMissing: false }));
      }
    },
    { timeout: 30_000, maxWait: 10_000 },
  );
  changes.conversationsUpdated = [...new Set(changes.conversationsUpdated)];
  return changes;
}

function toRow({ send, outcome, retryAt }: SendResult): OutboundResult {
  const error = outcome.kind === "sent" ? null : outcome.error;
  return {
    id: send.id,
    state: outcome.kind === "retry" ? "queued" : outcome.kind,
    wamid: outcome.kind === "sent" ? outcome.wamid : null,
    notBefore: retryAt === null ? null : new Date(retryAt),
    errorCode: error?.code ?? null,
    errorTitle: error?.title.slice(0, 1_000) ?? null,
    errorDetails: error?.details?.slice(0, 2_000) ?? null,
  };
}
