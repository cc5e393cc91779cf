import "server-only";
import { findAuditLogs } from "@/lib/db/audit-logs";
import { getDb } from "@/lib/db/client";
import { labelOfSettingKey } from "./whatsapp-settings";

export type AuditLogEntry = {
  id: string;
  at: string;
  actor: { id: string; email: string; name: string };
  action: string;
  target: string;
  /** e.g. "changed the App Secret": what happened, never the value. */
  summary: string;
};

function summarize({ action, target, detail }: { action: string; target: string; detail: string | null }): string {
  if (action === "setting.updated") return `changed the ${labelOfSettingKey(target)}`;
  if (action === "setting.cleared") return `removed the ${labelOfSettingKey(target)}`;
  if (action === "phone_number.updated") {
    return `edited phone number ${target.replace(/^phone_number:/, "")}${detail ? ` (${detail})` : ""}`;
  }
  return `${action} ${target}`;
}

/** Who changed what and when, latest first. */
export async function findAuditLogEntries({ limit = 50 }: { limit?: number } = {}): Promise<AuditLogEntry[]> {
  const rows = await findAuditLogs({ db: getDb(), limit });
  return rows.map((row) => ({
    id: row.id,
    at: row.createdAt.toISOString(),
    actor: { id: row.actorId, email: row.actorEmail, name: row.actorName },
    action: row.action,
    target: row.target,
    summary: summarize(row),
  }));
}
