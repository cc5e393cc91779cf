import "server-only";
import { getAuth } from "@/lib/auth/auth";
import { getDb } from "@/lib/db/client";
import { countUsers, withAccountsLock } from "@/lib/db/users";
import type { FirstAdminBody } from "./schemas";

/**
 * Creates the first admin, only while no user exists. Used by /setup and by the ADMIN_EMAIL
 * bootstrap; both may race (two browsers, several servers starting), so the check and the
 * creation happen under the accounts lock and exactly one caller gets `created: true`.
 */
export async function createFirstAdmin({ name, email, password }: FirstAdminBody): Promise<{ created: boolean }> {
  const db = getDb();
  return withAccountsLock({
    db,
    work: async (tx) => {
      if ((await countUsers({ db: tx })) > 0) return { created: false };
      // No request headers: a server-side call, which the admin plugin allows without a session.
      await getAuth().api.createUser({ body: { name, email, password, role: "admin" } });
      return { created: true };
    },
  });
}
