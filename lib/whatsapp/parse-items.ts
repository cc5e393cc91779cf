import { asJson, getField, getString, isRecord } from "./json";
import { reportIssues } from "./problems";
import { normalizeMetaTimestamp } from "./timestamp";
import type { ParsedContact, ParsedMessage, ParsedStatus } from "./webhook-types";
import {
  inboundMessageSchema,
  messageContentSchemas,
  messageStatusSchema,
  webhookContactSchema,
} from "./webhook-schema";

// Items are read leniently with getters after the schema has reported what is off: a message
// with a strange `from` is still a customer's message. Only an item we could never refer to
// again (no id, or a status without a status) is skipped.

/** Types whose payload sits under message[type]; everything else is stored whole. */
const TYPED_CONTENT = new Set([...Object.keys(messageContentSchemas), "request_welcome"]);

type Context = { base: string; receivedAt: Date; problems: string[] };

export function parseContact(raw: unknown, { base, problems }: Context): ParsedContact | null {
  reportIssues(webhookContactSchema, raw, base, problems);
  if (!isRecord(raw)) return null;
  const profile = raw.profile;
  return {
    waId: getString(raw.wa_id),
    userId: getString(raw.user_id),
    profileName: getString(getField(profile, "name")),
    username: getString(getField(profile, "username")),
  };
}

export function parseMessage(raw: unknown, context: Context): ParsedMessage | null {
  const { base, receivedAt, problems } = context;
  reportIssues(inboundMessageSchema, raw, base, problems);
  if (!isRecord(raw) || typeof raw.id !== "string" || raw.id === "") return null;

  // A message with no type is still a message; "unknown" keeps it visible as unsupported.
  const type = typeof raw.type === "string" && raw.type !== "" ? raw.type : "unknown";
  const typed = TYPED_CONTENT.has(type);
  const payload = typed ? raw[type] : raw;
  const contentSchema = messageContentSchemas[type];
  if (contentSchema) {
    if (payload === undefined) problems.push(`${base}: missing ${type}`);
    else reportIssues(contentSchema, payload, `${base}.${type}`, problems);
  }
  const ctx = raw.context;

  return {
    wamid: raw.id,
    from: getString(raw.from),
    fromUserId: getString(raw.from_user_id),
    type,
    text: typed ? previewText(type, payload) : null,
    content: asJson(payload),
    timestamp: normalizeMetaTimestamp(raw.timestamp, receivedAt),
    replyToWamid: getString(getField(ctx, "id")),
    forwarded: getField(ctx, "forwarded") === true || getField(ctx, "frequently_forwarded") === true,
    referral: asJson(raw.referral),
    errors: asJson(raw.errors),
    reaction: type === "reaction" ? readReaction(payload) : null,
  };
}

function readReaction(payload: unknown): ParsedMessage["reaction"] {
  const targetWamid = getString(getField(payload, "message_id"));
  if (targetWamid === null) return null;
  const emoji = getField(payload, "emoji");
  return { targetWamid, emoji: typeof emoji === "string" ? emoji : "" };
}

function previewText(type: string, payload: unknown): string | null {
  const read = (key: string) => getString(getField(payload, key));
  switch (type) {
    case "text":
      return read("body");
    case "image":
    case "video":
    case "audio":
    case "sticker":
      return read("caption");
    case "document":
      return read("caption") ?? read("filename");
    case "location":
      return read("name") ?? read("address");
    case "contacts":
      return contactNames(payload);
    case "interactive":
      return interactiveText(payload);
    case "button":
      return read("text") ?? read("payload");
    case "reaction":
      return read("emoji");
    case "order":
      return read("text");
    case "system":
      return read("body");
    default:
      return null;
  }
}

function contactNames(payload: unknown): string | null {
  if (!Array.isArray(payload)) return null;
  const names = payload
    .map((card) => getString(getField(getField(card, "name"), "formatted_name")))
    .filter((name): name is string => name !== null);
  return names.length > 0 ? names.join(", ") : null;
}

/** The chosen option's title; a Flow reply (nfm_reply) has only its body. */
function interactiveText(payload: unknown): string | null {
  const declared = getString(getField(payload, "type"));
  const candidates = [declared, "button_reply", "list_reply", "nfm_reply"];
  for (const key of candidates) {
    if (key === null) continue;
    const reply = getField(payload, key);
    if (!isRecord(reply)) continue;
    return getString(reply.title) ?? getString(reply.body) ?? null;
  }
  return null;
}

export function parseStatus(raw: unknown, { base, receivedAt, problems }: Context): ParsedStatus | null {
  reportIssues(messageStatusSchema, raw, base, problems);
  if (!isRecord(raw)) return null;
  const wamid = getString(raw.id);
  const status = getString(raw.status);
  if (wamid === null || status === null) return null;

  const errors = raw.errors;
  const first: unknown = Array.isArray(errors) ? errors[0] : undefined;
  return {
    wamid,
    status,
    timestamp: normalizeMetaTimestamp(raw.timestamp, receivedAt),
    recipientId: getString(raw.recipient_id),
    recipientUserId: getString(raw.recipient_user_id),
    errorCode: errorCode(getField(first, "code")),
    errorTitle: getString(getField(first, "title")) ?? getString(getField(first, "message")),
    errors: asJson(errors),
    pricing: asJson(raw.pricing),
    conversation: asJson(raw.conversation),
    bizOpaqueData: typeof raw.biz_opaque_callback_data === "string" ? raw.biz_opaque_callback_data : null,
  };
}

function errorCode(value: unknown): number | null {
  if (typeof value === "number" && Number.isInteger(value)) return value;
  if (typeof value === "string" && /^\d{1,15}$/.test(value)) return Number(value);
  return null;
}
