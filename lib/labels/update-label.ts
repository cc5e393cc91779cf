import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { CurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getLabel, updateLabel as updateRow } from "@/lib/db/labels";
import { emptyInboxChanges } from "@/lib/realtime/changes";
import { publishRealtime } from "@/lib/realtime/server";
import { labelTarget } from "@/lib/views/audit";
import type { LabelChipView } from "@/lib/views/labels";
import { isLabelNameClash, labelNameTaken, labelNotFound } from "./label-errors";
import type { UpdateLabelBody } from "./schemas";

/** Renames or recolours a label (admins), audited; every open inbox redraws its chips. */
export async function updateLabel({
  user,
  id,
  body,
}: {
  user: CurrentUser;
  id: string;
  body: UpdateLabelBody;
}): Promise<LabelChipView> {
  try {
    const label = await getDb().$transaction(async (db) => {
      const before = await getLabel({ db, id });
      if (!before) throw labelNotFound(id);
      const updated = await updateRow({ db, id, change: body });
      const changes = [
        body.name !== undefined && body.name !== before.name ? `renamed from “${before.name}”` : null,
        body.color !== undefined && body.color !== before.color ? `${before.color} → ${updated.color}` : null,
      ].filter((change) => change !== null);
      await recordAuditEvent({
        db,
        actor: user,
        action: "label.updated",
        target: labelTarget(id),
        targetLabel: updated.name,
        detail: changes.join(", ") || "unchanged",
      });
      return updated;
    });
    await publishRealtime({ ...emptyInboxChanges(), labelsChanged: [id] });
    return label;
  } catch (error) {
    if (isLabelNameClash(error) && body.name) throw labelNameTaken(body.name);
    throw error;
  }
}
