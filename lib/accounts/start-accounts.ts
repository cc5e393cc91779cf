import "server-only";
import { getAuthSecret } from "@/lib/auth/secret";
import { bootstrapAdminFromEnv } from "./bootstrap-admin-from-env";

/**
 * Server start-up: a missing production secret is reported at once, naming the variable; then the
 * ADMIN_EMAIL bootstrap runs. A database that is not reachable yet only delays the bootstrap: it is
 * retried in the background.
 */
export async function startAccounts(): Promise<void> {
  try {
    getAuthSecret();
  } catch (error) {
    // Webhooks must keep flowing (Meta drops what it cannot deliver), so the server stays up;
    // every page and sign-in fails with this same message until the secret is set.
    console.error(`[accounts] ${(error as Error).message} Sign-in is unavailable; webhooks are still received.`);
    return;
  }
  // Awaited once, so that the admin exists before the first request is served.
  await bootstrapWithRetry(0);
}

async function bootstrapWithRetry(failures: number): Promise<void> {
  try {
    await bootstrapAdminFromEnv();
  } catch (error) {
    const delayMs = Math.min(60_000, 2_000 * 2 ** failures);
    console.error(`[accounts] could not create the ADMIN_EMAIL admin; retrying in ${delayMs / 1000} s`, error);
    setTimeout(() => void bootstrapWithRetry(failures + 1), delayMs).unref();
  }
}
