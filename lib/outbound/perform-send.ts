import "server-only";
import { getDb } from "@/lib/db/client";
import type { OpenOutboundSend } from "@/lib/db/outbound-sends";
import { getSendingPause } from "@/lib/db/sending-pause";
import { getTemplateOfSend } from "@/lib/db/templates";
import { getEnv } from "@/lib/env";
import { getGraphApiConfig } from "@/lib/settings/get-graph-api-config";
import { createGraphClient, type GraphClient } from "@/lib/whatsapp/graph-client";
import { storedMediaOf, uploadStoredMedia } from "./stored-media";
import { classifySendFailure, type SendOutcome, sendErrorView } from "./send-outcome";

/**
 * The one request of a send, and what its answer means. Whatever throws, the request may have
 * left: the outcome is then unknown, never a reason to send again.
 */
export async function performSend(graph: GraphClient, send: OpenOutboundSend): Promise<SendOutcome> {
  const attempt = send.attempts + 1;
  try {
    if (send.kind === "read") {
      const result = await graph.markRead(send.metaPhoneNumberId, send.payload);
      return result.ok ? { kind: "sent", wamid: "" } : classifySendFailure(result.failure, attempt);
    }
    const refusal = await templateRefusal(send);
    if (refusal) return refusal;
    let body = send.payload;
    if (storedMediaOf(body)) {
      const upload = await uploadStoredMedia({
        graph,
        metaPhoneNumberId: send.metaPhoneNumberId,
        messageId: send.messageId,
        payload: body,
        attempt,
      });
      if (!upload.ok) return upload.outcome;
      body = upload.body;
    }
    const result = await graph.sendMessage(send.metaPhoneNumberId, body);
    return result.ok
      ? { kind: "sent", wamid: result.data.messages[0]!.id }
      : classifySendFailure(result.failure, attempt);
  } catch (error) {
    const title = `Sending failed unexpectedly: ${(error as Error).message}`;
    return { kind: "unknown", error: sendErrorView({ code: null, title, details: null, state: "unknown" }) };
  }
}

/**
 * A queued template whose template Meta has since paused, disabled, rejected or deleted (or that an
 * admin disabled for the inbox) fails with that reason instead of being sent.
 */
async function templateRefusal(send: OpenOutboundSend): Promise<SendOutcome | null> {
  const payload = send.payload as { type?: unknown; template?: { name?: unknown; language?: { code?: unknown } } };
  if (send.kind !== "message" || payload.type !== "template") return null;
  const name = String(payload.template?.name ?? "");
  const language = String(payload.template?.language?.code ?? "");
  const template = await getTemplateOfSend({ db: getDb(), phoneNumberRowId: send.phoneNumberId, name, language });
  if (template?.status === "APPROVED" && template.agentUsable) return null;
  const why = !template
    ? "is not a template of this number's WhatsApp Business Account any more"
    : template.status !== "APPROVED"
      ? `is ${template.status}${template.reason ? ` (${template.reason})` : ""} now`
      : "was disabled for the inbox by an admin";
  return {
    kind: "failed",
    closesWindow: false,
    pausesSending: false,
    error: {
      code: null,
      title: `Not sent: the template “${name}” (${language}) ${why}`,
      details: null,
      advice:
        "Only approved templates can be sent. Choose another template, or wait until Meta approves this one again.",
    },
  };
}

/**
 * The Graph client for the current token, re-read at most every second (a token saved on the
 * settings page is used within a second); null while no token is set or sending is paused.
 */
export function createSendingGraph(): { current: () => Promise<GraphClient | null>; pause: () => void } {
  let cached: { client: GraphClient | null; paused: boolean; at: number } | null = null;
  return {
    current: async () => {
      const now = Date.now();
      if (!cached || now - cached.at > 1_000) {
        const [config, pause] = await Promise.all([getGraphApiConfig(), getSendingPause({ db: getDb() })]);
        const client =
          config.accessToken === null
            ? null
            : createGraphClient({
                baseUrl: config.baseUrl,
                version: config.version,
                accessToken: config.accessToken,
                timeoutMs: getEnv().SEND_TIMEOUT_MS,
              });
        cached = { client, paused: pause !== null, at: now };
      }
      return cached.paused ? null : cached.client;
    },
    // Meta said the token or the account is unusable: nothing more leaves until the pause is lifted.
    pause: () => {
      if (cached) cached.paused = true;
    },
  };
}
