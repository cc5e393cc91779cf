import "server-only";
import { cache } from "react";
import { getContactPanel } from "@/lib/contacts/get-contact-panel";
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
 * unread total, our numbers, and on a deep link the conversation with its newest messages and its
 * contact panel. The
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
  // A deep link's messages are read beside the conversation, not after it: one round trip less
  // for the thread page's HTML. The contact panel needs the conversation's contact, so it follows
  // the conversation while the messages are still being read.
  const conversationRead = conversationId ? orNull(getConversationOrThrow({ id: conversationId, userId })) : null;
  const [page, unread, phoneNumbers, conversation, messages, contact] = await Promise.all([
    findConversations({
      userId,
      query: { ...filters, q: filters.search, labels: filters.labelIds, cursor: null, limit: 50, ids: undefined },
    }),
    getUnreadSummary({ userId }),
    findInboxPhoneNumbers(),
    conversationRead,
    conversationId
      ? orNull(findThreadMessages({ conversationId, query: { before: null, limit: THREAD_PAGE_SIZE } }))
      : null,
    conversationRead?.then((found) => (found ? orNull(getContactPanel({ id: found.contact.id })) : null)) ?? null,
  ]);
  return {
    filters,
    page,
    unread,
    phoneNumbers,
    conversation,
    messages: conversation ? messages : null,
    contact: conversation ? contact : null,
  } satisfies InboxStart;
});

async function orNull<T>(lookup: Promise<T>): Promise<T | null> {
  try {
    return await lookup;
  } catch (error) {
    // Unknown (or malformed) id: the client shows "does not exist" from its own request.
    if (error instanceof AppError) return null;
    throw error;
  }
}
