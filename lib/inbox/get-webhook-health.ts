import "server-only";
import { getDb } from "@/lib/db/client";
import { findPhoneNumbers } from "@/lib/db/phone-numbers";
import { findWebhookCounters } from "@/lib/db/webhook-counters";
import { findFailedRawEvents, getRawEventBacklog } from "@/lib/db/webhook-health";
import { type AckLatencySummary, summarizeAckLatency } from "./ack-latency";

/** After this long without a message event while numbers exist, the page says where to look. */
export const QUIET_HOURS = 24;

type Seen = { count: number; lastAt: string | null; lastDetail: string | null };
export type WebhookHealth = {
  generatedAt: string;
  verification: { lastAt: string; succeeded: boolean; detail: string | null } | null;
  signatureFailures: Seen & { missing: number; invalid: number };
  wrongKey: Seen;
  tooLarge: Seen;
  duplicates: Seen;
  fields: { field: string; count: number; lastAt: string }[];
  numbers: {
    phoneNumberId: string;
    label: string;
    lastMessageAt: string | null;
    lastStatusAt: string | null;
  }[];
  quietWarning: string | null;
  backlog: { pending: number; lagSeconds: number | null; failed: number; processed: number };
  failedEvents: { id: string; receivedAt: string; attempts: number; error: string }[];
  ackLatency: AckLatencySummary;
};

/**
 * "Why are my webhooks not working?" answered from what the endpoint actually saw: the
 * troubleshooting table of every WhatsApp integration guide, as live checks.
 */
export async function getWebhookHealth(): Promise<WebhookHealth> {
  const db = getDb();
  const [counters, backlog, failed, numbers] = await Promise.all([
    findWebhookCounters({ db }),
    getRawEventBacklog({ db }),
    findFailedRawEvents({ db, take: 20 }),
    findPhoneNumbers({ db }),
  ]);
  const byName = new Map(counters.map((counter) => [counter.name, counter]));
  const seen = (...names: string[]): Seen => {
    const rows = names.flatMap((name) => byName.get(name) ?? []);
    const last = rows.sort((a, b) => b.lastAt.getTime() - a.lastAt.getTime())[0];
    return {
      count: rows.reduce((sum, row) => sum + Number(row.count), 0),
      lastAt: last?.lastAt.toISOString() ?? null,
      lastDetail: last?.lastDetail ?? null,
    };
  };
  const verifications = ["verify_succeeded", "verify_failed"]
    .flatMap((name) => byName.get(name) ?? [])
    .sort((a, b) => b.lastAt.getTime() - a.lastAt.getTime());
  const lastVerification = verifications[0];
  const fields = counters
    .filter((counter) => counter.name.startsWith("field:"))
    .map((counter) => ({
      field: counter.name.slice("field:".length),
      count: Number(counter.count),
      lastAt: counter.lastAt.toISOString(),
    }))
    .sort((a, b) => b.lastAt.localeCompare(a.lastAt));
  const lastFor = (phoneNumberId: string, kind: "messages" | "statuses") =>
    byName.get(`number:${phoneNumberId}:${kind}`)?.lastAt.toISOString() ?? null;
  const numberRows = numbers.map((number) => ({
    phoneNumberId: number.phoneNumberId,
    label: number.name ?? number.displayPhoneNumber ?? number.phoneNumberId,
    lastMessageAt: lastFor(number.phoneNumberId, "messages"),
    lastStatusAt: lastFor(number.phoneNumberId, "statuses"),
  }));
  const lastMessageEvent = byName.get("field:messages")?.lastAt ?? null;
  const quietSince = Date.now() - QUIET_HOURS * 3_600_000;
  const quietWarning =
    numbers.length > 0 && (!lastMessageEvent || lastMessageEvent.getTime() < quietSince)
      ? `No message events for ${QUIET_HOURS} hours or more. Check that the app is subscribed to the "messages" webhook field (App Dashboard → WhatsApp → Configuration) and to your WhatsApp Business Account (POST /{waba-id}/subscribed_apps).`
      : null;
  const signature = seen("signature_missing", "signature_invalid");
  return {
    generatedAt: new Date().toISOString(),
    verification: lastVerification
      ? {
          lastAt: lastVerification.lastAt.toISOString(),
          succeeded: lastVerification.name === "verify_succeeded",
          detail: lastVerification.lastDetail,
        }
      : null,
    signatureFailures: {
      ...signature,
      missing: seen("signature_missing").count,
      invalid: seen("signature_invalid").count,
    },
    wrongKey: seen("wrong_key"),
    tooLarge: seen("payload_too_large"),
    duplicates: seen("duplicate_deliveries"),
    fields,
    numbers: numberRows,
    quietWarning,
    backlog: {
      pending: backlog.pending,
      lagSeconds: backlog.oldestPendingAt ? Math.max(0, (Date.now() - backlog.oldestPendingAt.getTime()) / 1000) : null,
      failed: backlog.failed,
      processed: backlog.processed,
    },
    failedEvents: failed.map((event) => ({
      id: event.id.toString(),
      receivedAt: event.receivedAt.toISOString(),
      attempts: event.attempts,
      error: (event.error ?? "unknown error").slice(0, 500),
    })),
    ackLatency: summarizeAckLatency(),
  };
}
