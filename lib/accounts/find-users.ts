import "server-only";
import { getDb } from "@/lib/db/client";
import { findUsers as findUserRows } from "@/lib/db/users";
import { type AccountUser, toAccountUser } from "./account-user";

export async function findUsers(): Promise<AccountUser[]> {
  return (await findUserRows({ db: getDb() })).map(toAccountUser);
}
