import { asJson, getField, getString, isRecord } from "./json";
import { buildMessageBody, messageBodyText } from "./message-body";
import { reportIssues } from "./problems";
import { readLeniently } from "./read-leniently";
import { normalizeMetaTimestamp } from "./timestamp";
import type { ParsedContact, ParsedEcho, ParsedMessage, ParsedStatus } from "./webhook-types";
import {
  inboundMessageSchema,
  messageContentSchemas,
  messageStatusSchema,
  reactionContentSchema,
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
    text: typed ? messageBodyText(buildMessageBody({ type, content: payload, text: null, errors: null })) : null,
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
  const reaction = readLeniently(reactionContentSchema, payload);
  if (reaction?.message_id === undefined) return null;
  return { targetWamid: reaction.message_id, emoji: reaction.emoji ?? "" };
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

/** An smb_message_echoes item: a message's shape, addressed `to` the customer. */
export function parseEcho(raw: unknown, context: Context): ParsedEcho | null {
  const message = parseMessage(raw, context);
  if (!message || !isRecord(raw)) return null;
  return { ...message, to: getString(raw.to), toUserId: getString(raw.to_user_id) };
}
