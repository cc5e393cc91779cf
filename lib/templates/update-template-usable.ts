import "server-only";
import { recordAuditEvent, type AuditActor } from "@/lib/audit/record-audit-event";
import { getDb } from "@/lib/db/client";
import { getTemplate, updateTemplateUsable as updateUsable } from "@/lib/db/templates";
import { AppError } from "@/lib/http/app-error";
import type { TemplateView } from "@/lib/views/template";
import { toTemplateView } from "./template-view";

/** An admin enables or disables a template for the inbox (recorded in the audit log). */
export async function updateTemplateUsable({
  id,
  agentUsable,
  actor,
}: {
  id: string;
  agentUsable: boolean;
  actor: AuditActor;
}): Promise<TemplateView> {
  return getDb().$transaction(async (db) => {
    const current = await getTemplate({ db, id });
    if (!current)
      throw new AppError("not_found", { message: `template ${id} not found`, userMessage: "Template not found." });
    const updated = await updateUsable({ db, id, agentUsable });
    if (current.agentUsable !== agentUsable) {
      await recordAuditEvent({
        db,
        actor,
        action: "template.usable_changed",
        target: `template:${id}`,
        targetLabel: `${current.name} (${current.language})`,
        detail: agentUsable ? "enabled" : "disabled",
      });
    }
    return toTemplateView(updated);
  });
}
