import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { CurrentUser } from "@/lib/auth/session";
import { deleteCannedReply as deleteRow, getCannedReply } from "@/lib/db/canned-replies";
import { getDb } from "@/lib/db/client";
import { cannedReplyTarget } from "@/lib/views/audit";
import { assertCanManageCannedReply } from "./canned-reply-view";

/** Deletes a canned reply the user may manage; shared ones are audited. */
export async function deleteCannedReply({ user, id }: { user: CurrentUser; id: string }): Promise<void> {
  const db = getDb();
  const reply = assertCanManageCannedReply(user, await getCannedReply({ db, id }), id);
  await db.$transaction(async (tx) => {
    await deleteRow({ db: tx, id });
    if (reply.ownerId === null) {
      await recordAuditEvent({
        db: tx,
        actor: user,
        action: "canned_reply.deleted",
        target: cannedReplyTarget(id),
        targetLabel: `/${reply.shortcut}`,
      });
    }
  });
}
