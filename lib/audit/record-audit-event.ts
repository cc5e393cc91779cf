import "server-only";
import { type AuditActor, createAuditLog } from "@/lib/db/audit-logs";
import { type Db, getDb } from "@/lib/db/client";
import type { AuditAction } from "@/lib/views/audit";

export type { AuditActor };

/**
 * Records one administrative act. Pass `db` to write inside the caller's transaction (the entry
 * then exists exactly when the change does); without it the entry is written on its own — for
 * acts that were refused, whose transaction rolled back. Never pass a secret or a password.
 */
export async function recordAuditEvent({
  db = getDb(),
  actor,
  action,
  target,
  targetLabel,
  detail,
}: {
  db?: Db;
  actor: AuditActor;
  action: AuditAction;
  target: string;
  /** How the target reads now (e.g. "Bob <bob@example.com>"), kept with the entry. */
  targetLabel?: string;
  detail?: string;
}): Promise<void> {
  await createAuditLog({ db, actor, action, target, targetLabel, detail });
}
