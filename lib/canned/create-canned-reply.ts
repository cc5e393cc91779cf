import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { CurrentUser } from "@/lib/auth/session";
import { createCannedReply as createRow } from "@/lib/db/canned-replies";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/http/app-error";
import { cannedReplyTarget } from "@/lib/views/audit";
import type { CannedReplyView } from "@/lib/views/canned-replies";
import { isShortcutClash, shortcutTaken, toCannedReplyView } from "./canned-reply-view";
import type { CreateCannedReplyBody } from "./schemas";

/** A shared canned reply (admins; audited) or one of the user's own. */
export async function createCannedReply({
  user,
  body,
}: {
  user: CurrentUser;
  body: CreateCannedReplyBody;
}): Promise<CannedReplyView> {
  if (body.scope === "shared" && user.role !== "admin") {
    throw new AppError("forbidden", {
      message: `${user.id} may not add a shared canned reply`,
      userMessage: "Only admins can add to the team's shared canned replies; save it as your own instead.",
    });
  }
  try {
    const row = await getDb().$transaction(async (db) => {
      const created = await createRow({
        db,
        reply: {
          ownerId: body.scope === "shared" ? null : user.id,
          title: body.title,
          shortcut: body.shortcut,
          text: body.text,
        },
      });
      if (body.scope === "shared") {
        await recordAuditEvent({
          db,
          actor: user,
          action: "canned_reply.created",
          target: cannedReplyTarget(created.id),
          targetLabel: `/${created.shortcut}`,
        });
      }
      return created;
    });
    return toCannedReplyView(row, user);
  } catch (error) {
    if (isShortcutClash(error)) throw shortcutTaken(body.shortcut, body.scope);
    throw error;
  }
}
