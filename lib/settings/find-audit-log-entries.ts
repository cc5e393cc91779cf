import "server-only";
import { type AuditAction, auditActions, isAuditAction } from "@/lib/views/audit";
import { findAuditLogs } from "@/lib/db/audit-logs";
import { getDb } from "@/lib/db/client";
import { labelOfSettingKey } from "./whatsapp-settings";
import type { AuditLogEntry } from "@/lib/views/audit";

type Row = { action: string; target: string; targetLabel: string | null; detail: string | null };

// How a user event reads after the actor's name: "deactivated Bob <bob@example.com> (…)".
const userVerbs: Partial<Record<AuditAction, string>> = {
  "user.created": "created",
  "user.updated": "edited",
  "user.role_changed": "changed the role of",
  "user.role_change_refused": "was refused changing the role of",
  "user.deactivated": "deactivated",
  "user.reactivated": "reactivated",
  "user.password_reset_link": "made a password reset link for",
  "user.password_reset": "reset the password of",
  "user.password_changed": "changed the password of",
  "user.profile_updated": "changed the name of",
};

function summarize({ action, target, targetLabel, detail }: Row): string {
  if (action === "setting.updated") return `changed the ${labelOfSettingKey(target)}`;
  if (action === "setting.cleared") return `removed the ${labelOfSettingKey(target)}`;
  if (action === "phone_number.updated") {
    return `edited phone number ${target.replace(/^phone_number:/, "")}${detail ? ` (${detail})` : ""}`;
  }
  if (action.startsWith("canned_reply.")) {
    const verb = { "canned_reply.created": "added", "canned_reply.updated": "edited" }[action] ?? "deleted";
    return `${verb} the shared canned reply ${targetLabel ?? target}${detail ? ` (${detail})` : ""}`;
  }
  if (action.startsWith("label.")) {
    const verb = { "label.created": "added", "label.updated": "edited" }[action] ?? "deleted";
    return `${verb} the label ${targetLabel ?? target}${detail ? ` (${detail})` : ""}`;
  }
  if (action === "conversation.assigned") {
    return `${detail ?? "assigned"}: conversation ${target.replace(/^conversation:/, "")}`;
  }
  if (action === "auto_assignment.updated") {
    return `set auto-assignment of phone number ${target.replace(/^phone_number:/, "")}${detail ? ` to ${detail}` : ""}`;
  }
  if (action === "business_hours.updated") {
    return `edited the business hours of ${targetLabel ?? target}${detail ? ` (${detail})` : ""}`;
  }
  if (action === "business_hours.removed") return `removed the business hours of ${targetLabel ?? target}`;
  if (action === "demo.deleted") return `deleted the sandbox demo${detail ? ` (${detail})` : ""}`;
  if (action === "template.usable_changed") return `${detail ?? "changed"} the template ${targetLabel ?? target}`;
  const verb = isAuditAction(action) ? userVerbs[action] : undefined;
  if (verb) return `${verb} ${targetLabel ?? target}${detail ? ` (${detail})` : ""}`;
  return `${action} ${target}`;
}

/** Who did what and when, latest first; optionally one actor's or one kind only. */
export async function findAuditLogEntries({
  limit = 50,
  actorId,
  action,
}: { limit?: number; actorId?: string; action?: AuditAction | AuditAction[] } = {}): Promise<AuditLogEntry[]> {
  const rows = await findAuditLogs({ db: getDb(), limit, actorId, action });
  return rows.map((row) => ({
    id: row.id,
    at: row.createdAt.toISOString(),
    actor: { id: row.actorId, email: row.actorEmail, name: row.actorName },
    action: row.action,
    kind: isAuditAction(row.action) ? auditActions[row.action] : row.action,
    target: row.target,
    summary: summarize(row),
  }));
}
