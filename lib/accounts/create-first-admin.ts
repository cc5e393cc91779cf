import "server-only";
import { getAuth } from "@/lib/auth/auth";
import { getDb } from "@/lib/db/client";
import { countUsers, withAccountsLock } from "@/lib/db/users";
import type { FirstAdminBody } from "./schemas";

export type FirstAdminOutcome = { created: true } | { created: false; reason: "users_exist" | "busy" };

/**
 * Creates the first admin, only while no user exists. Used by /setup and by the ADMIN_EMAIL
 * bootstrap; both may race (two browsers, several servers starting), so the check and the
 * creation happen under the accounts lock and exactly one caller gets `created: true`. /setup is
 * public, so it does not wait for the lock (`wait: false`): while someone else holds it, the answer
 * is "not created" at once, and once a user exists no lock is taken at all.
 */
export async function createFirstAdmin({
  name,
  email,
  password,
  wait,
}: FirstAdminBody & { wait: boolean }): Promise<FirstAdminOutcome> {
  const db = getDb();
  if ((await countUsers({ db })) > 0) return { created: false, reason: "users_exist" };
  const outcome = await withAccountsLock({
    db,
    wait,
    work: async (tx) => {
      if ((await countUsers({ db: tx })) > 0) return false;
      // No request headers: a server-side call, which the admin plugin allows without a session.
      await getAuth().api.createUser({ body: { name, email, password, role: "admin" } });
      return true;
    },
  });
  if (!outcome.locked) return { created: false, reason: "busy" };
  return outcome.result ? { created: true } : { created: false, reason: "users_exist" };
}
