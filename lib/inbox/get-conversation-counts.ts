import "server-only";
import { getDb } from "@/lib/db/client";
import { countConversationGroups } from "@/lib/db/inbox-conversations";
import { countConversationsPerLabel } from "@/lib/db/labels";
import type { ConversationCounts } from "@/lib/views/inbox";

/**
 * The numbers on the list's tabs and labels, for the signed-in agent ("mine"), on one number or all.
 * The tabs count under the list's label filter (what each tab would list); each label counts its
 * own conversations, whatever the filter.
 */
export async function getConversationCounts({
  userId,
  phoneNumberId,
  labelIds,
}: {
  userId: string;
  phoneNumberId: string | null;
  labelIds: string[];
}): Promise<ConversationCounts> {
  const db = getDb();
  const [groups, labels] = await Promise.all([
    countConversationGroups({ db, userId, phoneNumberId, labelIds }),
    countConversationsPerLabel({ db, phoneNumberId }),
  ]);
  return { groups, labels };
}
