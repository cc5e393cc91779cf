// Client addresses over their sign-in limit, remembered in this process until their window ends.
// The request guard (lib/http/request-guard.ts) refuses their sign-ins at the socket, before Next
// routes them: a flood from one address then costs the server a map lookup and a short answer per
// attempt, not a routed request (each refusal used to take Next's routing and a route handler, and a
// flood from one address cut webhook acks by about half — README → Accounts). No dependencies beyond
// node:crypto, so the guard can load it before anything else.
import { createHash } from "node:crypto";

export const SIGN_IN_WINDOW_MS = 15 * 60_000;
export const SIGN_IN_THROTTLED_CODE = "TOO_MANY_SIGN_IN_ATTEMPTS";
/** The sign-in endpoint as the browser calls it (better-auth's "/sign-in/email" under /api/auth). */
export const SIGN_IN_URL_PATH = "/api/auth/sign-in/email";

const MAX_BLOCKED_ADDRESSES = 10_000;
// On globalThis: Next gives route handlers and pages their own copies of a module, and the auth
// instance (whose hook fills this) may have been created by another bundle than the guard's.
const globalForThrottle = globalThis as unknown as { __inboxBlockedAddresses?: Map<string, Date> };
const blockedAddresses = (globalForThrottle.__inboxBlockedAddresses ??= new Map<string, Date>());

/** The address's row in sign_in_throttles (hashed: the table holds no addresses). */
export const addressKey = (ip: string) => createHash("sha256").update(`address\n${ip}`).digest("base64url");

export function retryAfterSeconds(windowStart: Date): number {
  return Math.max(1, Math.ceil((windowStart.getTime() + SIGN_IN_WINDOW_MS - Date.now()) / 1000));
}

export const inMinutes = (minutes: number) => `Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;

export const fromThisNetwork = (minutes: number) =>
  `Too many sign-in attempts from this network. ${inMinutes(minutes)}`;

/** Remembers an address the database found over its limit (window start: when its count began). */
export function rememberBlocked(key: string, windowStart: Date): void {
  if (blockedAddresses.size >= MAX_BLOCKED_ADDRESSES) {
    const now = Date.now();
    for (const [blocked, start] of blockedAddresses) {
      if (start.getTime() + SIGN_IN_WINDOW_MS <= now) blockedAddresses.delete(blocked);
    }
    if (blockedAddresses.size >= MAX_BLOCKED_ADDRESSES) return; // the database still refuses them
  }
  blockedAddresses.set(key, windowStart);
}

/** The 429 a sign-in from this address gets while it is over its limit (what better-auth would answer), or null. */
export function blockedSignInRefusal(address: string): { retryAfterSeconds: number; body: string } | null {
  if (blockedAddresses.size === 0) return null;
  const key = addressKey(address);
  const windowStart = blockedAddresses.get(key);
  if (!windowStart) return null;
  if (windowStart.getTime() + SIGN_IN_WINDOW_MS <= Date.now()) {
    blockedAddresses.delete(key);
    return null;
  }
  const seconds = retryAfterSeconds(windowStart);
  const message = fromThisNetwork(Math.ceil(seconds / 60));
  return { retryAfterSeconds: seconds, body: JSON.stringify({ code: SIGN_IN_THROTTLED_CODE, message }) };
}
