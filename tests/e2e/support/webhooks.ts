// Requests as Meta sends them, from the test process: signed webhooks and the GET verification.
import { randomBytes } from "node:crypto";
import { signPayload } from "../../../lib/whatsapp/signature";
import { sampleInboundMessage } from "../../../lib/whatsapp/sample-messages";
import { buildMessagesWebhook } from "../../../lib/whatsapp/sample-payloads";
import { e2eRun } from "./run";

const webhookUrl = () => `${e2eRun().baseUrl}/api/webhooks/whatsapp/${e2eRun().webhookKey}`;

/** A customer's text message, signed with `secret` (the App Secret the sender believes in). */
export async function postSignedWebhook(secret: string): Promise<number> {
  const body = JSON.stringify(buildMessagesWebhook({ messages: [sampleInboundMessage("text")] }));
  const response = await fetch(webhookUrl(), {
    method: "POST",
    headers: { "content-type": "application/json", "x-hub-signature-256": signPayload(body, secret) },
    body,
  });
  await response.arrayBuffer();
  return response.status;
}

/** Meta's subscription handshake; answers the status and the body (the echoed challenge on success). */
export async function verifySubscription(token: string): Promise<{ status: number; body: string }> {
  const url = new URL(webhookUrl());
  url.searchParams.set("hub.mode", "subscribe");
  url.searchParams.set("hub.verify_token", token);
  url.searchParams.set("hub.challenge", "1158201444");
  const response = await fetch(url);
  return { status: response.status, body: await response.text() };
}

/** A random value in the App Secret's format (32 hex characters). */
export function randomAppSecret(): string {
  return randomBytes(16).toString("hex");
}
