import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { CurrentUser } from "@/lib/auth/session";
import { getCannedReply, updateCannedReply as updateRow } from "@/lib/db/canned-replies";
import { getDb } from "@/lib/db/client";
import { cannedReplyTarget } from "@/lib/views/audit";
import type { CannedReplyView } from "@/lib/views/canned-replies";
import { assertCanManageCannedReply, isShortcutClash, shortcutTaken, toCannedReplyView } from "./canned-reply-view";
import type { UpdateCannedReplyBody } from "./schemas";

/** Edits a canned reply the user may manage (see canManageCannedReply); shared ones are audited. */
export async function updateCannedReply({
  user,
  id,
  body,
}: {
  user: CurrentUser;
  id: string;
  body: UpdateCannedReplyBody;
}): Promise<CannedReplyView> {
  const db = getDb();
  const reply = assertCanManageCannedReply(user, await getCannedReply({ db, id }), id);
  try {
    const row = await db.$transaction(async (tx) => {
      const updated = await updateRow({ db: tx, id, change: body });
      if (reply.ownerId === null) {
        const fields = (["title", "shortcut", "text"] as const).filter((key) => body[key] !== undefined);
        await recordAuditEvent({
          db: tx,
          actor: user,
          action: "canned_reply.updated",
          target: cannedReplyTarget(id),
          targetLabel: `/${updated.shortcut}`,
          detail: fields.join(", "),
        });
      }
      return updated;
    });
    return toCannedReplyView(row, user);
  } catch (error) {
    if (isShortcutClash(error) && body.shortcut) {
      throw shortcutTaken(body.shortcut, reply.ownerId === null ? "shared" : "personal");
    }
    throw error;
  }
}
