import "server-only";
import { userTarget } from "@/lib/views/audit";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { getAuth } from "@/lib/auth/auth";
import type { CurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/http/app-error";
import { toAccountUser, userLabel } from "./account-user";
import type { AccountUser } from "@/lib/views/accounts";
import { getUserOrThrow } from "./get-user-or-throw";

/** Lets a deactivated user sign in again (their old sessions stay ended). */
export async function reactivateUser({
  userId,
  actor,
  headers,
}: {
  userId: string;
  actor: CurrentUser;
  headers: Headers;
}): Promise<AccountUser> {
  const db = getDb();
  const user = await getUserOrThrow({ db, id: userId });
  if (!user.banned) return toAccountUser(user);
  await getAuth().api.unbanUser({ body: { userId }, headers });
  const updated = await getUserOrThrow({ db, id: userId });
  if (updated.banned) throw new AppError("internal", { message: `unbanUser left ${user.email} banned` });
  await recordAuditEvent({
    actor,
    action: "user.reactivated",
    target: userTarget(userId),
    targetLabel: userLabel(user),
  });
  return toAccountUser(updated);
}
