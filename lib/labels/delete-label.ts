import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { CurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { deleteLabel as deleteRow, getLabel } from "@/lib/db/labels";
import { emptyInboxChanges } from "@/lib/realtime/changes";
import { publishInboxChanges } from "@/lib/inbox/publish-inbox-changes";
import { labelTarget } from "@/lib/views/audit";
import { labelNotFound } from "./label-errors";

/** Deletes a label (admins) and takes it off every conversation, audited with how many carried it. */
export async function deleteLabel({ user, id }: { user: CurrentUser; id: string }): Promise<void> {
  const conversationIds = await getDb().$transaction(async (db) => {
    const label = await getLabel({ db, id });
    if (!label) throw labelNotFound(id);
    const ids = await deleteRow({ db, id });
    await recordAuditEvent({
      db,
      actor: user,
      action: "label.deleted",
      target: labelTarget(id),
      targetLabel: label.name,
      detail: `on ${ids.length} conversation${ids.length === 1 ? "" : "s"}`,
    });
    return ids;
  });
  await publishInboxChanges({ ...emptyInboxChanges(), labelsChanged: [id], conversationsUpdated: conversationIds });
}
