"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { QueryProvider } from "@/components/providers/query-provider";
import { RealtimeProvider } from "@/components/providers/realtime-provider";
import { type ConversationFilters, defaultConversationFilters, type InboxStart } from "@/lib/inbox/inbox-views";
import { useUpdateConversation } from "@/lib/queries/use-conversation-actions";
import { useConversationList, usePhoneNumbers, useUnreadSummary } from "@/lib/queries/use-conversations";
import { seedInboxCache } from "@/lib/queries/inbox-cache";
import { useInboxRealtime } from "@/lib/queries/use-inbox-realtime";
import { ConnectionStatus } from "./connection-status";
import { ConversationFiltersBar } from "./conversation-filters";
import { ConversationList, type ConversationListHandle } from "./conversation-list";
import { inboxTitle } from "./format";
import { ShortcutsDialog } from "./shortcuts-dialog";
import { Thread } from "./thread";

export type InboxUser = { id: string; name: string; role: "admin" | "agent" };
type Props = { user: InboxUser; initialConversationId: string | null; notice: string | null; start: InboxStart };

const SEARCH_DEBOUNCE_MS = 250;

/** The inbox island: conversation list + open thread, live over Pusher, keyboard-first. */
export function InboxClient(props: Props) {
  const { start, initialConversationId } = props;
  return (
    <QueryProvider seed={(queryClient) => seedInboxCache(queryClient, start, initialConversationId)}>
      <RealtimeProvider>
        <Inbox {...props} />
      </RealtimeProvider>
    </QueryProvider>
  );
}

function conversationIdFromPath(pathname: string): string | null {
  const match = /^\/inbox\/([^/]+)$/.exec(pathname);
  return match ? decodeURIComponent(match[1]!) : null;
}

function Inbox({ user, initialConversationId, notice }: Omit<Props, "start">) {
  useInboxRealtime(user.id);
  const [selectedId, setSelectedId] = useState<string | null>(initialConversationId);
  const [filters, setFilters] = useState<ConversationFilters>(defaultConversationFilters);
  const [searchInput, setSearchInput] = useState("");
  const [showShortcuts, setShowShortcuts] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<ConversationListHandle>(null);

  useEffect(() => {
    const timer = setTimeout(() => setFilters((current) => ({ ...current, search: searchInput })), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [searchInput]);

  const list = useConversationList(filters);
  const rows = useMemo(() => list.data?.pages.flatMap((page) => page.conversations) ?? [], [list.data]);
  const phoneNumbers = usePhoneNumbers();
  const unread = useUnreadSummary();
  const update = useUpdateConversation(user.id);

  const unreadConversations = unread.data?.unreadConversations ?? 0;
  useEffect(() => {
    document.title = inboxTitle(unreadConversations);
  }, [unreadConversations]);

  // The URL follows the selection (deep links, reload, back button) without a server round trip.
  const select = useCallback((id: string | null) => {
    setSelectedId(id);
    const path = id ? `/inbox/${encodeURIComponent(id)}` : "/inbox";
    if (window.location.pathname !== path) window.history.pushState(null, "", path);
  }, []);
  useEffect(() => {
    const onPopState = () => setSelectedId(conversationIdFromPath(window.location.pathname));
    window.addEventListener("popstate", onPopState);
    return () => window.removeEventListener("popstate", onPopState);
  }, []);

  const move = useCallback(
    (step: 1 | -1) => {
      if (rows.length === 0) return;
      const index = rows.findIndex((row) => row.id === selectedId);
      const next =
        index === -1 ? (step === 1 ? 0 : rows.length - 1) : Math.min(rows.length - 1, Math.max(0, index + step));
      select(rows[next]!.id);
      listRef.current?.scrollToIndex(next);
    },
    [rows, selectedId, select],
  );

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.metaKey || event.ctrlKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest("input, textarea, select, [contenteditable='true'], [role='dialog']")) return;
      if (event.key === "j") move(1);
      else if (event.key === "k") move(-1);
      else if (event.key === "/") searchRef.current?.focus();
      else if (event.key === "?") setShowShortcuts(true);
      else if (event.key === "e" && selectedId) {
        update.mutate({ conversationId: selectedId, change: { status: "resolved" } });
      } else return;
      event.preventDefault();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [move, selectedId, update]);

  const filtered =
    filters.status !== "all" || filters.assignee !== "all" || filters.phoneNumberId !== null || filters.search !== "";
  // "No conversations yet" only when the unfiltered inbox is empty; a filter hiding everything says so.
  const showNumber = (phoneNumbers.data?.length ?? 0) >= 2;

  return (
    <div className="flex h-[calc(100dvh-3.5rem)] min-h-0 bg-white">
      <nav
        aria-label="Conversations"
        className={`${selectedId ? "hidden md:flex" : "flex"} w-full min-w-0 flex-col border-r border-slate-200 md:w-80 lg:w-96`}
      >
        <div className="flex items-center justify-between px-4 pt-3">
          <h1 className="text-lg font-semibold">Inbox</h1>
          <div className="flex items-center gap-3">
            <ConnectionStatus />
            <button
              type="button"
              onClick={() => setShowShortcuts(true)}
              aria-label="Keyboard shortcuts"
              className="rounded border border-slate-300 px-1.5 text-xs font-semibold text-slate-600 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-emerald-700"
            >
              ?
            </button>
          </div>
        </div>
        {notice ? (
          <p
            role="status"
            className="mx-3 mt-2 rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900"
          >
            {notice}
          </p>
        ) : null}
        <ConversationFiltersBar
          filters={filters}
          onChange={(change) => setFilters((current) => ({ ...current, ...change }))}
          searchInput={searchInput}
          onSearchInput={setSearchInput}
          searchRef={searchRef}
          phoneNumbers={phoneNumbers.data ?? []}
        />
        <ConversationList
          ref={listRef}
          rows={rows}
          selectedId={selectedId}
          onSelect={select}
          showNumber={showNumber}
          filtered={filtered}
          isPending={list.isPending}
          error={list.error}
          onRetry={() => void list.refetch()}
          hasNextPage={list.hasNextPage}
          isFetchingNextPage={list.isFetchingNextPage}
          fetchNextPage={() => void list.fetchNextPage()}
        />
      </nav>
      <div className={`${selectedId ? "flex" : "hidden md:flex"} min-w-0 flex-1 flex-col`}>
        {selectedId ? (
          <Thread key={selectedId} conversationId={selectedId} userId={user.id} onBack={() => select(null)} />
        ) : (
          <div className="flex flex-1 flex-col items-center justify-center gap-2 bg-slate-50 text-center text-sm text-slate-500">
            <p className="font-medium text-slate-700">Select a conversation</p>
            <p>
              Use <kbd className="rounded border border-slate-300 bg-white px-1 font-mono text-xs">j</kbd> and{" "}
              <kbd className="rounded border border-slate-300 bg-white px-1 font-mono text-xs">k</kbd> to move,{" "}
              <kbd className="rounded border border-slate-300 bg-white px-1 font-mono text-xs">?</kbd> for all
              shortcuts.
            </p>
          </div>
        )}
      </div>
      {showShortcuts ? <ShortcutsDialog onClose={() => setShowShortcuts(false)} /> : null}
    </div>
  );
}
