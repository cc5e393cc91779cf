import "server-only";
import { isAPIError } from "better-auth/api";
import { userTarget } from "@/lib/views/audit";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { getAuth } from "@/lib/auth/auth";
import type { CurrentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/http/app-error";
import { endUserConnections } from "@/lib/realtime/end-user-connections";
import { userLabel } from "./account-user";
import type { ChangePasswordBody } from "./schemas";

/**
 * A signed-in person changes their own password, proving the current one. better-auth's
 * changePassword checks it, hashes the new one and — revokeOtherSessions — ends every other
 * session: this browser gets a fresh session cookie (set through next/headers by nextCookies).
 * The other browsers' live sockets end too. Pusher can only end all of a user's sockets, so this
 * browser's goes as well — after the response (`defer`), so that it already holds the new cookie
 * when the realtime provider checks the session and reconnects.
 */
export async function changeOwnPassword({
  user,
  body,
  headers,
  defer,
}: {
  user: CurrentUser;
  body: ChangePasswordBody;
  headers: Headers;
  defer: (work: () => Promise<void>) => void;
}): Promise<void> {
  try {
    await getAuth().api.changePassword({
      body: { currentPassword: body.currentPassword, newPassword: body.newPassword, revokeOtherSessions: true },
      headers,
    });
  } catch (error) {
    if (isAPIError(error) && error.body?.code === "INVALID_PASSWORD") {
      throw new AppError("validation_failed", {
        message: `${user.email} gave a wrong current password`,
        userMessage: "currentPassword: That is not your current password.",
      });
    }
    throw error;
  }
  await recordAuditEvent({
    actor: user,
    action: "user.password_changed",
    target: userTarget(user.id),
    targetLabel: userLabel(user),
  });
  defer(() => endUserConnections({ userId: user.id }));
}
