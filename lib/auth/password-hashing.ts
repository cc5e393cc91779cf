import "server-only";
import { availableParallelism } from "node:os";
import { APIError } from "better-auth/api";
import { hashPassword, verifyPassword } from "better-auth/crypto";

// Each scrypt hash is 32 MiB and tens of milliseconds of a core. Unbounded, a flood of sign-ins
// (each one hashes, known email or not) takes every core from the webhook and from everyone's
// sign-in. At most half the cores hash at once; the rest wait in a short queue, and past it a
// sign-in is refused at once with 503 — whether or not the email exists, so nothing is revealed.
export const MAX_CONCURRENT_HASHES = Math.max(1, Math.floor(availableParallelism() / 2));
export const MAX_WAITING_HASHES = 32;

let active = 0;
const waiting: Array<() => void> = [];

async function gated<T>(work: () => Promise<T>): Promise<T> {
  if (active >= MAX_CONCURRENT_HASHES) {
    if (waiting.length >= MAX_WAITING_HASHES) {
      throw new APIError("SERVICE_UNAVAILABLE", {
        code: "SIGN_IN_BUSY",
        message: "Too many sign-ins at this moment. Try again in a few seconds.",
      });
    }
    await new Promise<void>((resolve) => waiting.push(resolve));
  } else {
    active += 1;
  }
  try {
    return await work();
  } finally {
    // Hand the slot straight to the next waiter, so `active` never over-counts.
    const next = waiting.shift();
    if (next) next();
    else active -= 1;
  }
}

/** better-auth's own scrypt, behind the gate: `emailAndPassword.password` in lib/auth/auth.ts. */
export const gatedPasswordHashing = {
  hash: (password: string) => gated(() => hashPassword(password)),
  verify: ({ hash, password }: { hash: string; password: string }) => gated(() => verifyPassword({ hash, password })),
};
