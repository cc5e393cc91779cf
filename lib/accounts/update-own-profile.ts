import "server-only";
import { userTarget } from "@/lib/views/audit";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { getAuth } from "@/lib/auth/auth";
import type { CurrentUser } from "@/lib/auth/session";
import { toAccountUser, userLabel } from "./account-user";
import type { AccountUser } from "@/lib/views/accounts";
import { getUserOrThrow } from "./get-user-or-throw";
import { getDb } from "@/lib/db/client";
import type { UpdateProfileBody } from "./schemas";

/** A signed-in person changes their own display name (what colleagues see in the inbox). */
export async function updateOwnProfile({
  user,
  body,
  headers,
}: {
  user: CurrentUser;
  body: UpdateProfileBody;
  headers: Headers;
}): Promise<AccountUser> {
  if (body.name !== user.name) {
    await getAuth().api.updateUser({ body: { name: body.name }, headers });
    await recordAuditEvent({
      actor: user,
      action: "user.profile_updated",
      target: userTarget(user.id),
      targetLabel: userLabel({ name: body.name, email: user.email }),
      detail: `was ${user.name}`,
    });
  }
  return toAccountUser(await getUserOrThrow({ db: getDb(), id: user.id }));
}
