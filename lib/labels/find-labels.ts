import "server-only";
import { getDb } from "@/lib/db/client";
import { findLabels as findRows } from "@/lib/db/labels";
import type { LabelList } from "@/lib/views/labels";

/** Every label, by name, with how many conversations carry it (anyone signed in may read them). */
export async function findLabels(): Promise<LabelList> {
  return { labels: await findRows({ db: getDb() }) };
}
