// Shared by the parser's unit tests: parse at a fixed receive time and unwrap the result.
import { parseWebhook, type ParseResult } from "../../lib/whatsapp/parse-webhook";

export const receivedAt = new Date("2024-06-10T16:00:00Z");
export const parse = (body: string) => parseWebhook(body, { receivedAt });

export function webhookOf(result: ParseResult) {
  if (!result.ok) throw new Error(`expected ok, got: ${result.reason}`);
  return result.webhook;
}

export function firstMessages(result: ParseResult) {
  const change = webhookOf(result).changes[0];
  if (change?.kind !== "messages") throw new Error("expected a messages change");
  return change;
}
