import "server-only";
import { userTarget } from "@/lib/views/audit";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { getAuth } from "@/lib/auth/auth";
import { type Role, roleLabels } from "@/lib/auth/roles";
import type { CurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { countActiveAdmins, withAccountsLock } from "@/lib/db/users";
import { AppError } from "@/lib/http/app-error";
import { toAccountUser, userLabel } from "./account-user";
import type { AccountUser } from "@/lib/views/accounts";
import { getUserOrThrow } from "./get-user-or-throw";

/**
 * Changes a user's role; takes effect on their next request (roles are read with the session).
 * Refuses to leave the app without an active admin — under the accounts lock, so two admins
 * demoting each other at the same moment cannot both succeed. Changes and refusals are both audited.
 */
export async function updateUserRole({
  userId,
  role,
  actor,
  headers,
}: {
  userId: string;
  role: Role;
  actor: CurrentUser;
  headers: Headers;
}): Promise<AccountUser> {
  const db = getDb();
  const audit = { actor, target: userTarget(userId) };
  const fromTo = (from: string) => `${roleLabels[from as Role] ?? from} → ${roleLabels[role]}`;
  await withAccountsLock({
    db,
    work: async (tx) => {
      const user = await getUserOrThrow({ db: tx, id: userId });
      if (user.role === role) return;
      if (user.role === "admin" && !user.banned && (await countActiveAdmins({ db: tx, excludeUserId: userId })) === 0) {
        // Outside the transaction, which the refusal rolls back.
        await recordAuditEvent({
          ...audit,
          action: "user.role_change_refused",
          targetLabel: userLabel(user),
          detail: `${fromTo(user.role)}: the last active admin`,
        });
        throw new AppError("conflict", {
          message: `refusing to demote ${user.email}: the last active admin`,
          userMessage: "This is the last active admin. Make someone else an admin first.",
        });
      }
      await getAuth().api.setRole({ body: { userId, role }, headers });
      await recordAuditEvent({
        ...audit,
        db: tx,
        action: "user.role_changed",
        targetLabel: userLabel(user),
        detail: fromTo(user.role),
      });
    },
  });
  return toAccountUser(await getUserOrThrow({ db, id: userId }));
}
