import "server-only";
import type { Db } from "./client";

export type AuditActor = { id: string; email: string; name: string };

/** One entry per change. Callers pass what changed, never the value. */
export async function createAuditLog({
  db,
  actor,
  action,
  target,
  targetLabel,
  detail,
}: {
  db: Db;
  actor: AuditActor;
  action: string;
  target: string;
  targetLabel?: string;
  detail?: string;
}): Promise<void> {
  await db.auditLog.create({
    data: {
      actorId: actor.id,
      actorEmail: actor.email,
      actorName: actor.name,
      action,
      target,
      targetLabel: targetLabel ?? null,
      detail: detail ?? null,
    },
  });
}

/** Several entries in one statement (an ingest batch's automatic assignments). */
export async function createAuditLogs({
  db,
  entries,
}: {
  db: Db;
  entries: { actor: AuditActor; action: string; target: string; targetLabel?: string; detail?: string }[];
}): Promise<void> {
  if (entries.length === 0) return;
  await db.auditLog.createMany({
    data: entries.map(({ actor, action, target, targetLabel, detail }) => ({
      actorId: actor.id,
      actorEmail: actor.email,
      actorName: actor.name,
      action,
      target,
      targetLabel: targetLabel ?? null,
      detail: detail ?? null,
    })),
  });
}

/** Latest first; optionally one actor's and/or one kind of entry. */
export async function findAuditLogs({
  db,
  limit,
  before,
  actorId,
  action,
}: {
  db: Db;
  limit: number;
  before?: Date;
  actorId?: string;
  /** One kind, or any of several. */
  action?: string | string[];
}) {
  return db.auditLog.findMany({
    where: {
      ...(before ? { createdAt: { lt: before } } : {}),
      ...(actorId ? { actorId } : {}),
      ...(action ? { action: Array.isArray(action) ? { in: action } : action } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
  });
}

/** Everyone who has an entry, with the name and email of their latest one (for the filter). */
export async function findAuditActors({ db }: { db: Db }): Promise<AuditActor[]> {
  const rows = await db.auditLog.findMany({
    distinct: ["actorId"],
    orderBy: [{ actorId: "asc" }, { createdAt: "desc" }],
    select: { actorId: true, actorEmail: true, actorName: true },
  });
  return rows
    .map((row) => ({ id: row.actorId, email: row.actorEmail, name: row.actorName }))
    .sort((a, b) => a.name.localeCompare(b.name));
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
