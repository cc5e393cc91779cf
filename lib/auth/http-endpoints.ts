import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/http/app-error";
import { readTextBody } from "@/lib/http/request-body";
import { safeText } from "@/lib/http/text";
import { endUserConnections } from "@/lib/realtime/end-user-connections";
import { getAuth } from "./auth";
import { getUserFromHeaders } from "./session";

/**
 * The better-auth HTTP endpoints the product uses — every other one (update-user, change-email,
 * the admin plugin's, whatever a future better-auth version adds) answers 404 without reaching it.
 * An allow-list: managing users goes through our /api routes, which keep the app's rules, and
 * server code calls better-auth's server API (auth.api.*), which needs no HTTP endpoint. Add an
 * entry here only for something the browser must call directly.
 */
export const AUTH_HTTP_ENDPOINTS: readonly string[] = ["POST /sign-in/email", "POST /sign-out"];

const AUTH_BASE_PATH = "/api/auth";
/** Sign-in is two short strings; nothing better-auth is allowed to serve needs more. */
export const AUTH_MAX_BODY_BYTES = 4 * 1024;

/** Checked before better-auth sees the body: wrong types, NUL or lone surrogates are a 422, not a 500. */
const signInBodySchema = z.looseObject({
  email: safeText({ max: 320, label: "email" }),
  password: safeText({ max: 1000, label: "password" }),
});

export function isAllowedAuthEndpoint(request: Request): boolean {
  const path = new URL(request.url).pathname.slice(AUTH_BASE_PATH.length).replace(/\/+$/, "");
  return AUTH_HTTP_ENDPOINTS.includes(`${request.method} ${path}`);
}

/**
 * Hands an allowed request to better-auth with its body read first, streaming and capped: an
 * anonymous client cannot make the server buffer more than AUTH_MAX_BODY_BYTES.
 */
export async function forwardAuthRequest(request: Request): Promise<Response> {
  if (!isAllowedAuthEndpoint(request)) {
    throw new AppError("not_found", { message: `better-auth endpoint not exposed: ${request.method} ${request.url}` });
  }
  const body = request.method === "GET" ? undefined : await readTextBody(request, AUTH_MAX_BODY_BYTES);
  if (body !== undefined && new URL(request.url).pathname.endsWith("/sign-in/email")) {
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      throw new AppError("bad_request", { message: "The request body is not valid JSON." });
    }
    signInBodySchema.parse(json);
  }
  const signingOut = new URL(request.url).pathname.endsWith("/sign-out");
  const user = signingOut ? await getUserFromHeaders(request.headers) : null;
  const response = await getAuth().handler(
    new Request(request.url, { method: request.method, headers: request.headers, body }),
  );
  // Signing out ends the user's live sockets too (they reconnect and sign in again on other devices).
  if (user && response.ok) await endUserConnections({ userId: user.id });
  return response;
}
