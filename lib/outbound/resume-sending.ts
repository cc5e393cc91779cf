import "server-only";
import { createAuditLog, type AuditActor } from "@/lib/db/audit-logs";
import { getDb } from "@/lib/db/client";
import { clearSendingPause } from "@/lib/db/sending-pause";
import { emptyInboxChanges } from "@/lib/realtime/changes";
import { publishRealtime } from "@/lib/realtime/server";
import type { SendingStatusView } from "@/lib/views/inbox";
import { getSendingStatus } from "./get-sending-status";

/** An admin lifts a pause (the account was unblocked in Meta's tools): queued messages go out. */
export async function resumeSending({ actor }: { actor: AuditActor }): Promise<SendingStatusView> {
  await getDb().$transaction(async (db) => {
    await clearSendingPause({ db });
    await createAuditLog({ db, actor, action: "sending.resumed", target: "sending" });
  });
  const status = await getSendingStatus();
  await publishRealtime({ ...emptyInboxChanges(), sendingStatus: [status] });
  return status;
}
