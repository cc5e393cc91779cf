import "server-only";
import { getDb } from "@/lib/db/client";
import { findAccountEvents } from "@/lib/db/account-events";
import { findPhoneNumbers } from "@/lib/db/phone-numbers";
import { findWebhookCounters } from "@/lib/db/webhook-counters";
import { getOutboundBacklog } from "@/lib/db/outbound-sends";
import { findFailedRawEvents, getRawEventBacklog } from "@/lib/db/webhook-health";
import { getSendingStatus } from "@/lib/outbound/get-sending-status";
import { summarizeAckLatency } from "./ack-latency";
import { NUMBER_ERRORS_FIELD } from "./number-errors";
import type { Seen, WebhookHealth } from "@/lib/views/health";

/** After this long without a message event while numbers exist, the page says where to look. */
export const QUIET_HOURS = 24;

/**
 * "Why are my webhooks not working?" answered from what the endpoint actually saw: the
 * troubleshooting table of every WhatsApp integration guide, as live checks.
 */
export async function getWebhookHealth(): Promise<WebhookHealth> {
  const db = getDb();
  const [counters, backlog, failed, numbers, numberErrors, sendingStatus, sendBacklog] = await Promise.all([
    findWebhookCounters({ db }),
    getRawEventBacklog({ db }),
    findFailedRawEvents({ db, take: 20 }),
    findPhoneNumbers({ db }),
    findAccountEvents({ db, field: NUMBER_ERRORS_FIELD, take: 20 }),
    getSendingStatus(),
    getOutboundBacklog({ db }),
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
    numberErrors: numberErrors.flatMap((event) => describeNumberErrors(event.value, event.createdAt)),
    ackLatency: summarizeAckLatency(),
    sending: {
      ...sendingStatus,
      queued: sendBacklog.queued,
      oldestQueuedSeconds: sendBacklog.oldestQueuedAt
        ? Math.max(0, (Date.now() - sendBacklog.oldestQueuedAt.getTime()) / 1000)
        : null,
    },
  };
}

// Stored verbatim from Meta, so read defensively: a field of an unexpected type is shown as absent.
function describeNumberErrors(value: unknown, at: Date): WebhookHealth["numberErrors"] {
  const record = (item: unknown) =>
    typeof item === "object" && item !== null ? (item as Record<string, unknown>) : {};
  const text = (item: unknown) => (typeof item === "string" && item !== "" ? item : null);
  const { phone_number_id: phoneNumberId, errors } = record(value);
  if (!Array.isArray(errors)) return [];
  return errors.map((error) => {
    const { code, title, message, error_data: data } = record(error);
    return {
      phoneNumberId: text(phoneNumberId),
      at: at.toISOString(),
      code: typeof code === "number" ? code : null,
      title: text(title) ?? text(message) ?? "Error without a title",
      details: text(record(data).details),
    };
  });
}
