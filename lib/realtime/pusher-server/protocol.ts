// Pusher Channels protocol 7: message shapes, limits and signatures shared by the WebSocket and HTTP sides.
// Limits mirror the hosted service so that code which works against this server also works against Pusher.
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";

export const PROTOCOL_VERSION = 7;
export const MAX_EVENT_DATA_BYTES = 10 * 1024;
export const MAX_CHANNELS_PER_TRIGGER = 100;
export const MAX_BATCH_EVENTS = 10;
export const MAX_PRESENCE_MEMBERS = 100;
export const MAX_CLIENT_EVENTS_PER_SECOND = 10;
export const MAX_TIMESTAMP_SKEW_SECONDS = 600;
/** Not documented by Pusher; a tab of this app follows 3 channels. Bounds one socket's memory. */
export const MAX_SUBSCRIPTIONS_PER_SOCKET = 100;
/** Channels existing at once across all sockets: bounds what anonymous public subscriptions can cost. */
export const MAX_CHANNELS = 20_000;
/** Open sockets per client address (a browser opens one per tab). */
export const MAX_CONNECTIONS_PER_ADDRESS = 50;
/** User authentication: data is `{ id, … }` as JSON, at most what an event may carry. */
export const MAX_USER_DATA_BYTES = 10 * 1024;

/** Close codes from the protocol; pusher-js picks refuse / back off / retry from the range. */
export const closeCodes = {
  appDoesNotExist: 4001,
  unsupportedProtocol: 4007,
  /** Terminated by the app (user signed out or deactivated), or not signed in in time: do not reconnect. */
  unauthorized: 4009,
  /** Too many connections from one address: back off and retry later. */
  overCapacity: 4100,
  pongNotReceived: 4201,
} as const;

/** The channel pusher-js subscribes to after `pusher:signin`; only that user's sockets may. */
export const SERVER_TO_USER_PREFIX = "#server-to-user-";

const channelNamePattern = /^[A-Za-z0-9_\-=@,.;]{1,164}$/;
export const channelNameSchema = z.string().regex(channelNamePattern, "invalid channel name");
export const eventNameSchema = z.string().min(1).max(200);
export const socketIdSchema = z.string().regex(/^\d+\.\d+$/, "invalid socket_id");

export type ChannelKind = "public" | "private" | "presence";

export function channelKind(channel: string): ChannelKind {
  if (channel.startsWith("presence-")) return "presence";
  if (channel.startsWith("private-")) return "private";
  return "public";
}

// ---- inbound WebSocket messages -------------------------------------------------------------

/** Some clients send `data` as an object, others as a JSON string; both are legal. */
const jsonObjectOrString = z.unknown().transform((value, ctx) => {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    ctx.addIssue({ code: "custom", message: "data is not valid JSON" });
    return z.NEVER;
  }
});

export const inboundMessageSchema = z.object({
  event: z.string().min(1).max(200),
  channel: z.string().optional(),
  data: z.unknown().optional(),
});

const serverToUserChannelSchema = z.string().regex(/^#server-to-user-[A-Za-z0-9_\-=@,.;]{1,128}$/);

export const subscribeDataSchema = jsonObjectOrString.pipe(
  z.object({
    channel: z.union([channelNameSchema, serverToUserChannelSchema]),
    auth: z.string().optional(),
    channel_data: z.string().optional(),
  }),
);
export type SubscribeData = z.infer<typeof subscribeDataSchema>;

export const unsubscribeDataSchema = jsonObjectOrString.pipe(z.object({ channel: z.string() }));

export const signinDataSchema = jsonObjectOrString.pipe(
  z.object({
    auth: z.string().max(200),
    user_data: z.string().refine((data) => Buffer.byteLength(data, "utf8") <= MAX_USER_DATA_BYTES),
  }),
);
export const userDataSchema = z.looseObject({ id: z.string().min(1).max(128) });

/** Pusher ids members by string; numeric ids from older auth endpoints are normalised once here. */
export const presenceChannelDataSchema = z.object({
  user_id: z.union([z.string().min(1).max(128), z.number()]).transform(String),
  user_info: z.unknown().optional(),
});
export type PresenceMember = { userId: string; userInfo: unknown };

/** `channel_data` of a presence subscription; undefined when it is not JSON with a user_id. */
export function parsePresenceMember(channelData: string | undefined): PresenceMember | undefined {
  if (channelData === undefined) return undefined;
  try {
    const parsed = presenceChannelDataSchema.safeParse(JSON.parse(channelData));
    return parsed.success ? { userId: parsed.data.user_id, userInfo: parsed.data.user_info } : undefined;
  } catch {
    return undefined;
  }
}

// ---- HTTP API bodies ------------------------------------------------------------------------

const eventDataSchema = z.string().refine((data) => Buffer.byteLength(data, "utf8") <= MAX_EVENT_DATA_BYTES, {
  message: `event data is over ${MAX_EVENT_DATA_BYTES} bytes`,
  params: { tooLarge: true },
});

const apiEventNameSchema = eventNameSchema.refine((name) => !name.startsWith("pusher"), {
  message: "event names starting with 'pusher' are reserved",
});

export const triggerBodySchema = z
  .object({
    name: apiEventNameSchema,
    data: eventDataSchema,
    channel: channelNameSchema.optional(),
    channels: z.array(channelNameSchema).min(1).max(MAX_CHANNELS_PER_TRIGGER).optional(),
    socket_id: socketIdSchema.optional(),
  })
  .refine((body) => (body.channel === undefined) !== (body.channels === undefined), {
    message: "give exactly one of channel or channels",
  });

export const batchBodySchema = z.object({
  batch: z
    .array(
      z.object({
        name: apiEventNameSchema,
        data: eventDataSchema,
        channel: channelNameSchema,
        socket_id: socketIdSchema.optional(),
      }),
    )
    .max(MAX_BATCH_EVENTS),
});

/** Lets the HTTP API answer 413 rather than 400 when the only fault is oversized data. */
export function isTooLargeIssue(issue: z.core.$ZodIssue): boolean {
  return issue.code === "custom" && (issue.params as { tooLarge?: boolean } | undefined)?.tooLarge === true;
}

// ---- outbound messages ----------------------------------------------------------------------

export type OutboundMessage = { event: string; channel?: string; data: unknown; user_id?: string };

/** Server-originated `data` is itself a JSON string on the wire, as the hosted service sends it. */
export function encodeMessage(message: OutboundMessage): string {
  const data = typeof message.data === "string" ? message.data : JSON.stringify(message.data);
  return JSON.stringify({ ...message, data });
}

export function errorMessage(code: number | null, message: string): string {
  return JSON.stringify({ event: "pusher:error", data: { code, message } });
}

// ---- signatures -----------------------------------------------------------------------------

export function hmacSha256Hex(secret: string, payload: string): string {
  return createHmac("sha256", secret).update(payload, "utf8").digest("hex");
}

/** Constant-time so response timing leaks nothing about how much of a forged signature matched. */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, "utf8");
  const right = Buffer.from(b, "utf8");
  if (left.length !== right.length) return false;
  return timingSafeEqual(left, right);
}

/** `auth` for `pusher:signin` is `key:HMAC(secret, "socket_id::user::user_data")`. */
export function isValidUserAuth(options: {
  key: string;
  secret: string;
  socketId: string;
  userData: string;
  auth: string;
}): boolean {
  const { key, secret, socketId, userData, auth } = options;
  return safeEqual(auth, `${key}:${hmacSha256Hex(secret, `${socketId}::user::${userData}`)}`);
}

/** `auth` for private/presence subscriptions is `key:HMAC(secret, "socket_id:channel[:channel_data]")`. */
export function isValidChannelAuth(options: {
  key: string;
  secret: string;
  socketId: string;
  channel: string;
  auth: string | undefined;
  channelData?: string;
}): boolean {
  const { key, secret, socketId, channel, auth, channelData } = options;
  if (auth === undefined) return false;
  const signed = channelData === undefined ? `${socketId}:${channel}` : `${socketId}:${channel}:${channelData}`;
  return safeEqual(auth, `${key}:${hmacSha256Hex(secret, signed)}`);
}
