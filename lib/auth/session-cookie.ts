// The session token a request's cookie carries, checked the way better-auth checks it, for the one
// route that must not pay for better-auth's whole session read: the media files (a thread of
// photos asks for dozens at once). better-auth's getSession reads the session row, then the user
// row (two round trips through Prisma); GET /api/media/<id> needs the same answer — a live session
// of a user who is not deactivated — and asks it together with the file's row, in one query
// (lib/db/media.ts: getStoredMediaForSession). Everything else stays on getUserFromHeaders.
import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { getAuth } from "./auth";

/** The session cookie's name (`inbox.session_token`, `__Secure-` first under https) and the signing secret, as better-auth has them. */
export async function sessionCookieSettings(): Promise<{ name: string; secret: string }> {
  const context = await getAuth().$context;
  return { name: context.authCookies.sessionToken.name, secret: context.secret };
}

/**
 * The token in the signed session cookie, or null: no such cookie, or a value whose signature is
 * not this secret's. As better-call reads it for better-auth: the first cookie of that name,
 * trimmed, unquoted and URL-decoded, is `<token>.<base64 HMAC-SHA256 of the token>`.
 */
export function verifiedSessionToken(cookieHeader: string | undefined, name: string, secret: string): string | null {
  const value = cookieHeader === undefined ? undefined : firstCookie(cookieHeader, name);
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
