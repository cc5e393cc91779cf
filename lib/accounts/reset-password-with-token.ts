import "server-only";
import { userTarget } from "@/lib/views/audit";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { getDb } from "@/lib/db/client";
import { consumePasswordResetToken, getUsablePasswordResetToken } from "@/lib/db/password-reset-tokens";
import { getUser } from "@/lib/db/users";
import { AppError } from "@/lib/http/app-error";
import { userLabel } from "./account-user";
import { hashResetToken } from "./reset-token";
import { setPasswordAndEndSessions } from "./set-password-and-end-sessions";
import type { ResetPasswordBody } from "./schemas";

const unusable = () =>
  new AppError("validation_failed", {
    message: "password reset with an unknown, used or expired token",
    userMessage: "token: This link has expired or was already used. Ask for a new one.",
  });

/**
 * Sets a new password with a reset link's token: once (the token is used up atomically, so two
 * submissions cannot both succeed), within the hour, for an active account. Every session of the
 * user ends: whoever was signed in with the old password is signed out.
 */
export async function resetPasswordWithToken({ token, password }: ResetPasswordBody): Promise<{ email: string }> {
  const db = getDb();
  const tokenHash = hashResetToken(token);
  const usable = await getUsablePasswordResetToken({ db, tokenHash });
  const user = usable ? await getUser({ db, id: usable.userId }) : null;
  if (!usable || !user || user.banned) throw unusable();
  const userId = await consumePasswordResetToken({ db, tokenHash });
  if (userId !== user.id) throw unusable();
  await setPasswordAndEndSessions({ userId, password });
  await recordAuditEvent({
    actor: { id: user.id, email: user.email, name: user.name },
    action: "user.password_reset",
    target: userTarget(user.id),
    targetLabel: userLabel(user),
  });
  return { email: user.email };
}
