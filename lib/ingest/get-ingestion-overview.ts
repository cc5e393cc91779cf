import "server-only";
import { getDb } from "@/lib/db/client";
import { countRawEventsByState } from "@/lib/db/raw-events";
import type { IngestionOverview } from "@/lib/views/health";

/** Counts only: this page is public until sign-in exists, so it shows no keys, ids or content. */
export async function getIngestionOverview(): Promise<IngestionOverview> {
  try {
    return { ok: true, events: await countRawEventsByState({ db: getDb() }) };
  } catch (error) {
    console.error("[overview] database unavailable", error);
    return { ok: false, message: "The database is unreachable. Check DATABASE_URL and the server log." };
  }
}
