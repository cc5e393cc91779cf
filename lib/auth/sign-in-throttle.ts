import "server-only";
import { createHash } from "node:crypto";
import { APIError, createAuthMiddleware, isAPIError } from "better-auth/api";
import { getDb } from "@/lib/db/client";
import { clearSignInAttempts, forgiveSignInAttempt, recordSignInAttempt } from "@/lib/db/sign-in-throttles";
import {
  addressKey,
  fromThisNetwork,
  inMinutes,
  rememberBlocked,
  retryAfterSeconds,
  SIGN_IN_THROTTLED_CODE,
  SIGN_IN_WINDOW_MS,
} from "./blocked-addresses";
import { clientIp } from "./client-ip";

// Per email + client address: a guesser is stopped after a few tries, while colleagues behind the
// same office address and the account's owner elsewhere are not locked out by someone else's typos.
export const SIGN_IN_MAX_ATTEMPTS = 5;
// Per address, whatever the email: made-up emails each cost a password hash too. Successful
// sign-ins are given back, so an office behind one address is limited by its failures only.
export const SIGN_IN_MAX_FAILURES_PER_ADDRESS = 30;

const SIGN_IN_PATH = "/sign-in/email";

// Hashed so the table holds no email addresses.
const throttleKey = (email: string, ip: string) =>
  createHash("sha256").update(`${email.trim().toLowerCase()}\n${ip}`).digest("base64url");

type HookContext = { body?: unknown; headers?: Headers; request?: Request };

function keyOf(ctx: HookContext): string | null {
  const email = (ctx.body as { email?: unknown } | undefined)?.email;
  if (typeof email !== "string" || email === "") return null;
  return throttleKey(email, clientIp(ctx.headers ?? ctx.request?.headers));
}

function tooMany(windowStart: Date, message: (minutes: number) => string): APIError {
  const seconds = retryAfterSeconds(windowStart);
  return new APIError(
    "TOO_MANY_REQUESTS",
    { code: SIGN_IN_THROTTLED_CODE, message: message(Math.ceil(seconds / 60)) },
    { "Retry-After": String(seconds) },
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
