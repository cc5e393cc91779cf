import type { NewAccountEvent } from "@/lib/db/account-events";
import type { ParsedChange } from "@/lib/whatsapp/parse-webhook";
import { accountEventKey } from "./account-event-key";

type MessagesChange = Extract<ParsedChange, { kind: "messages" }>;

/** Stored with the account events under this pseudo-field (Meta has no field of that name). */
export const NUMBER_ERRORS_FIELD = "messages.errors";

/**
 * `value.errors[]` of a messages change: Meta reporting a problem of the whole number (130429
 * throughput, 131000 something went wrong…) rather than of one message. Kept as account events —
 * once each, however often Meta retries — for the webhook health page.
 */
export function numberErrorEvents(changes: { rawEventId: bigint; change: MessagesChange }[]): NewAccountEvent[] {
  return changes.flatMap(({ rawEventId, change }) => {
    if (!Array.isArray(change.errors) || change.errors.length === 0) return [];
    const event = {
      field: NUMBER_ERRORS_FIELD,
      wabaId: change.wabaId,
      value: {
        phone_number_id: change.phoneNumberId,
        display_phone_number: change.displayPhoneNumber,
        errors: change.errors,
      },
    };
    return [{ dedupeKey: accountEventKey(event), rawEventId, ...event }];
  });
}
