import "server-only";
import { type AuditActor, createAuditLog } from "@/lib/db/audit-logs";
import { getAutoAssignment, saveAutoAssignment } from "@/lib/db/auto-assignments";
import { getDb } from "@/lib/db/client";
import { getPhoneNumberOrThrow } from "@/lib/settings/get-phone-number-or-throw";
import { phoneNumberTarget } from "@/lib/views/audit";
import type { AutoAssignmentView } from "@/lib/views/assignment";
import type { UpdateAutoAssignmentBody } from "./schemas";

/** An admin turns auto-assignment of one of our numbers on or off and sets its cap; audited. */
export async function updateAutoAssignment({
  id,
  body,
  actor,
}: {
  id: string;
  body: UpdateAutoAssignmentBody;
  actor: AuditActor;
}): Promise<AutoAssignmentView> {
  return getDb().$transaction(async (db) => {
    const number = await getPhoneNumberOrThrow({ db, id });
    const before = await getAutoAssignment({ db, phoneNumberId: id });
    const saved = await saveAutoAssignment({ db, phoneNumberId: id, enabled: body.enabled, cap: body.cap });
    if (before?.enabled !== saved.enabled || (before?.cap ?? null) !== saved.cap) {
      await createAuditLog({
        db,
        actor,
        action: "auto_assignment.updated",
        target: phoneNumberTarget(number.phoneNumberId),
        detail: describe(saved),
      });
    }
    return { enabled: saved.enabled, cap: saved.cap };
  });
}

function describe({ enabled, cap }: AutoAssignmentView): string {
  if (!enabled) return "off";
  return cap === null ? "on, no cap" : `on, at most ${cap} open per agent`;
}
