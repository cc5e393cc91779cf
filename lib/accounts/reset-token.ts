import "server-only";
import { createHash, randomBytes } from "node:crypto";

/** How long a reset link works. */
export const RESET_LINK_TTL_MS = 60 * 60_000;

/** Only the hash is stored: the token itself exists in the link alone. */
export const hashResetToken = (token: string) => createHash("sha256").update(token).digest("base64url");

/** 32 random bytes: unguessable, and URL-safe as they are. */
export function newResetToken(): { token: string; tokenHash: string; expiresAt: Date } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashResetToken(token), expiresAt: new Date(Date.now() + RESET_LINK_TTL_MS) };
}

export const resetLink = (baseUrl: string, token: string) => `${baseUrl.replace(/\/$/, "")}/reset-password#${token}`;
