import "server-only";
import { getAuth } from "@/lib/auth/auth";
import type { Role } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import { countActiveAdmins, withAccountsLock } from "@/lib/db/users";
import { AppError } from "@/lib/http/app-error";
import { type AccountUser, toAccountUser } from "./account-user";
import { getUserOrThrow } from "./get-user-or-throw";

/**
 * Changes a user's role; takes effect on their next request (roles are read with the session).
 * Refuses to leave the app without an active admin — under the accounts lock, so two admins
 * demoting each other at the same moment cannot both succeed.
 */
export async function updateUserRole({
  userId,
  role,
  headers,
}: {
  userId: string;
  role: Role;
  headers: Headers;
}): Promise<AccountUser> {
  const db = getDb();
  await withAccountsLock({
    db,
    work: async (tx) => {
      const user = await getUserOrThrow({ db: tx, id: userId });
      if (user.role === role) return;
      if (user.role === "admin" && !user.banned && (await countActiveAdmins({ db: tx, excludeUserId: userId })) === 0) {
        throw new AppError("conflict", {
          message: `refusing to demote ${user.email}: the last active admin`,
          userMessage: "This is the last active admin. Make someone else an admin first.",
        });
      }
      await getAuth().api.setRole({ body: { userId, role }, headers });
    },
  });
  return toAccountUser(await getUserOrThrow({ db, id: userId }));
}
