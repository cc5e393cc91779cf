import "server-only";
import { getDb } from "@/lib/db/client";
import { getGraphApiConfig, getReadReceiptMode } from "@/lib/settings/get-graph-api-config";
import type { TypingResponse } from "@/lib/views/inbox";
import { lockSendTargetOrThrow, queueReadReceipt } from "./send-rules";

/**
 * The agent started replying (first keystroke, then every ≤ 20 s while typing): with read receipts
 * "on reply", the customer's newest message is marked read with the typing indicator. Quietly does
 * nothing when receipts are off, no token is set, the window is closed or it was sent < 20 s ago.
 */
export async function startTyping({ conversationId }: { conversationId: string }): Promise<TypingResponse> {
  const [mode, { accessToken }] = await Promise.all([getReadReceiptMode(), getGraphApiConfig()]);
  const sent = await getDb().$transaction(async (db) => {
    const target = await lockSendTargetOrThrow({ db, conversationId });
    if (mode !== "on_reply" || !accessToken) return false;
    // Meta refuses typing indicators outside the window; the read receipt alone is pointless then.
    if (!target.windowClosesAt || target.windowClosesAt <= new Date()) return false;
    return queueReadReceipt({ db, target, typing: true });
  });
  return { sent };
}
