// Realtime events patch the react-query cache in place (no refetch storm): rows replace rows,
// messages join their thread, ticks only move forward.
import type { InfiniteData, QueryClient } from "@tanstack/react-query";
import {
  type AgentView,
  type ConversationFilters,
  type InboxStart,
  type ConversationListItem,
  type ConversationPage,
  isStatusAdvance,
  type MessagePage,
  type MessageStatus,
  type ThreadMessage,
} from "@/lib/views/inbox";
import type { MessageStatusChangedEvent } from "@/lib/realtime/channels";
import type { ContactConversationView, ContactPanelView } from "@/lib/views/contacts";
import type { MediaFileView } from "@/lib/views/message-body";
import { inboxKeys } from "./inbox-keys";
import { contactKeys } from "./use-contact";

type ListData = InfiniteData<ConversationPage, string | null>;
type ThreadData = InfiniteData<MessagePage, string | null>;

/** Newest activity first, then id — the server's order (COALESCE(last_message_at, created_at) DESC, id DESC). */
export function compareConversations(
  a: Pick<ConversationListItem, "id" | "lastMessageAt">,
  b: Pick<ConversationListItem, "id" | "lastMessageAt">,
): number {
  const at = a.lastMessageAt ?? "";
  const bt = b.lastMessageAt ?? "";
  if (at !== bt) return at < bt ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** Whether a row belongs in a list; null when only the server can tell (a search). */
export function matchesFilters(
  row: ConversationListItem,
  filters: ConversationFilters,
  userId: string,
): boolean | null {
  if (filters.status !== "all" && row.status !== filters.status) return false;
  if (filters.assignee === "mine" && row.assignee?.id !== userId) return false;
  if (filters.assignee === "unassigned" && row.assignee !== null) return false;
  if (filters.phoneNumberId && row.phoneNumber.id !== filters.phoneNumberId) return false;
  if (!filters.labelIds.every((id) => row.labels.some((label) => label.id === id))) return false;
  // A conversation with an unseen mention belongs in Mentions; a seen one stays where it is (the server knows).
  if (filters.assignee === "mentions" && row.unreadMentions === 0) return null;
  return filters.search.trim() === "" ? true : null;
}

/**
 * The contact panels in the cache follow the rows too: each of the customer's conversations listed
 * there takes the row's state, assignee, labels and last activity (newest activity first, as the
 * server orders them); one the panel does not list yet (just started) has the panel read again. A
 * read of the panel already on its way (the click's prefetch, a refetch after `contact-updated`)
 * may predate the row and would land over it — or, for a panel not loaded yet, bring the old state
 * in the first place: it is dropped and asked again.
 */
function patchContactPanels(queryClient: QueryClient, rows: ConversationListItem[]): void {
  for (const row of rows) {
    const queryKey = contactKeys.detail(row.contact.id);
    const reading = queryClient.isFetching({ queryKey }) > 0;
    const panel = queryClient.getQueryData<ContactPanelView>(queryKey);
    const listed = panel?.conversations.find((entry) => entry.id === row.id);
    if (!panel || !listed) {
      if (reading) refetchDroppingInFlight(queryClient, queryKey, "all");
      else if (panel) void queryClient.invalidateQueries({ queryKey });
      continue;
    }
    const fresh: ContactConversationView = {
      id: row.id,
      status: row.status,
      phoneNumber: row.phoneNumber,
      lastMessageAt: row.lastMessageAt,
      assignee: row.assignee ? { id: row.assignee.id, name: row.assignee.name } : null,
      labels: row.labels,
    };
    const conversations = panel.conversations.map((entry) => (entry.id === row.id ? fresh : entry));
    if (fresh.lastMessageAt !== listed.lastMessageAt) conversations.sort(compareConversations);
    queryClient.setQueryData<ContactPanelView>(queryKey, { ...panel, conversations });
    if (reading) refetchDroppingInFlight(queryClient, queryKey, "all");
  }
}

/**
 * Puts fresh rows into every loaded list: removed where they no longer match, moved to their place
 * by activity, added at the top when new. A row older than everything loaded so far is left for
 * the next page to bring. A read of the same conversation already on its way (the one a page makes
 * when it goes live, say) may predate the row and would land over it: it is asked again.
 */
export function upsertConversationRows(queryClient: QueryClient, rows: ConversationListItem[], userId: string): void {
  patchContactPanels(queryClient, rows);
  for (const row of rows) {
    const queryKey = inboxKeys.detail(row.id);
    queryClient.setQueryData(queryKey, row);
    // "all": a read for a conversation not on screen (a hovered row's prefetch) would stay otherwise.
    if (queryClient.isFetching({ queryKey }) > 0)
      void queryClient.invalidateQueries({ queryKey, refetchType: "all" }, { cancelRefetch: true });
  }
  const lists = queryClient.getQueriesData<ListData>({ queryKey: inboxKeys.lists() });
  for (const [key, data] of lists) {
    if (!data) continue;
    const filters = key[2] as ConversationFilters;
    const fresh = new Map(rows.map((row) => [row.id, row]));
    let changed = false;
    const pages = data.pages.map((page) => {
      const kept: ConversationListItem[] = [];
      for (const existing of page.conversations) {
        const row = fresh.get(existing.id);
        if (!row) {
          kept.push(existing);
          continue;
        }
        changed = true;
        // In a search only the server knows whether a row matches: keep it in place, updated.
        if (matchesFilters(row, filters, userId) === null) {
          kept.push(row);
          fresh.delete(row.id);
        }
      }
      return { ...page, conversations: kept };
    });
    const toPlace = [...fresh.values()].filter((row) => matchesFilters(row, filters, userId) === true);
    if (toPlace.length > 0) {
      const last = pages.at(-1);
      const hasMore = last?.nextCursor != null;
      const all = pages.flatMap((page) => page.conversations);
      const oldest = all.at(-1);
      for (const row of toPlace) {
        if (hasMore && oldest && compareConversations(row, oldest) > 0) continue;
        changed = true;
        // Place into the page whose range covers it (the first page whose last row sorts after it).
        const target =
          pages.find((page) => {
            const end = page.conversations.at(-1);
            return end === undefined || compareConversations(row, end) <= 0;
          }) ?? pages.at(-1);
        if (!target) continue;
        target.conversations = [...target.conversations, row].sort(compareConversations);
      }
    }
    if (changed) queryClient.setQueryData<ListData>(key, { ...data, pages });
  }
}

/**
 * The server's answer to this agent's own change of a conversation (state, assignee, labels) paints
 * at once. A refetch of the conversation or of a list already in flight (one a labels-changed event
 * started, say) may have been read before the change and would land over it: it is asked again.
 */
export function applyConversationChange(queryClient: QueryClient, row: ConversationListItem, userId: string): void {
  upsertConversationRows(queryClient, [row], userId); // the conversation's own read: asked again there
  const queryKey = inboxKeys.lists();
  if (queryClient.isFetching({ queryKey }) > 0)
    void queryClient.invalidateQueries({ queryKey }, { cancelRefetch: true });
}

/** A conversation that no longer exists (folded into another): its row leaves every list. */
export function removeConversationRow(queryClient: QueryClient, conversationId: string): void {
  queryClient.setQueriesData<ListData>({ queryKey: inboxKeys.lists() }, (data) =>
    data
      ? {
          ...data,
          pages: data.pages.map((page) => ({
            ...page,
            conversations: page.conversations.filter((row) => row.id !== conversationId),
          })),
        }
      : data,
  );
  queryClient.removeQueries({ queryKey: inboxKeys.detail(conversationId) });
}

/**
 * This agent read a conversation: its unread badge goes at once, before the server answers — and
 * with it the badge of notes mentioning them (opening the conversation is seeing them).
 */
export function setConversationUnread(queryClient: QueryClient, conversationId: string, unreadCount: number): void {
  const patch = (row: ConversationListItem) =>
    row.id === conversationId ? { ...row, unreadCount, ...(unreadCount === 0 ? { unreadMentions: 0 } : {}) } : row;
  queryClient.setQueriesData<ListData>({ queryKey: inboxKeys.lists() }, (data) =>
    data
      ? { ...data, pages: data.pages.map((page) => ({ ...page, conversations: page.conversations.map(patch) })) }
      : data,
  );
  queryClient.setQueryData<ConversationListItem>(inboxKeys.detail(conversationId), (row) => (row ? patch(row) : row));
}

function compareMessages(a: ThreadMessage, b: ThreadMessage): number {
  if (a.timestamp !== b.timestamp) return a.timestamp < b.timestamp ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The same message: by id, or by the client id the sender's browser gave it — so the server's
 * message replaces the pending bubble inserted on Enter, whichever arrives first (the POST's answer
 * or the message-created event), and the thread never shows it twice.
 */
function isSameMessage(existing: ThreadMessage, message: ThreadMessage): boolean {
  return existing.id === message.id || (message.clientId !== null && existing.clientId === message.clientId);
}

/** Adds (or replaces) a message in its loaded thread; pages[0] holds the newest messages. */
export function upsertThreadMessage(queryClient: QueryClient, message: ThreadMessage): void {
  queryClient.setQueryData<ThreadData>(inboxKeys.thread(message.conversationId), (data) => {
    if (!data || data.pages.length === 0) return data;
    const existing = data.pages.findIndex((page) => page.messages.some((m) => isSameMessage(m, message)));
    if (existing >= 0) {
      return {
        ...data,
        pages: data.pages.map((page, index) =>
          index === existing
            ? {
                ...page,
                messages: page.messages
                  .map((m) => (isSameMessage(m, message) ? mergeMessage(m, message) : m))
                  .sort(compareMessages),
              }
            : page,
        ),
      };
    }
    const [newest, ...older] = data.pages;
    const messages = [...newest!.messages, message].sort(compareMessages);
    return { ...data, pages: [{ ...newest!, messages }, ...older] };
  });
}

/** Where a send is: a later answer about an earlier step (a slow POST after the "sent" event) is stale. */
const sendStateRank = (state: ThreadMessage["sendState"]) =>
  state === null ? -1 : state === "queued" ? 0 : state === "sending" ? 1 : 2;

/**
 * A refetched message may be older than what events already applied: keep the later tick and the
 * later send state (and the wamid, the retry link once known). A pending bubble of this browser
 * (LOCAL_ID_PREFIX) gives way to the server's message entirely.
 */
export function mergeMessage(current: ThreadMessage, incoming: ThreadMessage): ThreadMessage {
  if (isLocalMessage(current)) return incoming;
  let merged = incoming;
  if (!isStatusAdvance(current.status, incoming.status)) {
    merged = {
      ...merged,
      status: current.status,
      statusAt: current.statusAt,
      errorCode: current.errorCode,
      errorTitle: current.errorTitle,
    };
  }
  if (sendStateRank(incoming.sendState) < sendStateRank(current.sendState)) {
    merged = { ...merged, sendState: current.sendState, sendError: current.sendError };
  }
  if (merged.wamid === null && current.wamid !== null) merged = { ...merged, wamid: current.wamid };
  // The later view of a file wins (a refetch read before the download ended must not show it
  // loading again), and a stored file stays stored.
  if (current.media && merged.media && isLaterMedia(current.media, merged.media)) {
    merged = { ...merged, media: current.media };
  }
  if (merged.retriedById === null && current.retriedById !== null) {
    merged = { ...merged, retriedById: current.retriedById };
  }
  return merged;
}

function isLaterMedia(current: MediaFileView, incoming: MediaFileView): boolean {
  if (current.state === "stored") return incoming.state !== "stored";
  return current.updatedAt > incoming.updatedAt;
}

/** Ids of bubbles this browser shows before the server has recorded them. */
export const LOCAL_ID_PREFIX = "local:";
export const isLocalMessage = (message: Pick<ThreadMessage, "id">) => message.id.startsWith(LOCAL_ID_PREFIX);

/** Moves a tick forward in the loaded thread; an event that would move it back is ignored. */
export function applyStatusChange(queryClient: QueryClient, event: MessageStatusChangedEvent): void {
  const next = event.status as MessageStatus;
  queryClient.setQueryData<ThreadData>(inboxKeys.thread(event.conversationId), (data) => {
    if (!data) return data;
    let changed = false;
    const pages = data.pages.map((page) => {
      if (!page.messages.some((m) => m.id === event.messageId)) return page;
      return {
        ...page,
        messages: page.messages.map((m) => {
          if (m.id !== event.messageId || !isStatusAdvance(m.status, next)) return m;
          if (m.status === next && m.statusAt === event.statusAt && m.errorCode === event.errorCode) return m;
          changed = true;
          return {
            ...m,
            status: next,
            statusAt: event.statusAt,
            errorCode: event.errorCode,
            errorTitle: event.errorTitle,
          };
        }),
      };
    });
    return changed ? { ...data, pages } : data;
  });
}

export function findThreadMessageByWamid(
  queryClient: QueryClient,
  conversationId: string,
  wamid: string,
): ThreadMessage | null {
  const data = queryClient.getQueryData<ThreadData>(inboxKeys.thread(conversationId));
  for (const page of data?.pages ?? []) {
    const found = page.messages.find((m) => m.wamid === wamid);
    if (found) return found;
  }
  return null;
}

/** The first screen as the server rendered it: the cache starts from it instead of asking again. */
export function seedInboxCache(queryClient: QueryClient, start: InboxStart, conversationId: string | null): void {
  queryClient.setQueryData<ListData>(inboxKeys.list(start.filters), {
    pages: [start.page],
    pageParams: [null],
  });
  queryClient.setQueryData(inboxKeys.unread(), start.unread);
  queryClient.setQueryData(inboxKeys.phoneNumbers, start.phoneNumbers);
  if (conversationId && start.conversation && start.messages) {
    queryClient.setQueryData(inboxKeys.detail(conversationId), start.conversation);
    queryClient.setQueryData<ThreadData>(inboxKeys.thread(conversationId), {
      pages: [start.messages],
      pageParams: [null],
    });
  }
  if (start.contact) queryClient.setQueryData(contactKeys.detail(start.contact.id), start.contact);
}

/**
 * An event arrived while a request for the same data was in flight: that answer may predate the
 * event and would overwrite the patch. Cancel it and ask again (the new answer includes the event).
 * Also covers data not loaded yet, where there is nothing to patch.
 */
export function refetchIfLoading(queryClient: QueryClient, queryKey: readonly unknown[]): void {
  const loading = queryClient
    .getQueryCache()
    .findAll({ queryKey })
    .some((query) => query.state.fetchStatus === "fetching" || query.state.data === undefined);
  if (loading) refetchDroppingInFlight(queryClient, queryKey);
}

/**
 * Asks again for data, dropping any answer already in flight (it may have been read before what the
 * caller just learned). `invalidateQueries`' own `cancelRefetch` cancels a request only for data
 * already loaded: a first load in flight would be joined instead, and its old answer would win.
 */
export function refetchDroppingInFlight(
  queryClient: QueryClient,
  queryKey: readonly unknown[],
  /** "all": also data no component shows right now (kept ready for the next one), not only on its next use. */
  refetchType: "active" | "all" = "active",
): void {
  void queryClient
    .cancelQueries({ queryKey, fetchStatus: "fetching" }, { revert: true, silent: true })
    .then(() => queryClient.invalidateQueries({ queryKey, refetchType }, { cancelRefetch: true }));
}

/**
 * A user went online or away: the assignee pickers say so at once. The agents' list may be loading
 * (the page just opened, or a catch-up after reconnecting) with an answer read before the change:
 * that answer would put the old availability back, so it is asked for again.
 */
export function applyAvailabilityChange(
  queryClient: QueryClient,
  { userId, availability }: { userId: string; availability: AgentView["availability"] },
): void {
  queryClient.setQueryData<AgentView[]>(inboxKeys.agents, (agents) =>
    agents?.map((agent) => (agent.id === userId ? { ...agent, availability } : agent)),
  );
  refetchIfLoading(queryClient, inboxKeys.agents);
}
