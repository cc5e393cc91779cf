import "server-only";
import { getAuth } from "@/lib/auth/auth";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/http/app-error";
import { type AccountUser, toAccountUser } from "./account-user";
import { getUserOrThrow } from "./get-user-or-throw";

/** Lets a deactivated user sign in again (their old sessions stay ended). */
export async function reactivateUser({ userId, headers }: { userId: string; headers: Headers }): Promise<AccountUser> {
  const db = getDb();
  const user = await getUserOrThrow({ db, id: userId });
  if (user.banned) await getAuth().api.unbanUser({ body: { userId }, headers });
  const updated = await getUserOrThrow({ db, id: userId });
  if (updated.banned) throw new AppError("internal", { message: `unbanUser left ${user.email} banned` });
  return toAccountUser(updated);
}
