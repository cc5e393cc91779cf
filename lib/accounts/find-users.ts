import "server-only";
import { countOpenAssignedConversations } from "@/lib/db/assignments";
import { getDb } from "@/lib/db/client";
import { findUsers as findUserRows } from "@/lib/db/users";
import { toAccountUser } from "./account-user";
import type { AccountUser } from "@/lib/views/accounts";

export async function findUsers(): Promise<AccountUser[]> {
  const db = getDb();
  const [rows, open] = await Promise.all([findUserRows({ db }), countOpenAssignedConversations({ db })]);
  return rows.map((row) => toAccountUser(row, open.get(row.id) ?? 0));
}
