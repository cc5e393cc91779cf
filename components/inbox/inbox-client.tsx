"use client";

import dynamic from "next/dynamic";
import { useQueryClient } from "@tanstack/react-query";
import {
  type ComponentProps,
  type ComponentType,
  lazy,
  Suspense,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { QueryProvider } from "@/components/providers/query-provider";
import { RealtimeProvider } from "@/components/providers/realtime-provider";
import {
  type ConversationFilters,
  type ConversationListItem,
  type ConversationStatus,
  defaultConversationFilters,
  filtersFromSearch,
  filtersToSearch,
  type InboxStart,
} from "@/lib/views/inbox";
import { useUpdateConversation } from "@/lib/queries/use-conversation-actions";
import {
  agentsQueryOptions,
  useConversationCounts,
  useConversationList,
  usePhoneNumbers,
  useUnreadSummary,
} from "@/lib/queries/use-conversations";
import { seedInboxCache } from "@/lib/queries/inbox-cache";
import { prefetchConversation } from "@/lib/queries/prefetch-conversation";
import { useInboxRealtime } from "@/lib/queries/use-inbox-realtime";
import { ConnectionStatus } from "./connection-status";
import { ConversationFiltersBar } from "./conversation-filters";
import { ConversationList, type ConversationListHandle } from "./conversation-list";
import { contactLabel, inboxTitle } from "./format";
import { SendingStatusBanner } from "./sending-status-banner";
import { useDesktopNotifications } from "./use-desktop-notifications";
import { LazyUntilOpen } from "@/components/ui/lazy-until-open";
import { warmDateFormats } from "@/components/ui/time";
import { registeredThread, registerThread } from "./thread-registry";

// The thread (bubbles, composer, dialogs) is its own chunk: /inbox paints its list without it and
// fetches it when idle; a deep link brings it with the page (thread-in-page.tsx).
const DynamicThread = dynamic(() => import("./thread").then((module) => module.Thread), {
  loading: () => <p className="m-auto text-sm text-slate-500">Loading conversation…</p>,
});
const preloadThread = () => void import("./thread").then((module) => registerThread(module.Thread));
type ThreadProps = ComponentProps<typeof DynamicThread>;

/**
 * The open conversation's thread: the component itself once its module is here (thread-registry.ts
 * says why), else next/dynamic's (a click before the idle preload has finished). Chosen once per
 * opened conversation (the slot is keyed by it): a thread on screen is never swapped for the other
 * component and remounted.
 */
function Thread(props: ThreadProps) {
  const [View] = useState<ComponentType<ThreadProps>>(() => registeredThread() ?? DynamicThread);
  return <View {...props} />;
}

// Loaded when first opened, not before the first paint (with the number parser, ~30 KB compressed).
const NewConversationDialog = lazy(() =>
  import("./new-conversation-dialog").then((module) => ({ default: module.NewConversationDialog })),
);
const ShortcutsDialog = lazy(() =>
  import("./shortcuts-dialog").then((module) => ({ default: module.ShortcutsDialog })),
);

export type InboxUser = { id: string; name: string; role: "admin" | "agent" };
type Props = {
  user: InboxUser;
  initialConversationId: string | null;
  notice: string | null;
  start: InboxStart;
  /** Sandbox mode: the empty inbox points at the simulator. */
  sandbox: boolean;
};

const SEARCH_DEBOUNCE_MS = 250;

/** The inbox island: conversation list + open thread, live over Pusher, keyboard-first. */
export function InboxClient(props: Props) {
  const { start, initialConversationId } = props;
  return (
    <QueryProvider seed={(queryClient) => seedInboxCache(queryClient, start, initialConversationId)}>
      <RealtimeProvider>
        <Inbox {...props} initialFilters={start.filters} />
      </RealtimeProvider>
    </QueryProvider>
  );
}

function conversationIdFromPath(pathname: string): string | null {
  const match = /^\/inbox\/([^/]+)$/.exec(pathname);
  return match ? decodeURIComponent(match[1]!) : null;
}

/** The inbox URL: the open conversation in the path, the list's filters in the query. */
function inboxUrl(conversationId: string | null, filters: ConversationFilters): string {
  return `${conversationId ? `/inbox/${encodeURIComponent(conversationId)}` : "/inbox"}${filtersToSearch(filters)}`;
}

const UNDO_MS = 8_000;
type Undo = { conversationId: string; label: string; previousStatus: ConversationStatus };

function Inbox({
  user,
  initialConversationId,
  notice,
  sandbox,
  initialFilters,
}: Omit<Props, "start"> & { initialFilters: ConversationFilters }) {
  const [selectedId, setSelectedId] = useState<string | null>(initialConversationId);
  const [filters, setFilters] = useState<ConversationFilters>(initialFilters);
  const [searchInput, setSearchInput] = useState(initialFilters.search);
  const [undo, setUndo] = useState<Undo | null>(null);
  const [showShortcuts, setShowShortcuts] = useState(false);
  const [newConversation, setNewConversation] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<ConversationListHandle>(null);

  useEffect(() => {
    const timer = setTimeout(
      () => setFilters((current) => (current.search === searchInput ? current : { ...current, search: searchInput })),
      SEARCH_DEBOUNCE_MS,
    );
    return () => clearTimeout(timer);
  }, [searchInput]);

  const list = useConversationList(filters);
  const rows = useMemo(() => list.data?.pages.flatMap((page) => page.conversations) ?? [], [list.data]);
  const phoneNumbers = usePhoneNumbers();
  const unread = useUnreadSummary();
  const counts = useConversationCounts(filters.phoneNumberId, filters.labelIds);
  const update = useUpdateConversation(user.id);

  const unreadConversations = unread.data?.unreadConversations ?? 0;
  useEffect(() => {
    document.title = inboxTitle(unreadConversations);
  }, [unreadConversations]);

  // The URL follows the selection and the filters (deep links, reload, back button) without a
  // server round trip. Each filter change is a step back can undo; typing a search is one step.
  const filtersRef = useRef(filters);
  const queryClient = useQueryClient();
  const select = useCallback(
    (id: string | null) => {
      if (id) prefetchConversation(queryClient, id);
      setSelectedId(id);
      const url = inboxUrl(id, filtersRef.current);
      if (window.location.pathname + window.location.search !== url) window.history.pushState(null, "", url);
    },
    [queryClient],
  );
  // A selection can take away what held the keyboard's focus: the list hidden on a phone, the
  // contact panel's entry for another conversation, the thread's Back button. Focus then goes to
  // the conversation opened, or back to the row of the one closed — never to the page's start.
  const shownIdRef = useRef(selectedId);
  useEffect(() => {
    const closed = shownIdRef.current;
    shownIdRef.current = selectedId;
    if (closed === selectedId) return;
    const lost = () => {
      const active = document.activeElement;
      return !(active instanceof HTMLElement) || active === document.body || !active.checkVisibility();
    };
    if (!lost()) return;
    if (selectedId) {
      document.getElementById("thread")?.focus();
      return;
    }
    if (!closed) return;
    // The list was hidden (a phone): its virtual rows are drawn again over the next frames.
    const index = rows.findIndex((row) => row.id === closed);
    if (index !== -1) listRef.current?.scrollToIndex(index);
    const focusRow = (frames: number) => {
      const element = document.querySelector<HTMLElement>(`[data-conversation-id="${CSS.escape(closed)}"]`);
      if (element) element.focus();
      else if (frames > 0 && lost()) requestAnimationFrame(() => focusRow(frames - 1));
    };
    focusRow(10);
  }, [selectedId, rows]);
  useEffect(() => {
    const previous = filtersRef.current;
    filtersRef.current = filters;
    // The first render, or filters that came from the URL: the URL (with anything else it carries,
    // such as ?denied=admin) stays as it is.
    if (filtersToSearch(previous) === filtersToSearch(filters)) return;
    const url = inboxUrl(conversationIdFromPath(window.location.pathname), filters);
    if (window.location.pathname + window.location.search === url) return;
    const onlySearch =
      previous.status === filters.status &&
      previous.assignee === filters.assignee &&
      previous.phoneNumberId === filters.phoneNumberId &&
      previous.labelIds.join() === filters.labelIds.join();
    const typingOn = onlySearch && previous.search !== "" && filters.search !== "";
    if (typingOn) window.history.replaceState(null, "", url);
    else window.history.pushState(null, "", url);
  }, [filters]);
  useEffect(() => {
    const onPopState = () => {
      const fromUrl = filtersFromSearch(new URLSearchParams(window.location.search));
      filtersRef.current = fromUrl;
      setSelectedId(conversationIdFromPath(window.location.pathname));
      setFilters(fromUrl);
      setSearchInput(fromUrl.search);
    };
    window.addEventListener("popstate", onPopState);
    return () => window.removeEventListener("popstate", onPopState);
  }, []);

  // When the page is idle: what opening a conversation needs, so the click does not wait for it
  // (and the thread's header is not drawn a second time when the team arrives).
  useEffect(() => {
    const prepare = () => {
      preloadThread();
      warmDateFormats();
      void queryClient.prefetchQuery(agentsQueryOptions());
    };
    if (typeof window.requestIdleCallback !== "function") {
      const timer = setTimeout(prepare, 200);
      return () => clearTimeout(timer);
    }
    const idle = window.requestIdleCallback(prepare, { timeout: 2_000 });
    return () => window.cancelIdleCallback(idle);
  }, [queryClient]);

  const notifications = useDesktopNotifications({ userId: user.id, watchingId: selectedId, open: select });
  // The open conversation was folded into another (the customer's new number): show that one; or
  // deleted (the demo data): back to the list.
  const followGone = useCallback((from: string, into: string | null) => {
    if (conversationIdFromPath(window.location.pathname) !== from) return;
    setSelectedId(into);
    window.history.replaceState(null, "", inboxUrl(into, filtersRef.current));
  }, []);
  useInboxRealtime(user.id, notifications.onActivity, followGone);

  // e: resolve the open conversation and go on to the next one; the toast can take it back.
  const resolveAndMoveOn = useCallback(() => {
    if (!selectedId) return;
    const index = rows.findIndex((row) => row.id === selectedId);
    const current: ConversationListItem | undefined = rows[index];
    if (current?.status === "resolved") return;
    const next = index === -1 ? null : (rows[index + 1] ?? rows[index - 1] ?? null);
    const conversationId = selectedId;
    update.mutate(
      { conversationId, change: { status: "resolved" } },
      {
        onSuccess: () =>
          setUndo({
            conversationId,
            label: current ? contactLabel(current.contact) : "The conversation",
            previousStatus: current?.status ?? "open",
          }),
      },
    );
    select(next?.id ?? null);
    if (next) listRef.current?.scrollToIndex(rows.indexOf(next));
  }, [rows, selectedId, select, update]);
  const undoResolve = useCallback(() => {
    if (!undo) return;
    setUndo(null);
    update.mutate({ conversationId: undo.conversationId, change: { status: undo.previousStatus } });
    select(undo.conversationId);
  }, [undo, update, select]);
  useEffect(() => {
    if (!undo) return;
    const timer = setTimeout(() => setUndo(null), UNDO_MS);
    return () => clearTimeout(timer);
  }, [undo]);

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
      if (target?.closest("input, textarea, select, [contenteditable='true'], [role='dialog'], dialog")) return;
      if (event.key === "j") move(1);
      else if (event.key === "k") move(-1);
      else if (event.key === "/") searchRef.current?.focus();
      else if (event.key === "?") setShowShortcuts(true);
      else if (event.key === "e" && selectedId) resolveAndMoveOn();
      else if (event.key === "z" && undo) undoResolve();
      else return;
      event.preventDefault();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [move, selectedId, resolveAndMoveOn, undo, undoResolve]);

  // The default view (open, everyone) is not a search: an empty one says how messages arrive.
  const filtered =
    filters.status !== defaultConversationFilters.status ||
    filters.assignee !== "all" ||
    filters.phoneNumberId !== null ||
    filters.labelIds.length > 0 ||
    filters.search !== "";
  const showNumber = (phoneNumbers.data?.length ?? 0) >= 2;

  return (
    <div className="flex h-[calc(100dvh-var(--shell-top,3.5rem))] min-h-0 flex-col bg-white">
      <SendingStatusBanner isAdmin={user.role === "admin"} />
      <div className="flex min-h-0 flex-1">
        <nav
          aria-label="Conversations"
          className={`${selectedId ? "hidden md:flex" : "flex"} w-full min-w-0 flex-col border-r border-slate-200 md:w-80 lg:w-96`}
        >
          <div className="flex items-center justify-between px-4 pt-3">
            <h1 className="text-lg font-semibold">Inbox</h1>
            <div className="flex items-center gap-3">
              <ConnectionStatus />
              {notifications.supported ? (
                <button
                  type="button"
                  onClick={() => void notifications.toggle()}
                  disabled={notifications.blocked}
                  aria-pressed={notifications.enabled}
                  aria-label="Desktop notifications and sound"
                  title={
                    notifications.blocked
                      ? "Notifications are blocked for this site in the browser's settings"
                      : notifications.enabled
                        ? "Notifying you of new conversations and of messages in yours — click to stop"
                        : "Notify me of new conversations and of messages in mine (desktop + sound)"
                  }
                  className={`rounded p-0.5 focus-visible:outline-2 focus-visible:outline-emerald-700 disabled:opacity-50 ${
                    notifications.enabled ? "text-emerald-700" : "text-slate-500 hover:text-slate-700"
                  }`}
                >
                  <BellIcon className="size-4" crossed={!notifications.enabled} />
                </button>
              ) : null}
              <button
                type="button"
                onClick={() => setNewConversation(true)}
                className="rounded-md border border-emerald-700 px-2 py-1 text-xs font-semibold text-emerald-800 hover:bg-emerald-50 focus-visible:outline-2 focus-visible:outline-emerald-700"
              >
                New conversation
              </button>
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
            unreadMentions={unread.data?.unreadMentions ?? 0}
            counts={counts.data}
          />
          <ConversationList
            ref={listRef}
            rows={rows}
            selectedId={selectedId}
            onSelect={select}
            showNumber={showNumber}
            filtered={filtered}
            sandbox={sandbox}
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
            <Thread
              key={selectedId}
              conversationId={selectedId}
              userId={user.id}
              userName={user.name}
              onBack={() => select(null)}
              onOpenConversation={select}
            />
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
      </div>
      {update.isError && !undo ? (
        <p
          role="alert"
          className="fixed bottom-4 left-4 z-40 max-w-sm rounded-md bg-red-700 px-4 py-2 text-sm text-white shadow-lg"
        >
          Not changed: {update.error.message}
        </p>
      ) : null}
      <div aria-live="polite" className="fixed bottom-4 left-4 z-40">
        {undo ? (
          <div
            data-testid="undo-toast"
            className="flex max-w-sm items-center gap-3 rounded-md bg-slate-900 px-4 py-2 text-sm text-white shadow-lg"
          >
            <span>
              <strong className="font-semibold">{undo.label}</strong> resolved.
            </span>
            <button
              type="button"
              onClick={undoResolve}
              className="rounded px-1.5 py-0.5 font-semibold text-emerald-300 hover:bg-white/10 focus-visible:outline-2 focus-visible:outline-emerald-300"
            >
              Undo <kbd className="ml-1 rounded border border-white/30 px-1 font-mono text-xs">z</kbd>
            </button>
          </div>
        ) : null}
      </div>
      {showShortcuts ? (
        <Suspense fallback={null}>
          <ShortcutsDialog onClose={() => setShowShortcuts(false)} />
        </Suspense>
      ) : null}
      <LazyUntilOpen open={newConversation}>
        <NewConversationDialog
          open={newConversation}
          onClose={() => setNewConversation(false)}
          phoneNumbers={phoneNumbers.data ?? []}
          onStarted={(conversationId) => {
            setNewConversation(false);
            select(conversationId);
          }}
        />
      </LazyUntilOpen>
    </div>
  );
}

function BellIcon({ className, crossed }: { className?: string; crossed: boolean }) {
  return (
    <svg
      viewBox="0 0 24 24"
      className={className}
      aria-hidden="true"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
    >
      <path d="M6 16V11a6 6 0 0 1 12 0v5l1.5 2h-15z" strokeLinejoin="round" />
      <path d="M10 20a2 2 0 0 0 4 0" strokeLinecap="round" />
      {crossed ? <path d="M4 4l16 16" strokeLinecap="round" /> : null}
    </svg>
  );
}
