import "server-only";
import { isAPIError } from "better-auth/api";
import { getAuth } from "@/lib/auth/auth";
import { getDb } from "@/lib/db/client";
import { getUserByEmail } from "@/lib/db/users";
import { AppError } from "@/lib/http/app-error";
import { type AccountUser, toAccountUser } from "./account-user";
import type { CreateUserBody } from "./schemas";

/** An admin creates an agent (or another admin) with a first password to hand over. */
export async function createUser({ body, headers }: { body: CreateUserBody; headers: Headers }): Promise<AccountUser> {
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
  return toAccountUser(user);
}
