import "server-only";
import { createHash } from "node:crypto";
import { APIError, createAuthMiddleware, isAPIError } from "better-auth/api";
import { getDb } from "@/lib/db/client";
import { clearSignInAttempts, forgiveSignInAttempt, recordSignInAttempt } from "@/lib/db/sign-in-throttles";
import { clientIp } from "./client-ip";

// Per email + client address: a guesser is stopped after a few tries, while colleagues behind the
// same office address and the account's owner elsewhere are not locked out by someone else's typos.
export const SIGN_IN_MAX_ATTEMPTS = 5;
export const SIGN_IN_WINDOW_MS = 15 * 60_000;
export const SIGN_IN_THROTTLED_CODE = "TOO_MANY_SIGN_IN_ATTEMPTS";
// Per address, whatever the email: made-up emails each cost a password hash too. Successful
// sign-ins are given back, so an office behind one address is limited by its failures only.
export const SIGN_IN_MAX_FAILURES_PER_ADDRESS = 30;

const SIGN_IN_PATH = "/sign-in/email";

// Hashed so the table holds no email addresses.
const throttleKey = (email: string, ip: string) =>
  createHash("sha256").update(`${email.trim().toLowerCase()}\n${ip}`).digest("base64url");

const addressKey = (ip: string) => createHash("sha256").update(`address\n${ip}`).digest("base64url");

type HookContext = { body?: unknown; headers?: Headers; request?: Request };

function keyOf(ctx: HookContext): string | null {
  const email = (ctx.body as { email?: unknown } | undefined)?.email;
  if (typeof email !== "string" || email === "") return null;
  return throttleKey(email, clientIp(ctx.headers ?? ctx.request?.headers));
}

function retryAfterSeconds(windowStart: Date): number {
  return Math.max(1, Math.ceil((windowStart.getTime() + SIGN_IN_WINDOW_MS - Date.now()) / 1000));
}

function tooMany(windowStart: Date, message: (minutes: number) => string): APIError {
  const seconds = retryAfterSeconds(windowStart);
  return new APIError(
    "TOO_MANY_REQUESTS",
    { code: SIGN_IN_THROTTLED_CODE, message: message(Math.ceil(seconds / 60)) },
    { "Retry-After": String(seconds) },
  );
}

const inMinutes = (minutes: number) => `Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;

const fromThisNetwork = (minutes: number) => `Too many sign-in attempts from this network. ${inMinutes(minutes)}`;

// Addresses over their limit, remembered in this process until their window ends: a flood from one
// address is then refused before better-auth and the database see it (each refusal used to cost a
// better-auth request and an upsert, and 125 of them a second cut webhook acks by two thirds).
const MAX_BLOCKED_ADDRESSES = 10_000;
// On globalThis: Next gives route handlers and pages their own copies of a module, and the auth
// instance (whose hook fills this) may have been created by another bundle than the sign-in route.
const globalForThrottle = globalThis as unknown as { __inboxBlockedAddresses?: Map<string, Date> };
const blockedAddresses = (globalForThrottle.__inboxBlockedAddresses ??= new Map<string, Date>());

function rememberBlocked(key: string, windowStart: Date): void {
  if (blockedAddresses.size >= MAX_BLOCKED_ADDRESSES) {
    const now = Date.now();
    for (const [blocked, start] of blockedAddresses) {
      if (start.getTime() + SIGN_IN_WINDOW_MS <= now) blockedAddresses.delete(blocked);
    }
    if (blockedAddresses.size >= MAX_BLOCKED_ADDRESSES) return; // the database still refuses them
  }
  blockedAddresses.set(key, windowStart);
}

/** A sign-in from an address already over its limit: the 429 better-auth would give, without asking it. */
export function refuseBlockedAddress(request: Request): Response | null {
  if (!new URL(request.url).pathname.endsWith(SIGN_IN_PATH)) return null;
  const key = addressKey(clientIp(request.headers));
  const windowStart = blockedAddresses.get(key);
  if (!windowStart) return null;
  if (windowStart.getTime() + SIGN_IN_WINDOW_MS <= Date.now()) {
    blockedAddresses.delete(key);
    return null;
  }
  const seconds = retryAfterSeconds(windowStart);
  return Response.json(
    { code: SIGN_IN_THROTTLED_CODE, message: fromThisNetwork(Math.ceil(seconds / 60)) },
    { status: 429, headers: { "retry-after": String(seconds) } },
  );
}

/** Counts the attempt before the password is checked, so parallel guesses are counted too. */
export const throttleSignInBefore = createAuthMiddleware(async (ctx) => {
  if (ctx.path !== SIGN_IN_PATH) return;
  const db = getDb();
  const key = addressKey(clientIp(ctx.headers ?? ctx.request?.headers));
  const address = await recordSignInAttempt({ db, key, windowMs: SIGN_IN_WINDOW_MS });
  if (address.attempts > SIGN_IN_MAX_FAILURES_PER_ADDRESS) {
    rememberBlocked(key, address.windowStart);
    throw tooMany(address.windowStart, fromThisNetwork);
  }
  const emailKey = keyOf(ctx);
  if (!emailKey) return;
  const { attempts, windowStart } = await recordSignInAttempt({ db, key: emailKey, windowMs: SIGN_IN_WINDOW_MS });
  if (attempts <= SIGN_IN_MAX_ATTEMPTS) return;
  throw tooMany(windowStart, (minutes) => `Too many sign-in attempts for this email. ${inMinutes(minutes)}`);
});

/** A successful sign-in clears the count for that email and address. */
export const throttleSignInAfter = createAuthMiddleware(async (ctx) => {
  if (ctx.path !== SIGN_IN_PATH || isAPIError(ctx.context.returned)) return;
  const key = keyOf(ctx);
  if (key) await clearSignInAttempts({ db: getDb(), key });
  await forgiveSignInAttempt({ db: getDb(), key: addressKey(clientIp(ctx.headers ?? ctx.request?.headers)) });
});
