// One WebSocket client: handshake, subscriptions, client events and liveness.
// Every inbound frame is validated; a bad one earns a pusher:error and the connection keeps serving.
import { randomInt } from "node:crypto";
import type { RawData, WebSocket } from "ws";
import type { ChannelRegistry } from "./channel-registry";
import {
  channelKind,
  closeCodes,
  encodeMessage,
  errorMessage,
  inboundMessageSchema,
  isValidChannelAuth,
  MAX_CLIENT_EVENTS_PER_SECOND,
  MAX_EVENT_DATA_BYTES,
  MAX_SUBSCRIPTIONS_PER_SOCKET,
  SERVER_TO_USER_PREFIX,
  subscribeDataSchema,
  unsubscribeDataSchema,
  parsePresenceMember,
  type PresenceMember,
} from "./protocol";
import { type UserSockets, verifySignin } from "./user-sockets";

export type ServerContext = {
  key: string;
  secret: string;
  activityTimeoutSeconds: number;
  pongTimeoutMs: number;
  registry: ChannelRegistry;
  connections: Map<string, PusherConnection>;
  /** Signed-in sockets by user id: what terminate_connections closes. */
  users: UserSockets<PusherConnection>;
  /** When set, a socket that has not signed in by then is closed (4009), as Pusher's enforced user authentication. */
  userAuthenticationTimeoutMs: number | null;
};

export class PusherConnection {
  readonly socketId: string;
  private readonly channels = new Set<string>();
  private readonly idleTimer: NodeJS.Timeout;
  private pongTimer: NodeJS.Timeout | undefined;
  private clientEventWindow = { startedAt: 0, count: 0 };
  private disposed = false;
  private signinTimer: NodeJS.Timeout | undefined;
  /** Set by a valid pusher:signin. */
  userId: string | undefined;

  constructor(
    private readonly ws: WebSocket,
    private readonly ctx: ServerContext,
  ) {
    this.socketId = newSocketId(ctx.connections);
    ctx.connections.set(this.socketId, this);
    this.idleTimer = setTimeout(() => this.onIdle(), ctx.activityTimeoutSeconds * 1000);
    if (ctx.userAuthenticationTimeoutMs !== null) {
      this.signinTimer = setTimeout(
        () => this.terminate("Connection not signed in within timeout"),
        ctx.userAuthenticationTimeoutMs,
      );
    }

    ws.on("message", (raw, isBinary) => this.onMessage(raw, isBinary));
    ws.on("pong", () => this.markActive());
    ws.on("close", () => this.dispose());
    // A reset socket emits "error" then "close"; without a listener the error would crash the process.
    ws.on("error", () => this.dispose());

    this.send(
      encodeMessage({
        event: "pusher:connection_established",
        data: { socket_id: this.socketId, activity_timeout: ctx.activityTimeoutSeconds },
      }),
    );
  }

  send(raw: string): void {
    if (this.ws.readyState === this.ws.OPEN) this.ws.send(raw);
  }

  close(code: number, reason: string): void {
    this.dispose();
    if (this.ws.readyState === this.ws.OPEN || this.ws.readyState === this.ws.CONNECTING) {
      this.ws.close(code, reason);
    }
  }

  /** Ends the connection for good: pusher-js does not reconnect after 4009. */
  terminate(reason: string): void {
    this.send(errorMessage(closeCodes.unauthorized, reason));
    this.close(closeCodes.unauthorized, reason);
  }

  /** Forgets the socket at once, so presence sees the user leave without waiting for the TCP close. */
  private dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    clearTimeout(this.idleTimer);
    clearTimeout(this.pongTimer);
    clearTimeout(this.signinTimer);
    if (this.userId !== undefined) this.ctx.users.remove(this.userId, this);
    for (const channel of this.channels) this.ctx.registry.leave({ channel, socketId: this.socketId });
    this.channels.clear();
    this.ctx.connections.delete(this.socketId);
  }

  private markActive(): void {
    if (this.disposed) return;
    this.idleTimer.refresh();
    clearTimeout(this.pongTimer);
    this.pongTimer = undefined;
  }

  private onIdle(): void {
    this.send(encodeMessage({ event: "pusher:ping", data: {} }));
    this.pongTimer = setTimeout(
      () => this.close(closeCodes.pongNotReceived, "Pong reply not received"),
      this.ctx.pongTimeoutMs,
    );
  }

  private onMessage(raw: RawData, isBinary: boolean): void {
    this.markActive();
    try {
      if (isBinary) return this.sendError("Binary frames are not supported");
      let json: unknown;
      try {
        json = JSON.parse(rawToString(raw));
      } catch {
        return this.sendError("Message is not valid JSON");
      }
      const parsed = inboundMessageSchema.safeParse(json);
      if (!parsed.success) return this.sendError("Message must be an object with a string 'event'");
      const { event, channel, data } = parsed.data;

      if (event === "pusher:ping") return this.send(encodeMessage({ event: "pusher:pong", data: {} }));
      if (event === "pusher:pong") return;
      if (event === "pusher:subscribe") return this.subscribe(data);
      if (event === "pusher:signin") return this.signin(data);
      if (event === "pusher:unsubscribe") return this.unsubscribe(data);
      if (event.startsWith("client-")) return this.clientEvent({ event, channel, data });
      return this.sendError(`Unsupported event '${event.slice(0, 64)}'`);
    } catch (error) {
      console.error("[pusher-server] failed to handle a message", error);
      this.sendError("Internal error handling the message");
    }
  }

  private subscribe(rawData: unknown): void {
    const parsed = subscribeDataSchema.safeParse(rawData);
    if (!parsed.success) return this.sendError("pusher:subscribe needs data.channel with a valid channel name");
    const { channel, auth, channel_data: channelData } = parsed.data;
    if (!this.channels.has(channel) && this.channels.size >= MAX_SUBSCRIPTIONS_PER_SOCKET) {
      return this.subscriptionError(
        channel,
        403,
        `A socket may follow at most ${MAX_SUBSCRIPTIONS_PER_SOCKET} channels`,
      );
    }
    if (channel.startsWith(SERVER_TO_USER_PREFIX)) {
      if (this.userId === undefined || channel !== `${SERVER_TO_USER_PREFIX}${this.userId}`) {
        return this.subscriptionError(channel, 403, "Only the signed-in user may follow their own user channel");
      }
      this.channels.add(channel);
      return this.subscriptionSucceeded(channel);
    }
    const kind = channelKind(channel);
    const { key, secret, registry } = this.ctx;

    let member: PresenceMember | undefined;
    if (kind !== "public") {
      const signedData = kind === "presence" ? (channelData ?? "") : undefined;
      if (!isValidChannelAuth({ key, secret, socketId: this.socketId, channel, auth, channelData: signedData })) {
        return this.subscriptionError(channel, 401, `Invalid signature for channel '${channel}'`);
      }
    }
    if (kind === "presence") {
      member = parsePresenceMember(channelData);
      if (member === undefined) {
        return this.subscriptionError(channel, 400, "channel_data must be JSON with a user_id (and user_info)");
      }
    }

    const result = registry.join({ channel, subscriber: this, member });
    if (!result.ok) return this.subscriptionError(channel, 403, result.reason);
    this.channels.add(channel);
    this.subscriptionSucceeded(channel, result.presence);
  }

  private subscriptionSucceeded(channel: string, presence?: unknown): void {
    this.send(encodeMessage({ event: "pusher_internal:subscription_succeeded", channel, data: presence ?? {} }));
  }

  /** User authentication: the app signed `user_data` for this socket; terminate_connections finds it by id. */
  private signin(rawData: unknown): void {
    const { key, secret } = this.ctx;
    const check = verifySignin({ rawData, key, secret, socketId: this.socketId });
    if (!check.ok) return this.terminate(check.message);
    if (this.userId !== undefined && this.userId !== check.userId)
      return this.terminate("A socket signs in as one user");
    clearTimeout(this.signinTimer);
    this.userId = check.userId;
    this.ctx.users.add(check.userId, this);
    this.send(encodeMessage({ event: "pusher:signin_success", data: { user_data: check.userData } }));
  }

  private unsubscribe(rawData: unknown): void {
    const parsed = unsubscribeDataSchema.safeParse(rawData);
    if (!parsed.success) return this.sendError("pusher:unsubscribe needs data.channel");
    const { channel } = parsed.data;
    if (!this.channels.delete(channel)) return;
    this.ctx.registry.leave({ channel, socketId: this.socketId });
  }

  private clientEvent(message: { event: string; channel: string | undefined; data: unknown }): void {
    const { event, channel, data } = message;
    if (channel === undefined || channelKind(channel) === "public") {
      return this.sendError("Client events are only allowed on private and presence channels");
    }
    if (!this.channels.has(channel)) return this.sendError(`Not subscribed to '${channel}'`);
    const encoded = typeof data === "string" ? data : JSON.stringify(data ?? {});
    if (Buffer.byteLength(encoded, "utf8") > MAX_EVENT_DATA_BYTES) {
      return this.sendError(`Client event data is over ${MAX_EVENT_DATA_BYTES} bytes`);
    }
    if (!this.takeClientEventToken()) {
      return this.send(errorMessage(4301, "Client event rejected due to rate limit"));
    }
    const userId = this.ctx.registry.userIdOf({ channel, socketId: this.socketId });
    const raw = encodeMessage({ event, channel, data: encoded, ...(userId === undefined ? {} : { user_id: userId }) });
    this.ctx.registry.broadcast({ channel, raw, exceptSocketId: this.socketId });
  }

  private takeClientEventToken(): boolean {
    const now = Date.now();
    if (now - this.clientEventWindow.startedAt >= 1000) this.clientEventWindow = { startedAt: now, count: 0 };
    this.clientEventWindow.count += 1;
    return this.clientEventWindow.count <= MAX_CLIENT_EVENTS_PER_SECOND;
  }

  /** Same shape pusher-js emits for its own auth failures, so one handler covers both. */
  private subscriptionError(channel: string, status: number, error: string): void {
    const type = status === 401 ? "AuthError" : "SubscriptionError";
    this.send(encodeMessage({ event: "pusher:subscription_error", channel, data: { type, error, status } }));
  }

  private sendError(message: string): void {
    // No code: the documented 4000–4299 codes say how to reconnect after a close, and this socket stays open.
    this.send(errorMessage(null, message));
  }
}

function newSocketId(taken: Map<string, unknown>): string {
  for (;;) {
    const id = `${randomInt(1, 1_000_000_000)}.${randomInt(1, 1_000_000_000)}`;
    if (!taken.has(id)) return id;
  }
}

function rawToString(raw: RawData): string {
  if (Buffer.isBuffer(raw)) return raw.toString("utf8");
  if (Array.isArray(raw)) return Buffer.concat(raw).toString("utf8");
  return Buffer.from(raw).toString("utf8");
}
