import "server-only";
import { getDb } from "@/lib/db/client";
import { incrementWebhookCounter } from "@/lib/db/webhook-counters";
import { constantTimeEqual } from "@/lib/http/constant-time";
import type { WebhookResponse } from "./receive-webhook";
import { getWebhookConfig } from "./webhook-config";

/**
 * Meta's subscription handshake: echo hub.challenge as the bare body when the verify token
 * matches. Meta treats anything else (JSON, quotes) as a failure.
 */
export async function verifyWebhookSubscription({
  key,
  searchParams,
  schedule,
}: {
  key: string;
  searchParams: URLSearchParams;
  schedule: (task: () => Promise<unknown>) => void;
}): Promise<WebhookResponse> {
  let config;
  try {
    config = await getWebhookConfig();
  } catch (error) {
    console.error("[webhook] configuration unavailable", error);
    return { status: 503, body: "Service unavailable: database unreachable, retry later" };
  }
  const record = (name: "verify_succeeded" | "verify_failed" | "wrong_key", detail: string) =>
    schedule(() =>
      incrementWebhookCounter({ db: getDb(), name, detail }).catch((error: unknown) =>
        console.error("[webhook] could not record diagnostics", error),
      ),
    );
  if (!constantTimeEqual(key, config.webhookKey)) {
    record("wrong_key", "verification request");
    return { status: 404, body: "Not found" };
  }
  const mode = searchParams.get("hub.mode");
  const token = searchParams.get("hub.verify_token");
  const challenge = searchParams.get("hub.challenge");
  if (mode !== "subscribe") {
    record("verify_failed", `hub.mode was ${JSON.stringify(mode)}, expected "subscribe"`);
    return { status: 403, body: "Forbidden: hub.mode must be subscribe" };
  }
  if (token === null || !constantTimeEqual(token, config.verifyToken)) {
    record("verify_failed", "verify token mismatch");
    return { status: 403, body: "Forbidden: verify token does not match" };
  }
  if (challenge === null) {
    record("verify_failed", "hub.challenge missing");
    return { status: 400, body: "Bad request: hub.challenge is missing" };
  }
  record("verify_succeeded", "challenge echoed");
  return { status: 200, body: challenge, headers: { "content-type": "text/plain; charset=utf-8" } };
}
