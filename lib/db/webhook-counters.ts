import "server-only";
import type { Db } from "./client";

export type WebhookCounterName =
  | "signature_missing"
  | "signature_invalid"
  | "wrong_key"
  | "payload_too_large"
  | "verify_succeeded"
  | "verify_failed"
  | "duplicate_deliveries"
  /** Last event per webhook field and per number: `field:<field>`, `number:<phone_number_id>:messages|statuses`. */
  | `field:${string}`
  | `number:${string}:${"messages" | "statuses"}`;

export async function incrementWebhookCounter({
  db,
  name,
  detail,
  by = 1,
}: {
  db: Db;
  name: WebhookCounterName;
  detail?: string;
  by?: number;
}): Promise<void> {
  await db.$executeRaw`
    INSERT INTO webhook_counters (name, count, last_at, last_detail) VALUES (${name}, ${by}, now(), ${detail ?? null})
    ON CONFLICT (name) DO UPDATE
      SET count = webhook_counters.count + EXCLUDED.count, last_at = now(), last_detail = EXCLUDED.last_detail`;
}

/**
 * Several counters in one statement, in name order so that concurrent processing batches take the
 * rows' locks in the same order.
 */
export async function incrementWebhookCounters({
  db,
  increments,
}: {
  db: Db;
  increments: { name: WebhookCounterName; by: number; detail?: string }[];
}): Promise<void> {
  const merged = new Map<string, { by: number; detail: string | null }>();
  for (const { name, by, detail } of increments) {
    merged.set(name, { by: (merged.get(name)?.by ?? 0) + by, detail: detail ?? merged.get(name)?.detail ?? null });
  }
  const names = [...merged.keys()].sort();
  if (names.length === 0) return;
  await db.$executeRaw`
    INSERT INTO webhook_counters (name, count, last_at, last_detail)
    SELECT v.name, v.by, now(), v.detail
    FROM unnest(${names}::text[], ${names.map((name) => merged.get(name)!.by)}::bigint[],
                ${names.map((name) => merged.get(name)!.detail)}::text[]) AS v(name, by, detail)
    ORDER BY v.name
    ON CONFLICT (name) DO UPDATE
      SET count = webhook_counters.count + EXCLUDED.count, last_at = now(),
          last_detail = COALESCE(EXCLUDED.last_detail, webhook_counters.last_detail)`;
}

export async function findWebhookCounters({ db }: { db: Db }) {
  return db.webhookCounter.findMany({ orderBy: { name: "asc" } });
}
