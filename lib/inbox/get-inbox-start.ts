import "server-only";
import { cache } from "react";
import { AppError } from "@/lib/http/app-error";
import { findConversations } from "./find-conversations";
import { findInboxPhoneNumbers } from "./find-inbox-phone-numbers";
import { findThreadMessages } from "./find-thread-messages";
import { getConversationOrThrow } from "./get-conversation-or-throw";
import { getUnreadSummary } from "./get-unread-summary";
import {
  type ConversationFilters,
  defaultConversationFilters,
  type InboxStart,
  THREAD_PAGE_SIZE,
} from "@/lib/views/inbox";

/**
 * The first screen of the inbox for one agent, in parallel queries: the list page (the URL's filters), the
 * unread total, our numbers, and on a deep link the conversation with its newest messages. The
 * browser starts from this and keeps it live; nothing waits for hydration to ask for it. Loaded
 * once per request: the page's title (generateMetadata) and the page itself both read it.
 */
export function getInboxStart({
  userId,
  conversationId,
  filters = defaultConversationFilters,
}: {
  userId: string;
  conversationId: string | null;
  filters?: ConversationFilters;
}): Promise<InboxStart> {
  return loadInboxStart(userId, conversationId, JSON.stringify(filters));
}

// React's per-request cache compares arguments by identity, hence positional strings here.
const loadInboxStart = cache(async (userId: string, conversationId: string | null, filtersJson: string) => {
  const filters = JSON.parse(filtersJson) as ConversationFilters;
  const [page, unread, phoneNumbers, conversation] = await Promise.all([
    findConversations({
      userId,
      query: { ...filters, q: filters.search, labels: filters.labelIds, cursor: null, limit: 50, ids: undefined },
    }),
    getUnreadSummary({ userId }),
    findInboxPhoneNumbers(),
    conversationId ? getConversationOrNull({ id: conversationId, userId }) : null,
  ]);
  const messages = conversation
    ? await findThreadMessages({ conversationId: conversation.id, query: { before: null, limit: THREAD_PAGE_SIZE } })
    : null;
  return { filters, page, unread, phoneNumbers, conversation, messages } satisfies InboxStart;
});

async function getConversationOrNull({ id, userId }: { id: string; userId: string }) {
  try {
    return await getConversationOrThrow({ id, userId });
  } catch (error) {
    // Unknown (or malformed) id: the client shows "does not exist" from its own request.
    if (error instanceof AppError) return null;
    throw error;
  }
}
