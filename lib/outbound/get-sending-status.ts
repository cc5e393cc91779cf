import "server-only";
import { getDb } from "@/lib/db/client";
import { getSendingPause, toSendingStatusView } from "@/lib/db/sending-pause";
import { getGraphApiConfig } from "@/lib/settings/get-graph-api-config";
import type { SendingStatusView } from "@/lib/views/inbox";

/** Whether sending works now: paused by Meta's answer, or no token at all. */
export async function getSendingStatus(): Promise<SendingStatusView> {
  const [pause, { accessToken }] = await Promise.all([getSendingPause({ db: getDb() }), getGraphApiConfig()]);
  return toSendingStatusView({ pause, accessTokenMissing: accessToken === null });
}
