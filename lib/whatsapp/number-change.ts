import { getField, getString } from "./json";
import type { ParsedMessage } from "./webhook-types";

/**
 * A `system` message of type user_changed_number: `from` is the number the customer left and
 * `system.wa_id` (older payloads: `system.customer`) the one they use now. Null for anything else.
 */
export function readNumberChange(message: ParsedMessage): { fromWaId: string; toWaId: string } | null {
  if (message.type !== "system" || getField(message.content, "type") !== "user_changed_number") return null;
  const fromWaId = message.from;
  const toWaId = getString(getField(message.content, "wa_id")) ?? getString(getField(message.content, "customer"));
  if (!fromWaId || !toWaId || fromWaId === toWaId) return null;
  return { fromWaId, toWaId };
}
