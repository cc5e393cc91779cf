import "server-only";
import type { CurrentUser } from "@/lib/auth/session";
import type { CannedReplyRow } from "@/lib/db/canned-replies";
import { AppError } from "@/lib/http/app-error";
import type { CannedReplyView } from "@/lib/views/canned-replies";

/**
 * Who may change a canned reply: admins the shared ones, each user only their own personal ones
 * (an admin cannot edit an agent's either). The one rule, used by the list (canEdit) and by every
 * change (enforced).
 */
export function canManageCannedReply(user: Pick<CurrentUser, "id" | "role">, reply: CannedReplyRow): boolean {
  return reply.ownerId === null ? user.role === "admin" : reply.ownerId === user.id;
}

/** The reply, or 404 when it is someone else's personal one (not even its existence is told), 403 when read-only. */
export function assertCanManageCannedReply(
  user: Pick<CurrentUser, "id" | "role">,
  reply: CannedReplyRow | null,
  id: string,
): CannedReplyRow {
  if (!reply || (reply.ownerId !== null && reply.ownerId !== user.id)) {
    throw new AppError("not_found", {
      message: `Canned reply ${id} not found`,
      userMessage: "Canned reply not found.",
    });
  }
  if (!canManageCannedReply(user, reply)) {
    throw new AppError("forbidden", {
      message: `${user.id} may not change shared canned reply ${id}`,
      userMessage: "Only admins can change the team's shared canned replies.",
    });
  }
  return reply;
}

export function toCannedReplyView(
  row: CannedReplyRow,
  user: Pick<CurrentUser, "id" | "role">,
  filled: string | null = null,
): CannedReplyView {
  return {
    id: row.id,
    title: row.title,
    shortcut: row.shortcut,
    text: row.text,
    scope: row.ownerId === null ? "shared" : "personal",
    canEdit: canManageCannedReply(user, row),
    filled,
  };
}

/** A shortcut clash (the unique index per scope) in words. */
export function isShortcutClash(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "P2002" || (error instanceof Error && /canned_replies_scope_shortcut_key/.test(error.message));
}

export const shortcutTaken = (shortcut: string, scope: "shared" | "personal") =>
  new AppError("conflict", {
    message: `canned reply shortcut ${shortcut} exists in ${scope}`,
    userMessage: `The shortcut /${shortcut} is already taken${scope === "personal" ? " by one of your replies" : ""}.`,
  });
