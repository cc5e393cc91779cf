// A small Pusher Channels (protocol 7) server, so the inbox runs without a Pusher account or soketi.
// One Node HTTP server carries both the WebSocket endpoint (/app/:key) and the HTTP API (/apps/:id/…).
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { WebSocketServer, type WebSocket } from "ws";
import { z } from "zod";
import { ChannelRegistry } from "./channel-registry";
import { createHttpApiHandler } from "./http-api";
import { closeCodes, errorMessage, MAX_CONNECTIONS_PER_ADDRESS, PROTOCOL_VERSION } from "./protocol";
import { UserSockets } from "./user-sockets";
import { PusherConnection, type ServerContext } from "./ws-connection";

export type PusherServerOptions = {
  appId: string;
  key: string;
  secret: string;
  host?: string;
  /** 0 picks a free port; read the chosen one from the result. */
  port?: number;
  /** Seconds of silence before either side pings; default 120, as the hosted service uses. */
  activityTimeoutSeconds?: number;
  /**
   * Close sockets that have not signed in (pusher:signin) within this many seconds, like hosted
   * Pusher's "enforce user authentication": a socket the app cannot name cannot be terminated.
   */
  userAuthenticationTimeoutSeconds?: number;
};

export type RunningPusherServer = {
  port: number;
  host: string;
  close(): Promise<void>;
  /** Open, handshaken WebSocket connections — for tests and diagnostics. */
  connectionCount(): number;
  /** Channels with at least one subscriber — for tests and diagnostics. */
  channelCount(): number;
};

const optionsSchema = z.object({
  appId: z.string().min(1),
  key: z.string().min(1),
  secret: z.string().min(1),
  host: z.string().min(1).default("127.0.0.1"),
  port: z.number().int().min(0).max(65535).default(0),
  activityTimeoutSeconds: z.number().int().min(1).max(3600).default(120),
  userAuthenticationTimeoutSeconds: z.number().min(0.1).max(3600).optional(),
});

// Client events are capped at 10 KB of data; anything far larger is not a Pusher client.
const MAX_FRAME_BYTES = 64 * 1024;
const SHUTDOWN_GRACE_MS = 1000;
const GOING_AWAY = 1001;

export async function startPusherServer(options: PusherServerOptions): Promise<RunningPusherServer> {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) {
    // Never echo the options themselves: they include the secret.
    const fields = parsed.error.issues.map((issue) => issue.path.join(".")).join(", ");
    throw new Error(`Invalid Pusher server options: ${fields}`);
  }
  const { appId, key, secret, host, port, activityTimeoutSeconds, userAuthenticationTimeoutSeconds } = parsed.data;

  const ctx: ServerContext = {
    key,
    secret,
    activityTimeoutSeconds,
    // The protocol recommends 30 s; short activity timeouts (tests) shrink it so dead peers go quickly.
    pongTimeoutMs: Math.min(30, activityTimeoutSeconds) * 1000,
    registry: new ChannelRegistry(),
    connections: new Map(),
    users: new UserSockets(),
    userAuthenticationTimeoutMs:
      userAuthenticationTimeoutSeconds === undefined ? null : userAuthenticationTimeoutSeconds * 1000,
  };

  const server = createServer(createHttpApiHandler({ appId, key, secret, registry: ctx.registry, users: ctx.users }));
  const perAddress = new Map<string, number>();
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  server.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    onUpgrade({ ctx, wss, req, socket, head, perAddress });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;

  let closing: Promise<void> | undefined;
  return {
    port: address.port,
    host,
    connectionCount: () => ctx.connections.size,
    channelCount: () => ctx.registry.channelCount(),
    close: () => {
      closing ??= shutdown({ ctx, wss, server });
      return closing;
    },
  };
}

function onUpgrade(options: {
  ctx: ServerContext;
  wss: WebSocketServer;
  req: IncomingMessage;
  socket: Duplex;
  head: Buffer;
  perAddress: Map<string, number>;
}): void {
  const { ctx, wss, req, socket, head, perAddress } = options;
  socket.on("error", () => socket.destroy());
  let url: URL;
  try {
    url = new URL(req.url ?? "/", "http://localhost");
  } catch {
    socket.end("HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
    return;
  }
  // pusher-js may prepend its wsPath option, so only the tail of the path is fixed.
  const match = /\/app\/([^/]+)$/.exec(url.pathname);
  if (match === null) {
    socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
    return;
  }
  wss.handleUpgrade(req, socket, head, (ws) => {
    ws.on("error", () => ws.terminate());
    // Refusals travel as pusher:error *and* a close code: pusher-js reads the code to decide not to retry.
    if (match[1] !== ctx.key) {
      return refuse(ws, closeCodes.appDoesNotExist, "App key does not exist");
    }
    if (Number(url.searchParams.get("protocol")) !== PROTOCOL_VERSION) {
      return refuse(ws, closeCodes.unsupportedProtocol, `Unsupported protocol version; use ${PROTOCOL_VERSION}`);
    }
    // Per socket address: behind a proxy all clients share one, so the cap is generous.
    const address = req.socket.remoteAddress ?? "unknown";
    const open = perAddress.get(address) ?? 0;
    if (open >= MAX_CONNECTIONS_PER_ADDRESS) {
      return refuse(ws, closeCodes.overCapacity, `Over ${MAX_CONNECTIONS_PER_ADDRESS} connections from this address`);
    }
    perAddress.set(address, open + 1);
    ws.once("close", () => {
      const left = (perAddress.get(address) ?? 1) - 1;
      if (left <= 0) perAddress.delete(address);
      else perAddress.set(address, left);
    });
    new PusherConnection(ws, ctx);
  });
}

function refuse(ws: WebSocket, code: number, message: string): void {
  ws.send(errorMessage(code, message));
  ws.close(code, message);
}

async function shutdown(options: {
  ctx: ServerContext;
  wss: WebSocketServer;
  server: ReturnType<typeof createServer>;
}): Promise<void> {
  const { ctx, wss, server } = options;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // 1001 (going away) makes pusher-js retry after 1 s. 4200 would retry at once, hit the closed port,
  // and pusher-js then waits out a 15 s strategy timeout — far slower for a server that is restarting.
  for (const connection of [...ctx.connections.values()]) {
    connection.close(GOING_AWAY, "Server shutting down");
  }
  const sockets = [...wss.clients];
  const handshakes = sockets.map(
    (ws) => new Promise<void>((resolve) => (ws.readyState === ws.CLOSED ? resolve() : ws.once("close", resolve))),
  );
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    Promise.all(handshakes),
    new Promise<void>((resolve) => (timer = setTimeout(resolve, SHUTDOWN_GRACE_MS))),
  ]);
  clearTimeout(timer);
  for (const ws of wss.clients) ws.terminate();
  wss.close();
  server.closeAllConnections();
  await closed;
}
