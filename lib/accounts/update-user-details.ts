import "server-only";
import { userTarget } from "@/lib/views/audit";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { getAuth } from "@/lib/auth/auth";
import type { CurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getUserByEmail } from "@/lib/db/users";
import { AppError } from "@/lib/http/app-error";
import { toAccountUser, userLabel } from "./account-user";
import type { AccountUser } from "@/lib/views/accounts";
import { getUserOrThrow } from "./get-user-or-throw";
import type { UpdateUserBody } from "./schemas";

/**
 * An admin corrects a user's name and/or email (the email is what they sign in with). The audit
 * entry names the user as they were and says what changed, old → new.
 */
export async function updateUserDetails({
  userId,
  body,
  actor,
  headers,
}: {
  userId: string;
  body: UpdateUserBody;
  actor: CurrentUser;
  headers: Headers;
}): Promise<AccountUser> {
  const db = getDb();
  const user = await getUserOrThrow({ db, id: userId });
  const data: { name?: string; email?: string } = {};
  if (body.name !== undefined && body.name !== user.name) data.name = body.name;
  if (body.email !== undefined && body.email !== user.email) {
    const holder = await getUserByEmail({ db, email: body.email });
    if (holder && holder.id !== userId) {
      throw new AppError("conflict", {
        message: `email ${body.email} belongs to ${holder.id}`,
        userMessage: "Another user already has this email.",
      });
    }
    data.email = body.email;
  }
  if (Object.keys(data).length === 0) return toAccountUser(user);
  await getAuth().api.adminUpdateUser({ body: { userId, data }, headers });
  await recordAuditEvent({
    actor,
    action: "user.updated",
    target: userTarget(userId),
    targetLabel: userLabel(user),
    detail: [
      data.name !== undefined ? `name → ${data.name}` : null,
      data.email !== undefined ? `email → ${data.email}` : null,
    ]
      .filter(Boolean)
      .join(", "),
  });
  return toAccountUser(await getUserOrThrow({ db, id: userId }));
}
