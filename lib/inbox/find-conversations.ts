import "server-only";
import { getDb } from "@/lib/db/client";
import { findInboxConversations, findInboxConversationsByIds, type InboxSearch } from "@/lib/db/inbox-conversations";
import { encodeCursor } from "./cursor";
import { toConversationListItem } from "./conversation-view";
import type { ConversationPage } from "@/lib/views/inbox";
import type { FindConversationsQuery } from "./schemas";

/**
 * The inbox list for one agent: filtered, searched, newest activity first, one keyset page at a
 * time. With `ids` it answers exactly those rows instead (the browser refreshing rows named by
 * realtime events), whatever the filters.
 */
export async function findConversations({
  userId,
  query,
}: {
  userId: string;
  query: FindConversationsQuery;
}): Promise<ConversationPage> {
  const db = getDb();
  if (query.ids) {
    const rows = await findInboxConversationsByIds({ db, userId, ids: query.ids });
    return { conversations: rows.map(toConversationListItem), nextCursor: null };
  }
  const rows = await findInboxConversations({
    db,
    userId,
    filters: {
      status: query.status,
      assignee: query.assignee,
      phoneNumberId: query.phoneNumberId,
      search: toSearch(query.q),
      labelIds: query.labels,
    },
    after: query.cursor,
    // One extra row says whether there is a next page.
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    conversations: page.map(toConversationListItem),
    nextCursor: rows.length > query.limit && last ? encodeCursor("c", { at: last.activity_at, id: last.id }) : null,
  };
}

/**
 * LIKE patterns for a search: the text as typed (its % and _ match literally) for names and
 * messages, and its digits for the customer's number — only when the search looks like a number
 * ("+49 151-2…"), so that "order 12" does not list every number containing 12. Message text is
 * searched when the search holds a word of 3 letters or digits: that is what the trigram index
 * can look up; "a b", "e.g" or "!!!" would make it read most of its entries (~1 s on 1M messages).
 */
function toSearch(q: string): InboxSearch | null {
  if (q === "") return null;
  const escape = (value: string) => value.replace(/[\\%_]/g, (char) => `\\${char}`);
  const digits = q.replace(/\D/g, "");
  const looksLikeNumber = digits.length > 0 && /^[\d\s+().\-/]+$/.test(q);
  return {
    pattern: `%${escape(q)}%`,
    digitsPattern: looksLikeNumber ? `%${digits}%` : null,
    messages: /[\p{L}\p{N}]{3}/u.test(q),
  };
}
