// The Pusher HTTP API subset the `pusher` server SDK uses: trigger, batch trigger and channel queries.
// Status codes follow the hosted service (400 bad body, 401 bad auth, 404 unknown app, 413 oversized data).
import type { IncomingMessage, ServerResponse } from "node:http";
import type { z } from "zod";
import type { ChannelRegistry } from "./channel-registry";
import type { UserSockets } from "./user-sockets";
import type { PusherConnection } from "./ws-connection";
import { verifySignedRequest } from "./http-auth";
import {
  batchBodySchema,
  channelKind,
  channelNameSchema,
  encodeMessage,
  isTooLargeIssue,
  triggerBodySchema,
} from "./protocol";

// Generous for 10 events × 10 KB or 100 channel names, small enough that a bad client cannot hog memory.
const MAX_BODY_BYTES = 256 * 1024;

export type HttpApiContext = {
  appId: string;
  key: string;
  secret: string;
  registry: ChannelRegistry;
  users: UserSockets<PusherConnection>;
};

type ApiResponse = { status: number; body: unknown };

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export function createHttpApiHandler(ctx: HttpApiContext): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    handle(ctx, req).then(
      (response) => reply(res, response),
      (error: unknown) => {
        if (error instanceof HttpError) return reply(res, { status: error.status, body: error.message });
        console.error("[pusher-server] HTTP API request failed", error);
        reply(res, { status: 500, body: "Internal server error" });
      },
    );
  };
}

async function handle(ctx: HttpApiContext, req: IncomingMessage): Promise<ApiResponse> {
  const url = req.url ?? "/";
  const queryStart = url.indexOf("?");
  const path = queryStart === -1 ? url : url.slice(0, queryStart);
  const query = new URLSearchParams(queryStart === -1 ? "" : url.slice(queryStart + 1));
  const method = req.method ?? "GET";

  // Lets `npm start` and load balancers wait for readiness without credentials.
  if (path === "/" && method === "GET") return { status: 200, body: "OK" };

  const match = /^\/apps\/([^/]+)(\/.*)$/.exec(path);
  if (match === null) throw new HttpError(404, "Not found");
  const [, appId = "", route = ""] = match;
  if (appId !== ctx.appId) throw new HttpError(404, `Unknown app id '${appId.slice(0, 64)}'`);

  const body = await readBody(req);
  const check = verifySignedRequest({ method, path, query, body, key: ctx.key, secret: ctx.secret });
  if (!check.ok) throw new HttpError(401, check.message);

  if (method === "POST" && route === "/events") return triggerEvents(ctx, parseBody(body, triggerBodySchema));
  if (method === "POST" && route === "/batch_events") return triggerBatch(ctx, parseBody(body, batchBodySchema));
  if (method === "GET" && route === "/channels") return listChannels(ctx, query);
  const terminate = /^\/users\/([^/]+)\/terminate_connections$/.exec(route);
  if (method === "POST" && terminate !== null) return terminateUserConnections(ctx, terminate[1] ?? "");
  const channelRoute = /^\/channels\/([^/]+)(\/users)?$/.exec(route);
  if (method === "GET" && channelRoute !== null) {
    const channel = parseChannel(channelRoute[1] ?? "");
    return channelRoute[2] === undefined ? channelInfo(ctx, channel, query) : channelUsers(ctx, channel);
  }
  throw new HttpError(404, `No such endpoint: ${method} ${route}`);
}

function triggerEvents(ctx: HttpApiContext, event: z.infer<typeof triggerBodySchema>): ApiResponse {
  const channels = event.channels ?? (event.channel === undefined ? [] : [event.channel]);
  for (const channel of channels) {
    publish(ctx, { channel, name: event.name, data: event.data, socketId: event.socket_id });
  }
  return { status: 200, body: {} };
}

function triggerBatch(ctx: HttpApiContext, body: z.infer<typeof batchBodySchema>): ApiResponse {
  for (const event of body.batch) {
    publish(ctx, { channel: event.channel, name: event.name, data: event.data, socketId: event.socket_id });
  }
  return { status: 200, body: {} };
}

function publish(ctx: HttpApiContext, event: { channel: string; name: string; data: string; socketId?: string }) {
  const raw = encodeMessage({ event: event.name, channel: event.channel, data: event.data });
  // socket_id lets the browser that caused a change skip the echo of its own action.
  ctx.registry.broadcast({ channel: event.channel, raw, exceptSocketId: event.socketId });
}

/** Closes every socket signed in as this user (4009: pusher-js does not reconnect). */
function terminateUserConnections(ctx: HttpApiContext, encodedUserId: string): ApiResponse {
  let userId: string;
  try {
    userId = decodeURIComponent(encodedUserId);
  } catch {
    throw new HttpError(400, "User id is not valid percent-encoding");
  }
  for (const connection of ctx.users.of(userId)) connection.terminate("Connection terminated by the app");
  return { status: 200, body: {} };
}

function channelInfo(ctx: HttpApiContext, channel: string, query: URLSearchParams): ApiResponse {
  const wanted = infoAttributes(query);
  if (wanted.has("user_count") && channelKind(channel) !== "presence") {
    throw new HttpError(400, "user_count is only available for presence channels");
  }
  const info = ctx.registry.info(channel);
  const body: Record<string, unknown> = { occupied: info !== undefined };
  if (wanted.has("user_count")) body.user_count = info?.userCount ?? 0;
  if (wanted.has("subscription_count")) body.subscription_count = info?.subscriptionCount ?? 0;
  return { status: 200, body };
}

function channelUsers(ctx: HttpApiContext, channel: string): ApiResponse {
  if (channelKind(channel) !== "presence") throw new HttpError(400, "Users are only listed for presence channels");
  return { status: 200, body: { users: ctx.registry.userIds(channel).map((id) => ({ id })) } };
}

function listChannels(ctx: HttpApiContext, query: URLSearchParams): ApiResponse {
  const prefix = query.get("filter_by_prefix") ?? "";
  const wanted = infoAttributes(query);
  if (wanted.has("user_count") && !prefix.startsWith("presence-")) {
    throw new HttpError(400, "user_count needs filter_by_prefix=presence-");
  }
  const channels: Record<string, Record<string, number>> = {};
  for (const name of ctx.registry.channelNames()) {
    if (!name.startsWith(prefix)) continue;
    const info = ctx.registry.info(name);
    channels[name] = wanted.has("user_count") ? { user_count: info?.userCount ?? 0 } : {};
  }
  return { status: 200, body: { channels } };
}

function infoAttributes(query: URLSearchParams): Set<string> {
  return new Set((query.get("info") ?? "").split(",").filter((part) => part !== ""));
}

function parseChannel(encoded: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(encoded);
  } catch {
    throw new HttpError(400, "Channel name is not valid percent-encoding");
  }
  const parsed = channelNameSchema.safeParse(decoded);
  if (!parsed.success) throw new HttpError(400, "Invalid channel name");
  return parsed.data;
}

function parseBody<T>(body: string, schema: z.ZodType<T>): T {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new HttpError(400, "Body is not valid JSON");
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues;
  const status = issues.some(isTooLargeIssue) ? 413 : 400;
  throw new HttpError(status, issues.map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`).join("; "));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new HttpError(413, `Request body is over ${MAX_BODY_BYTES} bytes`));
        req.removeAllListeners("data");
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function reply(res: ServerResponse, response: ApiResponse): void {
  if (res.headersSent) return;
  const isText = typeof response.body === "string";
  const payload = isText ? `${response.body as string}\n` : JSON.stringify(response.body);
  res.writeHead(response.status, {
    "content-type": isText ? "text/plain; charset=utf-8" : "application/json",
    "content-length": Buffer.byteLength(payload),
  });
  res.end(payload);
}
