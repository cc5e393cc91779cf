import "server-only";
import { isAPIError } from "better-auth/api";
import { userTarget } from "@/lib/views/audit";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { getAuth } from "@/lib/auth/auth";
import { roleLabels } from "@/lib/auth/roles";
import type { CurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getUserByEmail } from "@/lib/db/users";
import { AppError } from "@/lib/http/app-error";
import { toAccountUser, userLabel } from "./account-user";
import type { AccountUser } from "@/lib/views/accounts";
import type { CreateUserBody } from "./schemas";

/** An admin creates an agent (or another admin) with a first password to hand over. */
export async function createUser({
  body,
  actor,
  headers,
}: {
  body: CreateUserBody;
  actor: CurrentUser;
  headers: Headers;
}): Promise<AccountUser> {
  const db = getDb();
  const taken = () =>
    new AppError("conflict", {
      message: `a user with email ${body.email} exists`,
      userMessage: "A user with this email already exists.",
    });
  if (await getUserByEmail({ db, email: body.email })) throw taken();
  try {
    // With the admin's headers the admin plugin checks the caller's permission once more.
    await getAuth().api.createUser({ body, headers });
  } catch (error) {
    if (isAPIError(error) && error.body?.code === "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL") throw taken();
    throw error;
  }
  const user = await getUserByEmail({ db, email: body.email });
  if (!user) throw new Error(`createUser: ${body.email} was not stored`);
  await recordAuditEvent({
    actor,
    action: "user.created",
    target: userTarget(user.id),
    targetLabel: userLabel(user),
    detail: `as ${roleLabels[body.role]}`,
  });
  return toAccountUser(user);
}
