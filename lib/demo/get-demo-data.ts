import "server-only";
import { getDb } from "@/lib/db/client";
import { countDemoData } from "@/lib/db/demo-data";
import { getSetting } from "@/lib/db/settings";
import { DEMO_DELETED_KEY, DEMO_TEMPLATE_KEYS } from "@/lib/sandbox/demo";
import type { DemoDataView } from "@/lib/views/demo";

/** What the sandbox demo left in the database (nothing once deleted, or on an install that never had it). */
export async function getDemoData(): Promise<DemoDataView> {
  const db = getDb();
  const [counts, deletedAt] = await Promise.all([
    countDemoData({ db, templates: DEMO_TEMPLATE_KEYS }),
    getSetting({ db, key: DEMO_DELETED_KEY }),
  ]);
  return { ...counts, deletedAt };
}
