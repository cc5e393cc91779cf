import "server-only";
import type { Db } from "./client";

export type AuditActor = { id: string; email: string; name: string };

/** One entry per change. Callers pass what changed, never the value. */
export async function createAuditLog({
  db,
  actor,
  action,
  target,
  detail,
}: {
  db: Db;
  actor: AuditActor;
  action: string;
  target: string;
  detail?: string;
}): Promise<void> {
  await db.auditLog.create({
    data: { actorId: actor.id, actorEmail: actor.email, actorName: actor.name, action, target, detail: detail ?? null },
  });
}

/** Latest first. */
export async function findAuditLogs({ db, limit, before }: { db: Db; limit: number; before?: Date }) {
  return db.auditLog.findMany({
    where: before ? { createdAt: { lt: before } } : {},
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
  });
}

/** The targets (of `targets`) that an admin has ever changed. */
export async function findAuditedTargets({ db, targets }: { db: Db; targets: string[] }): Promise<Set<string>> {
  const rows = await db.auditLog.findMany({
    where: { target: { in: targets } },
    distinct: ["target"],
    select: { target: true },
  });
  return new Set(rows.map((row) => row.target));
}
