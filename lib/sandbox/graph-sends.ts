// POST /{phone-number-id}/messages: what Meta checks of a send, then its answer (or a programmed failure).
import type { ServerResponse } from "node:http";
import { randomBytes } from "node:crypto";
import type { GraphSandbox } from "./graph-api";
import { businessRead, deliverToCustomer } from "./customers";
import { authorized, invalidParameter, type SandboxSendError, sendError } from "./graph-errors";
import { MEDIA_SEND_TYPES, validateMediaSend } from "./graph-media";
import { validateInteractiveSend } from "./graph-interactive";
import { validateTemplateSend } from "./graph-templates";
import { checkLimits } from "./graph-limits";

const MAX_TEXT = 4_096;

/** cloud-api/reference/messages: what Meta checks of a send before accepting it. */
function validateSend(body: unknown, sandbox: GraphSandbox): SandboxSendError | null {
  if (typeof body !== "object" || body === null) return invalidParameter("The request body must be JSON.");
  const send = body as Record<string, unknown>;
  if (send.messaging_product !== "whatsapp") return invalidParameter("messaging_product must be 'whatsapp'.");
  if (send.status === "read") {
    return typeof send.message_id === "string" ? null : invalidParameter("message_id is required.");
  }
  if (typeof send.to !== "string" && typeof send.recipient !== "string") {
    return invalidParameter("Either 'to' or 'recipient' is required.");
  }
  if (send.type === "text") {
    const text = send.text as { body?: unknown } | undefined;
    if (typeof text?.body !== "string" || text.body.length === 0) return invalidParameter("text.body is required.");
    if ([...text.body].length > MAX_TEXT) return invalidParameter(`text.body is longer than ${MAX_TEXT} characters.`);
    return null;
  }
  if (send.type === "template") return validateTemplateSend(sandbox, send.template);
  if (send.type === "reaction") {
    const reaction = send.reaction as { message_id?: unknown; emoji?: unknown } | undefined;
    if (typeof reaction?.message_id !== "string" || typeof reaction.emoji !== "string") {
      return invalidParameter("reaction.message_id and reaction.emoji are required.");
    }
    return null;
  }
  if (send.type === "interactive") return validateInteractiveSend(send.interactive);
  if (MEDIA_SEND_TYPES.has(String(send.type))) return validateMediaSend(send, sandbox);
  return invalidParameter(`Unsupported message type: ${String(send.type)}.`);
}

export function handlePost({
  sandbox,
  path,
  authorization,
  body,
  at,
  response,
}: {
  sandbox: GraphSandbox;
  path: string;
  authorization: string | null;
  body: unknown;
  at: number;
  response: ServerResponse;
}): void {
  const match = /^\/(v\d+\.\d+)\/([^/]+)\/messages$/.exec(path);
  if (!match) {
    sendError(response, 400, { message: `Unknown path components: ${path}`, type: "OAuthException", code: 2500 });
    return;
  }
  if (!authorized(sandbox.tokens, authorization, response)) return;
  const phoneNumberId = decodeURIComponent(match[2]!);
  const send = (body ?? {}) as Record<string, unknown>;
  const recipient = typeof send.to === "string" ? send.to : typeof send.recipient === "string" ? send.recipient : null;
  const ruleIndex = sandbox.rules.findIndex((rule) => rule.recipient === undefined || rule.recipient === recipient);
  const rule = ruleIndex >= 0 ? sandbox.rules[ruleIndex]! : null;
  if (rule) {
    rule.times -= 1;
    if (rule.times <= 0) sandbox.rules.splice(ruleIndex, 1);
  }
  const answer = () => {
    if (rule && "hang" in rule.behaviour) return; // the client's timeout ends it
    if (rule && "reset" in rule.behaviour) {
      response.socket?.destroy();
      return;
    }
    if (rule && "error" in rule.behaviour) {
      const { status, ...error } = rule.behaviour.error;
      sendError(response, status, error);
      return;
    }
    const invalid = validateSend(body, sandbox);
    if (invalid) {
      sendError(response, invalid.status, invalid.error);
      return;
    }
    if (send.status === "read") {
      businessRead(sandbox, String(send.message_id));
      response.writeHead(200, { "content-type": "application/json; charset=UTF-8" });
      response.end(JSON.stringify({ success: true }));
      return;
    }
    const limited = rule
      ? null
      : checkLimits({
          limits: sandbox.limits,
          state: sandbox.limitState,
          phoneNumberId,
          recipient: recipient ?? "",
          customer: sandbox.customers.get(recipient ?? ""),
          type: send.type,
          now: Date.now(),
        });
    if (limited && "refuse" in limited) {
      sendError(response, limited.refuse.status, limited.refuse.error);
      return;
    }
    const wamid = `wamid.HBgL${randomBytes(12).toString("base64url")}`;
    sandbox.sent.push({ body: send, wamid, at, phoneNumberId });
    const failWith = rule && "fail" in rule.behaviour ? rule.behaviour.fail : limited?.failWith;
    response.writeHead(200, { "content-type": "application/json; charset=UTF-8" });
    deliverToCustomer(sandbox, { phoneNumberId, send, wamid, ...(failWith === undefined ? {} : { failWith }) });
    response.end(
      JSON.stringify({
        messaging_product: "whatsapp",
        contacts: [
          typeof send.to === "string" ? { input: send.to, wa_id: send.to } : { input: recipient, user_id: recipient },
        ],
        messages: [{ id: wamid }],
      }),
    );
  };
  if (sandbox.latencyMs > 0) setTimeout(answer, sandbox.latencyMs);
  else answer();
}
