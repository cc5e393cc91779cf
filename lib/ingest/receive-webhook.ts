import "server-only";
import { getDb } from "@/lib/db/client";
import { createRawEvent } from "@/lib/db/raw-events";
import { incrementWebhookCounter, incrementWebhookCounters, type WebhookCounterName } from "@/lib/db/webhook-counters";
import { constantTimeEqual } from "@/lib/http/constant-time";
import { readBodyWithLimit } from "@/lib/http/read-body";
import { getEnv } from "@/lib/env";
import { clientIp } from "@/lib/auth/client-ip";
import { recordAckLatency } from "./ack-latency";
import { reportAckFailure, reportAckSuccess } from "./ack-outage";
import { verifySignature } from "@/lib/whatsapp/signature";
import { requestDrain } from "./process-pending-events";
import { getWebhookConfig } from "@/lib/settings/webhook-config";
import { signedBySandbox } from "@/lib/sandbox/sandbox-signature";
import { allowRejectedRequest } from "./webhook-rate-limit";

/** Meta's documented maximum webhook body. */
export const MAX_WEBHOOK_BYTES = 3 * 1024 * 1024;

export type WebhookResponse = { status: number; body: string; headers?: Record<string, string> };
type Schedule = (task: () => Promise<unknown>) => void;

const reply = (status: number, body: string, headers?: Record<string, string>): WebhookResponse => ({
  status,
  body,
  ...(headers ? { headers } : {}),
});

const TOO_MANY = reply(429, "Too many rejected webhook requests from this address; slow down", { "retry-after": "30" });

// Rejections refused with 429 are still counted — a spoofed flood must not hide real signature
// failures from the health page — but in memory, written as one statement per second at most.
const FLUSH_THROTTLED_MS = 1_000;
const throttledCounts = new Map<WebhookCounterName, number>();
let flushTimer: NodeJS.Timeout | undefined;

function countThrottled(name: WebhookCounterName): void {
  throttledCounts.set(name, (throttledCounts.get(name) ?? 0) + 1);
  flushTimer ??= setTimeout(flushThrottled, FLUSH_THROTTLED_MS);
  flushTimer.unref?.();
}

function flushThrottled(): void {
  flushTimer = undefined;
  const increments = [...throttledCounts].map(([name, by]) => ({ name, by }));
  throttledCounts.clear();
  incrementWebhookCounters({ db: getDb(), increments }).catch((error: unknown) =>
    console.error("[webhook] could not record diagnostics", error),
  );
}

/** A rejected request: always counted; a flooding address gets a cheap 429 and an in-memory count. */
export function rejectWebhookRequest({
  request,
  schedule,
  name,
  detail,
  response,
}: {
  request: Request;
  schedule: Schedule;
  name: WebhookCounterName;
  detail?: string;
  response: WebhookResponse;
}): WebhookResponse {
  if (!allowRejectedRequest(clientIp(request.headers))) {
    countThrottled(name);
    return TOO_MANY;
  }
  count(schedule, name, detail);
  return response;
}

function count(schedule: Schedule, name: WebhookCounterName, detail?: string) {
  schedule(() =>
    incrementWebhookCounter({ db: getDb(), name, ...(detail ? { detail } : {}) }).catch((error: unknown) =>
      console.error("[webhook] could not record diagnostics", error),
    ),
  );
}

/**
 * The ack path: authenticate, store the exact bytes, answer. Nothing is parsed here and processing
 * is scheduled for after the response, so Meta gets its 200 in one database round trip; an event
 * that could not be stored gets a 503 so that Meta retries it.
 */
export async function receiveWebhook({
  key,
  request,
  schedule,
}: {
  key: string;
  request: Request;
  schedule: Schedule;
}): Promise<WebhookResponse> {
  const startedAt = performance.now();
  let config;
  try {
    config = await getWebhookConfig();
  } catch (error) {
    reportAckFailure(error);
    return reply(503, "Service unavailable: database unreachable, retry later", { "retry-after": "5" });
  }
  if (!constantTimeEqual(key, config.webhookKey)) {
    const detail = `POST from ${clientIp(request.headers)}`;
    return rejectWebhookRequest({ request, schedule, name: "wrong_key", detail, response: reply(404, "Not found") });
  }
  const read = await readBodyWithLimit(request, MAX_WEBHOOK_BYTES);
  if (!read.ok) {
    count(schedule, "payload_too_large");
    return reply(413, `Payload too large: webhook bodies are at most ${MAX_WEBHOOK_BYTES} bytes`);
  }
  const header = request.headers.get("x-hub-signature-256");
  if (
    !verifySignature({ body: read.body, header, appSecret: config.appSecret }) &&
    !(await signedBySandbox({ body: read.body, header }))
  ) {
    return rejectWebhookRequest({
      request,
      schedule,
      name: header ? "signature_invalid" : "signature_missing",
      response: reply(
        401,
        header
          ? "Invalid X-Hub-Signature-256: sign the raw body with the App Secret"
          : "Missing X-Hub-Signature-256 header",
      ),
    });
  }
  let stored;
  try {
    stored = await createRawEvent({ body: read.body });
  } catch (error) {
    reportAckFailure(error);
    return reply(503, "Service unavailable: event not stored, retry later", { "retry-after": "5" });
  }
  reportAckSuccess();
  recordAckLatency(performance.now() - startedAt);
  // The same bytes again (a retry of a delivery we already hold): counted, nothing new to process.
  if (stored.duplicate) {
    count(schedule, "duplicate_deliveries");
    return reply(200, "EVENT_RECEIVED");
  }
  // If this process dies before the task runs, the recovery loop picks the event up.
  if (!getEnv().PROCESS_AFTER_ACK) return reply(200, "EVENT_RECEIVED");
  schedule(() =>
    requestDrain().catch((error: unknown) =>
      console.error("[webhook] processing after ack failed; the recovery loop will retry", error),
    ),
  );
  return reply(200, "EVENT_RECEIVED");
}
