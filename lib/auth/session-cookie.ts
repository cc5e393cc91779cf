// The session cookie checked the way better-auth checks it, so that a request's session can be read
// in one query of our own: better-auth's getSession reads the session row and then the user row (two
// round trips, each compiled by Prisma), which was most of a small route's time and tail (README →
// Media speed). getUserFromHeaders reads the session and its user in one query and leaves to
// better-auth what it alone does (sliding a session's expiry, clearing a dead one);
// GET /api/media/<id> reads the session with the file's row (getStoredMediaForSession).
import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { getAuth } from "./auth";

export type SessionSettings = {
  /** `inbox.session_token`, `__Secure-` first under https. */
  cookieName: string;
  secret: string;
  /** Seconds: how long a session lives, and how old it gets before better-auth slides its expiry. */
  expiresIn: number;
  updateAge: number;
};

/** As better-auth has them (its context), so the two can never disagree. */
export async function sessionSettings(): Promise<SessionSettings> {
  const context = await getAuth().$context;
  return {
    cookieName: context.authCookies.sessionToken.name,
    secret: context.secret,
    expiresIn: context.sessionConfig.expiresIn,
    updateAge: context.sessionConfig.updateAge,
  };
}

/** better-auth's rule: a session is refreshed once it is `updateAge` old (its expiry moved, a new cookie). */
export function isRefreshDue(expiresAt: Date, { expiresIn, updateAge }: SessionSettings): boolean {
  return expiresAt.getTime() - expiresIn * 1000 + updateAge * 1000 <= Date.now();
}

/**
 * The token in the signed session cookie, or null: no such cookie, or a value whose signature is
 * not this secret's. As better-call reads it for better-auth: the first cookie of that name,
 * trimmed, unquoted and URL-decoded, is `<token>.<base64 HMAC-SHA256 of the token>`.
 */
export function verifiedSessionToken(
  cookieHeader: string | null | undefined,
  name: string,
  secret: string,
): string | null {
  const value = cookieHeader ? firstCookie(cookieHeader, name) : null;
  if (!value) return null;
  const dot = value.lastIndexOf(".");
  if (dot < 1) return null;
  const token = value.slice(0, dot);
  const signature = value.slice(dot + 1);
  if (signature.length !== 44 || !signature.endsWith("=")) return null;
  // Compared as text: the base64 better-call writes, not whatever Buffer's lenient decoder accepts.
  const given = Buffer.from(signature);
  const expected = Buffer.from(createHmac("sha256", secret).update(token).digest("base64"));
  return given.length === expected.length && timingSafeEqual(given, expected) ? token : null;
}

function firstCookie(header: string, name: string): string | null {
  for (const pair of header.split(";")) {
    const equals = pair.indexOf("=");
    if (equals === -1 || pair.slice(0, equals).trim() !== name) continue;
    let value = pair.slice(equals + 1).trim();
    if (value.startsWith('"')) value = value.slice(1, -1);
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  }
  return null;
}
