import "server-only";
import { userTarget } from "@/lib/views/audit";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { getAuth } from "@/lib/auth/auth";
import type { CurrentUser } from "@/lib/auth/session";
import { reassignOpenConversations } from "@/lib/db/assignments";
import { getDb } from "@/lib/db/client";
import { countActiveAdmins, getActiveUser, withAccountsLock } from "@/lib/db/users";
import { AppError } from "@/lib/http/app-error";
import { emptyInboxChanges } from "@/lib/realtime/changes";
import { endUserConnections } from "@/lib/realtime/end-user-connections";
import { publishInboxChanges } from "@/lib/inbox/publish-inbox-changes";
import { toAccountUser, userLabel } from "./account-user";
import type { AccountUser } from "@/lib/views/accounts";
import { getUserOrThrow } from "./get-user-or-throw";
import type { DeactivateUserBody } from "./schemas";

/**
 * Deactivates a user: better-auth's ban marks them and deletes every session they have, so they
 * are signed out everywhere at once; sign-in is refused until an admin reactivates them. Their open
 * conversations are unassigned or handed to someone else in the same step, so none is left with
 * an assignee who can no longer answer.
 */
export async function deactivateUser({
  userId,
  actor,
  headers,
  body,
}: {
  userId: string;
  actor: CurrentUser;
  headers: Headers;
  body: DeactivateUserBody;
}): Promise<AccountUser> {
  if (userId === actor.id) {
    throw new AppError("conflict", {
      message: `${actor.email} tried to deactivate themselves`,
      userMessage: "You cannot deactivate your own account.",
    });
  }
  const reassignTo = body.conversations === "reassign" ? (body.reassignTo ?? null) : null;
  if (reassignTo === userId) {
    throw new AppError("validation_failed", {
      message: `reassignTo is the user being deactivated (${userId})`,
      userMessage: "reassignTo: choose someone other than the person being deactivated",
    });
  }
  const db = getDb();
  const outcome = await withAccountsLock({
    db,
    work: async (tx) => {
      const user = await getUserOrThrow({ db: tx, id: userId });
      if (user.banned) return [];
      if (user.role === "admin" && (await countActiveAdmins({ db: tx, excludeUserId: userId })) === 0) {
        throw new AppError("conflict", {
          message: `refusing to deactivate ${user.email}: the last active admin`,
          userMessage: "This is the last active admin.",
        });
      }
      const successor = reassignTo ? await getActiveUser({ db: tx, id: reassignTo }) : null;
      if (reassignTo && !successor) {
        throw new AppError("validation_failed", {
          message: `reassignTo ${reassignTo} is not an active user`,
          userMessage: "reassignTo: no active user has this id",
        });
      }
      const moved = await reassignOpenConversations({ db: tx, fromUserId: userId, toUserId: reassignTo });
      await getAuth().api.banUser({ body: { userId, banReason: `Deactivated by ${actor.email}` }, headers });
      const handling = successor ? `reassigned to ${successor.name}` : "unassigned";
      await recordAuditEvent({
        db: tx,
        actor,
        action: "user.deactivated",
        target: userTarget(userId),
        targetLabel: userLabel(user),
        detail: `${moved.length} open conversation${moved.length === 1 ? "" : "s"} ${handling}`,
      });
      return moved;
    },
  });
  await endUserConnections({ userId });
  const moved = outcome.locked ? outcome.result : [];
  // Every open inbox shows the new assignee (or none) at once.
  if (moved.length) await publishInboxChanges({ ...emptyInboxChanges(), conversationsUpdated: moved });
  return toAccountUser(await getUserOrThrow({ db, id: userId }));
}
