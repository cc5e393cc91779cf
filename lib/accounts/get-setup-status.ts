import "server-only";
import { getDb } from "@/lib/db/client";
import { countUsers } from "@/lib/db/users";

/** First-run setup is open exactly while no user exists. */
export async function getSetupStatus(): Promise<{ open: boolean }> {
  return { open: (await countUsers({ db: getDb() })) === 0 };
}
