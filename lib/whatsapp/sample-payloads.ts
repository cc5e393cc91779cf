import type { JsonObject } from "./json";
import { SAMPLE_CUSTOMER_WA_ID, SAMPLE_DISPLAY_PHONE_NUMBER } from "./sample-messages";

// Whole webhook bodies shaped like Meta's documented examples. Serialise them with
// JSON.stringify and sign the resulting bytes with signPayload to simulate a delivery.

export {
  SAMPLE_CUSTOMER_WA_ID,
  SAMPLE_DISPLAY_PHONE_NUMBER,
  SAMPLE_MESSAGE_TYPES,
  sampleInboundMessage,
  sampleWamid,
  type SampleMessageOptions,
  type SampleMessageType,
} from "./sample-messages";

export const SAMPLE_WABA_ID = "102290129340398";
export const SAMPLE_PHONE_NUMBER_ID = "106540352242922";

export type SampleStatusName = "sent" | "delivered" | "read" | "played" | "failed";

const ERRORS: Record<number, JsonObject> = {
  131047: {
    code: 131047,
    title: "Re-engagement message",
    message: "Re-engagement message",
    error_data: {
      details:
        "Message failed to send because more than 24 hours have passed since the customer last replied to this number.",
    },
    href: "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/",
  },
  131026: {
    code: 131026,
    title: "Message undeliverable",
    message: "Message undeliverable",
    error_data: {
      details:
        "Unable to deliver message. Reasons can include: the recipient phone number is not a WhatsApp phone number; the recipient has not accepted the new Terms of Service.",
    },
    href: "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/",
  },
  131053: {
    code: 131053,
    title: "Media upload error",
    message: "Media upload error",
    error_data: { details: "Unable to upload the media used in the message." },
    href: "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/",
  },
};

function errorFor(code: number): JsonObject {
  return (
    ERRORS[code] ?? {
      code,
      title: "Message failed to send",
      message: "Message failed to send",
      error_data: { details: `Sample failure with code ${code}.` },
    }
  );
}

/** One entry of `value.statuses[]`; failed statuses carry `errors` instead of pricing. */
export function sampleStatus(options: {
  wamid: string;
  status: SampleStatusName;
  timestamp?: number;
  recipientId?: string;
  errorCode?: number;
}): JsonObject {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const status: JsonObject = {
    id: options.wamid,
    status: options.status,
    timestamp: String(timestamp),
    recipient_id: options.recipientId ?? SAMPLE_CUSTOMER_WA_ID,
  };
  if (options.status === "failed") {
    return { ...status, errors: [errorFor(options.errorCode ?? 131047)] };
  }
  const conversation: JsonObject = {
    id: "b7c2a6e1f0d94c8e9a3f5d2c1b0a9e8f",
    origin: { type: "service" },
  };
  // Meta includes the window's expiry only on the first status of a conversation.
  if (options.status === "sent") conversation.expiration_timestamp = String(timestamp + 24 * 60 * 60);
  return {
    ...status,
    conversation,
    pricing: {
      billable: false,
      pricing_model: "PMP",
      category: "service",
      type: "free_customer_service",
    },
  };
}

export type SampleContact = {
  waId: string;
  name: string;
  userId?: string;
  username?: string;
};

export function buildMessagesWebhook(
  options: {
    wabaId?: string;
    phoneNumberId?: string;
    displayPhoneNumber?: string;
    contacts?: SampleContact[];
    messages?: object[];
    statuses?: object[];
  } = {},
): JsonObject {
  const value: JsonObject = {
    messaging_product: "whatsapp",
    metadata: {
      display_phone_number: options.displayPhoneNumber ?? SAMPLE_DISPLAY_PHONE_NUMBER,
      phone_number_id: options.phoneNumberId ?? SAMPLE_PHONE_NUMBER_ID,
    },
  };
  const contacts = options.contacts ?? defaultContacts(options.messages);
  if (contacts.length > 0) value.contacts = contacts.map(toMetaContact);
  if (options.messages) value.messages = options.messages as JsonObject[];
  if (options.statuses) value.statuses = options.statuses as JsonObject[];
  return buildFieldWebhook("messages", value, options.wabaId);
}

/** Any other subscribed field (template updates, quality updates, account updates…). */
export function buildFieldWebhook(field: string, value: object, wabaId: string = SAMPLE_WABA_ID): JsonObject {
  return {
    object: "whatsapp_business_account",
    entry: [{ id: wabaId, changes: [{ value: value as JsonObject, field }] }],
  };
}

export function sampleTemplateStatusUpdate(
  options: { event?: string; name?: string; reason?: string } = {},
): JsonObject {
  return {
    event: options.event ?? "APPROVED",
    message_template_id: 1689556908129832,
    message_template_name: options.name ?? "order_confirmation",
    message_template_language: "en_US",
    message_template_category: "UTILITY",
    reason: options.reason ?? "NONE",
  };
}

export function samplePhoneNumberQualityUpdate(options: { event?: string; currentLimit?: string } = {}): JsonObject {
  return {
    display_phone_number: SAMPLE_DISPLAY_PHONE_NUMBER,
    event: options.event ?? "UPGRADE",
    current_limit: options.currentLimit ?? "TIER_10K",
    max_daily_conversations_per_business: "10K",
  };
}

function toMetaContact(contact: SampleContact): JsonObject {
  const profile: JsonObject = { name: contact.name };
  if (contact.username) profile.username = contact.username;
  const out: JsonObject = { profile, wa_id: contact.waId };
  if (contact.userId) out.user_id = contact.userId;
  return out;
}

// Meta sends one contact per sender, and none for system messages.
function defaultContacts(messages: object[] | undefined): SampleContact[] {
  const senders = new Set<string>();
  for (const message of messages ?? []) {
    const { from, type } = message as { from?: unknown; type?: unknown };
    if (typeof from === "string" && type !== "system") senders.add(from);
  }
  return [...senders].map((waId) => ({
    waId,
    name: waId === SAMPLE_CUSTOMER_WA_ID ? "Ana Lima" : `Customer ${waId.slice(-4)}`,
  }));
}
