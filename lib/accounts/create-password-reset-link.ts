import "server-only";
import { userTarget } from "@/lib/views/audit";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { CurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { createPasswordResetToken } from "@/lib/db/password-reset-tokens";
import { AppError } from "@/lib/http/app-error";
import { isMailConfigured } from "@/lib/mail/send-mail";
import { userLabel } from "./account-user";
import { getUserOrThrow } from "./get-user-or-throw";
import { sendResetLinkMail } from "./reset-link-mail";
import { newResetToken, resetLink } from "./reset-token";
import type { PasswordResetLink } from "@/lib/views/accounts";

/**
 * An admin makes a one-time link with which the user chooses a new password (an hour, one use;
 * links made before stop working). The link is answered once and never stored: only its hash is.
 * With SMTP configured it is also mailed to the user.
 */
export async function createPasswordResetLink({
  userId,
  actor,
  baseUrl,
}: {
  userId: string;
  actor: CurrentUser;
  /** Where the admin reaches the app: the link is for the same address. */
  baseUrl: string;
}): Promise<PasswordResetLink> {
  const db = getDb();
  const user = await getUserOrThrow({ db, id: userId });
  if (user.banned) {
    throw new AppError("conflict", {
      message: `password reset link refused for deactivated ${user.email}`,
      userMessage: "This account is deactivated. Reactivate it first.",
    });
  }
  const { token, tokenHash, expiresAt } = newResetToken();
  await db.$transaction(async (tx) => {
    await createPasswordResetToken({ db: tx, userId, tokenHash, expiresAt, createdById: actor.id });
    await recordAuditEvent({
      db: tx,
      actor,
      action: "user.password_reset_link",
      target: userTarget(userId),
      targetLabel: userLabel(user),
    });
  });
  const link = resetLink(baseUrl, token);
  let emailed = false;
  if (isMailConfigured()) {
    try {
      await sendResetLinkMail({ to: user.email, name: user.name, link, askedBy: actor.name });
      emailed = true;
    } catch (error) {
      // The admin still has the link to hand over; the mail server's problem goes to the log.
      console.error(`[accounts] could not mail the reset link to ${user.email}`, error);
    }
  }
  return { link, expiresAt: expiresAt.toISOString(), emailed };
}
