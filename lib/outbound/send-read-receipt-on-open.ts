import "server-only";
import { getDb } from "@/lib/db/client";
import { lockSendTarget } from "@/lib/db/outbound-messages";
import { getGraphApiConfig, getReadReceiptMode } from "@/lib/settings/get-graph-api-config";
import { queueReadReceipt } from "./send-rules";

/** With read receipts "on open": an agent opening the conversation sends the customer's blue ticks. */
export async function sendReadReceiptOnOpen({ conversationId }: { conversationId: string }): Promise<void> {
  const [mode, { accessToken }] = await Promise.all([getReadReceiptMode(), getGraphApiConfig()]);
  if (mode !== "on_open" || !accessToken) return;
  await getDb().$transaction(async (db) => {
    const target = await lockSendTarget({ db, conversationId });
    if (target) await queueReadReceipt({ db, target, typing: false });
  });
}
