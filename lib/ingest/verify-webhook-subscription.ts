import "server-only";
import { getDb } from "@/lib/db/client";
import { incrementWebhookCounter } from "@/lib/db/webhook-counters";
import { constantTimeEqual } from "@/lib/http/constant-time";
import { rejectWebhookRequest, type WebhookResponse } from "./receive-webhook";
import { getWebhookConfig } from "@/lib/settings/webhook-config";

/**
 * Meta's subscription handshake: echo hub.challenge as the bare body when the verify token
 * matches. Meta treats anything else (JSON, quotes) as a failure. Every attempt is recorded for the
 * webhook health page, which names the cause of a failure.
 */
export async function verifyWebhookSubscription({
  key,
  request,
  schedule,
}: {
  key: string;
  request: Request;
  schedule: (task: () => Promise<unknown>) => void;
}): Promise<WebhookResponse> {
  let config;
  try {
    config = await getWebhookConfig();
  } catch (error) {
    console.error("[webhook] configuration unavailable", error);
    return { status: 503, body: "Service unavailable: database unreachable, retry later" };
  }
  const reject = (name: "verify_failed" | "wrong_key", detail: string, response: WebhookResponse) =>
    rejectWebhookRequest({ request, schedule, name, detail, response });
  if (!constantTimeEqual(key, config.webhookKey)) {
    return reject("wrong_key", "verification request", { status: 404, body: "Not found" });
  }
  const searchParams = new URL(request.url).searchParams;
  const mode = searchParams.get("hub.mode");
  const token = searchParams.get("hub.verify_token");
  const challenge = searchParams.get("hub.challenge");
  if (mode !== "subscribe") {
    return reject("verify_failed", `hub.mode was ${JSON.stringify(mode)}, expected "subscribe"`, {
      status: 403,
      body: "Forbidden: hub.mode must be subscribe",
    });
  }
  if (token === null || !constantTimeEqual(token, config.verifyToken)) {
    return reject("verify_failed", "verify token mismatch", {
      status: 403,
      body: "Forbidden: verify token does not match",
    });
  }
  if (challenge === null) {
    return reject("verify_failed", "hub.challenge missing", {
      status: 400,
      body: "Bad request: hub.challenge is missing",
    });
  }
  schedule(() =>
    incrementWebhookCounter({ db: getDb(), name: "verify_succeeded", detail: "challenge echoed" }).catch(
      (error: unknown) => console.error("[webhook] could not record diagnostics", error),
    ),
  );
  return { status: 200, body: challenge, headers: { "content-type": "text/plain; charset=utf-8" } };
}
