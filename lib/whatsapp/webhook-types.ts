import type { JsonValue } from "./json";
import type { MetaTimestamp } from "./timestamp";

export type ParsedContact = {
  waId: string | null;
  userId: string | null; // business-scoped user id (BSUID)
  profileName: string | null;
  username: string | null;
};

export type ParsedMessage = {
  wamid: string;
  from: string | null;
  fromUserId: string | null;
  type: string;
  /** What search and previews show: body, caption, chosen title, location name, emoji, system body, order text… */
  text: string | null;
  /** message[type] as received; the whole message for unsupported and unknown types. */
  content: JsonValue | null;
  timestamp: MetaTimestamp;
  replyToWamid: string | null;
  forwarded: boolean;
  referral: JsonValue | null;
  errors: JsonValue | null;
  /** Only for type "reaction"; emoji "" means the reaction was removed. */
  reaction: { targetWamid: string; emoji: string } | null;
};

export type ParsedStatus = {
  wamid: string;
  status: string;
  timestamp: MetaTimestamp;
  recipientId: string | null;
  recipientUserId: string | null;
  errorCode: number | null;
  errorTitle: string | null;
  errors: JsonValue | null;
  pricing: JsonValue | null;
  conversation: JsonValue | null;
  bizOpaqueData: string | null;
};

export type ParsedChange =
  | {
      kind: "messages";
      position: number;
      wabaId: string | null;
      phoneNumberId: string;
      displayPhoneNumber: string | null;
      contacts: ParsedContact[];
      messages: ParsedMessage[];
      statuses: ParsedStatus[];
      errors: JsonValue | null;
    }
  | {
      kind: "other";
      position: number;
      field: string;
      wabaId: string | null;
      value: JsonValue;
      /** smb_message_echoes: what the business sent from the WhatsApp Business app on the same number. */
      echoes: ParsedEcho[];
      /** The number the echoes were sent from (metadata.phone_number_id). */
      phoneNumberId: string | null;
      displayPhoneNumber: string | null;
      /**
       * Integers of the body too big for a double, which `value` holds as strings of their digits
       * (lossless); listed so events stored before that (rounded numbers) are still recognised.
       */
      bigIntegers?: string[];
    };

/** A message the business sent from the WhatsApp Business app (coexistence), as Meta echoes it. */
export type ParsedEcho = ParsedMessage & { to: string | null; toUserId: string | null };

export type ParsedWebhook = { changes: ParsedChange[]; problems: string[] };
export type ParseResult = { ok: true; webhook: ParsedWebhook } | { ok: false; reason: string };
