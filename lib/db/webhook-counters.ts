import "server-only";
import type { Db } from "./client";

export type WebhookCounterName =
  "signature_missing" | "signature_invalid" | "wrong_key" | "payload_too_large" | "verify_succeeded" | "verify_failed";

export async function incrementWebhookCounter({
  db,
  name,
  detail,
}: {
  db: Db;
  name: WebhookCounterName;
  detail?: string;
}): Promise<void> {
  await db.$executeRaw`
    INSERT INTO webhook_counters (name, count, last_at, last_detail) VALUES (${name}, 1, now(), ${detail ?? null})
    ON CONFLICT (name) DO UPDATE SET count = webhook_counters.count + 1, last_at = now(), last_detail = EXCLUDED.last_detail`;
}

export async function findWebhookCounters({ db }: { db: Db }) {
  return db.webhookCounter.findMany({ orderBy: { name: "asc" } });
}
