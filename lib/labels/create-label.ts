import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { CurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { countLabels, createLabel as createRow } from "@/lib/db/labels";
import { AppError } from "@/lib/http/app-error";
import { emptyInboxChanges } from "@/lib/realtime/changes";
import { publishRealtime } from "@/lib/realtime/server";
import { labelTarget } from "@/lib/views/audit";
import { type LabelView, MAX_LABELS } from "@/lib/views/labels";
import { isLabelNameClash, labelNameTaken } from "./label-errors";
import type { CreateLabelBody } from "./schemas";

/** A new label (admins; the route enforces it), audited, and live in every open inbox. */
export async function createLabel({ user, body }: { user: CurrentUser; body: CreateLabelBody }): Promise<LabelView> {
  try {
    const label = await getDb().$transaction(async (db) => {
      // Serialised with other creations, so two at once cannot pass the limit together.
      await db.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('labels'))`;
      if ((await countLabels({ db })) >= MAX_LABELS) {
        throw new AppError("conflict", {
          message: `already ${MAX_LABELS} labels`,
          userMessage: `There are already ${MAX_LABELS} labels, the most there can be: delete one first.`,
        });
      }
      const created = await createRow({ db, label: body });
      await recordAuditEvent({
        db,
        actor: user,
        action: "label.created",
        target: labelTarget(created.id),
        targetLabel: created.name,
        detail: created.color,
      });
      return created;
    });
    await publishRealtime({ ...emptyInboxChanges(), labelsChanged: [label.id] });
    return { ...label, conversationCount: 0 };
  } catch (error) {
    if (isLabelNameClash(error)) throw labelNameTaken(body.name);
    throw error;
  }
}
