import "server-only";
import { getEnv } from "@/lib/env";
import { createFirstAdmin } from "./create-first-admin";
import { firstAdminBodySchema } from "./schemas";

/**
 * ADMIN_EMAIL + ADMIN_PASSWORD: the first admin of an unattended install, created at server
 * start-up when no user exists yet. Idempotent — once anyone exists it does nothing, and it never
 * changes an existing account's password.
 */
export async function bootstrapAdminFromEnv(): Promise<void> {
  const env = getEnv();
  if (!env.ADMIN_EMAIL || !env.ADMIN_PASSWORD) return;
  const body = firstAdminBodySchema.parse({
    name: env.ADMIN_NAME ?? "Admin",
    email: env.ADMIN_EMAIL,
    password: env.ADMIN_PASSWORD,
  });
  const { created } = await createFirstAdmin({ ...body, wait: true });
  if (created) console.log(`[accounts] created the first admin ${body.email} (from ADMIN_EMAIL)`);
}
