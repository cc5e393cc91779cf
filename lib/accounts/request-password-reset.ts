import "server-only";
import { getDb } from "@/lib/db/client";
import { createPasswordResetTokenUnlessRecent } from "@/lib/db/password-reset-tokens";
import { getUserByEmail } from "@/lib/db/users";
import { appUrl } from "@/lib/env";
import { isMailConfigured } from "@/lib/mail/send-mail";
import { sendResetLinkMail } from "./reset-link-mail";
import { newResetToken, resetLink } from "./reset-token";

/** At most one mailed link per account per minute: the form cannot be used to flood a mailbox. */
const MIN_INTERVAL_MS = 60_000;

export type PasswordResetRequestOutcome = { delivery: "email" | "ask_admin" };

/**
 * "Forgot password?": with SMTP configured, mails a one-time link to the account with this email
 * — if there is one. The answer is the same either way, and the mail is sent after the response
 * (`defer`), so neither the words nor the timing tell whether an address has an account.
 */
export async function requestPasswordReset({
  email,
  defer,
}: {
  email: string;
  defer: (work: () => Promise<void>) => void;
}): Promise<PasswordResetRequestOutcome> {
  if (!isMailConfigured()) return { delivery: "ask_admin" };
  defer(async () => {
    try {
      await mailResetLink(email);
    } catch (error) {
      console.error("[accounts] could not mail a requested password reset link", error);
    }
  });
  return { delivery: "email" };
}

async function mailResetLink(email: string): Promise<void> {
  const db = getDb();
  const user = await getUserByEmail({ db, email });
  if (!user || user.banned) return;
  const { token, tokenHash, expiresAt } = newResetToken();
  const made = await createPasswordResetTokenUnlessRecent({
    db,
    userId: user.id,
    tokenHash,
    expiresAt,
    createdById: null,
    minIntervalMs: MIN_INTERVAL_MS,
  });
  if (!made) return;
  // APP_URL only, never the request's Host: a forged Host must not put an attacker's site in the mail.
  await sendResetLinkMail({ to: user.email, name: user.name, link: resetLink(appUrl(), token), askedBy: null });
}
