import "server-only";
import { createHash } from "node:crypto";
import { APIError, createAuthMiddleware, isAPIError } from "better-auth/api";
import { getDb } from "@/lib/db/client";
import { clearSignInAttempts, recordSignInAttempt } from "@/lib/db/sign-in-throttles";
import { clientIp } from "./client-ip";

// Per email + client address: a guesser is stopped after a few tries, while colleagues behind the
// same office address and the account's owner elsewhere are not locked out by someone else's typos.
export const SIGN_IN_MAX_ATTEMPTS = 5;
export const SIGN_IN_WINDOW_MS = 15 * 60_000;
export const SIGN_IN_THROTTLED_CODE = "TOO_MANY_SIGN_IN_ATTEMPTS";

const SIGN_IN_PATH = "/sign-in/email";

// Hashed so the table holds no email addresses.
const throttleKey = (email: string, ip: string) =>
  createHash("sha256").update(`${email.trim().toLowerCase()}\n${ip}`).digest("base64url");

function keyOf(ctx: { body?: unknown; headers?: Headers; request?: Request }): string | null {
  const email = (ctx.body as { email?: unknown } | undefined)?.email;
  if (typeof email !== "string" || email === "") return null;
  return throttleKey(email, clientIp(ctx.headers ?? ctx.request?.headers));
}

/** Counts the attempt before the password is checked, so parallel guesses are counted too. */
export const throttleSignInBefore = createAuthMiddleware(async (ctx) => {
  if (ctx.path !== SIGN_IN_PATH) return;
  const key = keyOf(ctx);
  if (!key) return;
  const { attempts, windowStart } = await recordSignInAttempt({ db: getDb(), key, windowMs: SIGN_IN_WINDOW_MS });
  if (attempts <= SIGN_IN_MAX_ATTEMPTS) return;
  const retryAfterSeconds = Math.max(1, Math.ceil((windowStart.getTime() + SIGN_IN_WINDOW_MS - Date.now()) / 1000));
  const minutes = Math.ceil(retryAfterSeconds / 60);
  throw new APIError(
    "TOO_MANY_REQUESTS",
    {
      code: SIGN_IN_THROTTLED_CODE,
      message: `Too many sign-in attempts for this email. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
    },
    { "Retry-After": String(retryAfterSeconds) },
  );
});

/** A successful sign-in clears the count for that email and address. */
export const throttleSignInAfter = createAuthMiddleware(async (ctx) => {
  if (ctx.path !== SIGN_IN_PATH || isAPIError(ctx.context.returned)) return;
  const key = keyOf(ctx);
  if (key) await clearSignInAttempts({ db: getDb(), key });
});
