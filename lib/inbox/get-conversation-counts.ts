import "server-only";
import { getDb } from "@/lib/db/client";
import { countConversationGroups } from "@/lib/db/inbox-conversations";
import { countConversationsPerLabel } from "@/lib/db/labels";
import type { ConversationCounts } from "@/lib/views/inbox";

/** The numbers on the list's tabs and labels, for the signed-in agent ("mine"), on one number or all. */
export async function getConversationCounts({
  userId,
  phoneNumberId,
}: {
  userId: string;
  phoneNumberId: string | null;
}): Promise<ConversationCounts> {
  const db = getDb();
  const [groups, labels] = await Promise.all([
    countConversationGroups({ db, userId, phoneNumberId }),
    countConversationsPerLabel({ db, phoneNumberId }),
  ]);
  return { groups, labels };
}
