import "server-only";
import { getAuth } from "@/lib/auth/auth";
import type { CurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { countActiveAdmins, withAccountsLock } from "@/lib/db/users";
import { AppError } from "@/lib/http/app-error";
import { type AccountUser, toAccountUser } from "./account-user";
import { getUserOrThrow } from "./get-user-or-throw";

/**
 * Deactivates a user: better-auth's ban marks them and deletes every session they have, so they
 * are signed out everywhere at once; sign-in is refused until an admin reactivates them.
 */
export async function deactivateUser({
  userId,
  actor,
  headers,
}: {
  userId: string;
  actor: CurrentUser;
  headers: Headers;
}): Promise<AccountUser> {
  if (userId === actor.id) {
    throw new AppError("conflict", {
      message: `${actor.email} tried to deactivate themselves`,
      userMessage: "You cannot deactivate your own account.",
    });
  }
  const db = getDb();
  await withAccountsLock({
    db,
    work: async (tx) => {
      const user = await getUserOrThrow({ db: tx, id: userId });
      if (user.banned) return;
      if (user.role === "admin" && (await countActiveAdmins({ db: tx, excludeUserId: userId })) === 0) {
        throw new AppError("conflict", {
          message: `refusing to deactivate ${user.email}: the last active admin`,
          userMessage: "This is the last active admin.",
        });
      }
      await getAuth().api.banUser({ body: { userId, banReason: `Deactivated by ${actor.email}` }, headers });
    },
  });
  return toAccountUser(await getUserOrThrow({ db, id: userId }));
}
