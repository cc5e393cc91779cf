// Vets every request at the socket, before Next.js routes it. Four things only this spot can do:
// see the peer address (Next keeps a client's own X-Forwarded-For and never shows route handlers
// the socket), refuse a path Next cannot decode (a segment like %ED%A0%80 makes it answer a bare
// 500 before any of our code runs), refuse a flood for almost nothing (sign-ins from an address
// already over its limit get their 429 here, without Next's routing: lib/auth/blocked-addresses.ts),
// and answer the few socket routes whose own work is smaller than Next's routing (the media files:
// lib/media/media-socket-route.ts). Installed once from instrumentation.ts, in the process that owns
// the HTTP server; `next start` offers no other hook that sees the socket.
import { type IncomingMessage, Server, type ServerResponse } from "node:http";
import { blockedSignInRefusal, SIGN_IN_URL_PATH } from "@/lib/auth/blocked-addresses";
import {
  CLIENT_ADDRESS_HEADER,
  FORWARDING_HEADERS,
  type ProxyTrust,
  REQUEST_HOST_HEADER,
  resolveForwarding,
} from "./forwarding";

/** Our two headers always replace the client's; an untrusted peer's forwarding headers are dropped. */
export function applyForwarding(request: IncomingMessage, trust: ProxyTrust): void {
  const { clientAddress, host, trusted } = resolveForwarding(request.headers, request.socket?.remoteAddress, trust);
  // Dropped, Next fills X-Forwarded-For with the socket address and X-Forwarded-Host with Host.
  if (!trusted) for (const name of FORWARDING_HEADERS) delete request.headers[name];
  request.headers[CLIENT_ADDRESS_HEADER] = clientAddress;
  if (host === undefined) delete request.headers[REQUEST_HOST_HEADER];
  else request.headers[REQUEST_HOST_HEADER] = host;
}

/** The first path segment that is not valid UTF-8 percent-encoding, or null. */
export function undecodablePathSegment(url: string | undefined): string | null {
  if (url === undefined || !url.includes("%")) return null;
  const path = url.split("?", 1)[0] ?? "";
  for (const segment of path.split("/")) {
    try {
      decodeURIComponent(segment);
    } catch {
      return segment;
    }
  }
  return null;
}

function refuseUndecodablePath(response: ServerResponse, segment: string): void {
  const message = `path: the segment '${segment.slice(0, 80)}' is not valid UTF-8 percent-encoding`;
  const body = JSON.stringify({ error: { code: "validation_failed", message } });
  response.writeHead(422, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
  response.end(body);
}

/** A sign-in from an address over its limit: answered here (the same 429 better-auth gives), or false. */
function refusedBlockedSignIn(request: IncomingMessage, response: ServerResponse): boolean {
  // Every request passes here (webhooks included): compare without splitting the URL.
  const url = request.url ?? "";
  if (request.method !== "POST" || !url.startsWith(SIGN_IN_URL_PATH)) return false;
  if (url.length !== SIGN_IN_URL_PATH.length && url[SIGN_IN_URL_PATH.length] !== "?") return false;
  const refusal = blockedSignInRefusal(String(request.headers[CLIENT_ADDRESS_HEADER]));
  if (!refusal) return false;
  response.writeHead(429, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(refusal.body),
    "retry-after": String(refusal.retryAfterSeconds),
  });
  response.end(refusal.body);
  return true;
}

/**
 * A route answered here instead of by Next: `matches` sees every request's URL (keep it a prefix
 * test first), `answer` owns the response from then on and must never throw.
 */
export type SocketRoute = {
  matches: (url: string) => boolean;
  answer: (request: IncomingMessage, response: ServerResponse) => void;
};

function answeredBySocketRoute(request: IncomingMessage, response: ServerResponse, routes: readonly SocketRoute[]) {
  const url = request.url ?? "";
  const route = routes.find((candidate) => candidate.matches(url));
  if (!route) return false;
  route.answer(request, response);
  return true;
}

export function installRequestGuard(trust: ProxyTrust, socketRoutes: readonly SocketRoute[] = []): void {
  const marker = Symbol.for("inbox.requestGuard");
  const prototype = Server.prototype as unknown as Record<symbol, unknown> & { emit: Server["emit"] };
  if (prototype[marker]) return;
  prototype[marker] = true;
  const emit = prototype.emit;
  prototype.emit = function (this: Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request" || event === "upgrade") {
      const request = args[0] as IncomingMessage;
      applyForwarding(request, trust);
      const segment = event === "request" ? undecodablePathSegment(request.url) : null;
      if (segment !== null) {
        refuseUndecodablePath(args[1] as ServerResponse, segment);
        return true;
      }
      if (event === "request") {
        const response = args[1] as ServerResponse;
        if (refusedBlockedSignIn(request, response)) return true;
        if (answeredBySocketRoute(request, response, socketRoutes)) return true;
      }
    }
    return emit.apply(this, [event, ...args] as Parameters<Server["emit"]>);
  } as Server["emit"];
}
