"use client";

import { Fragment, memo, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Button, Spinner } from "@/components/ui/button";
import { isNote, type MessagePage, type ThreadMessage } from "@/lib/views/inbox";
import { useConversation } from "@/lib/queries/use-conversations";
import { useThread } from "@/lib/queries/use-thread";
import { DaySeparator, dayKey } from "./message/day-separator";
import { MessageBubble } from "./message/message-bubble";
import { NoteBubble } from "./message/note-bubble";
import { contactLabel } from "./format";
import { ThreadAnnouncer } from "./thread-announcer";
import { useDrawAllAfterFirstFrame } from "./use-draw-all";

const NEAR_BOTTOM_PX = 80;
/** Bubbles in a newly opened thread's first frame: more than a tall screen shows of one-line messages. */
const FIRST_FRAME_MESSAGES = 30;

/**
 * The thread, newest at the bottom. The scroll container is column-reverse, so it opens at the
 * newest message, stays pinned there as messages arrive, and older pages loaded above do not move
 * what the agent is reading.
 */
export function MessageList({ conversationId }: { conversationId: string }) {
  const thread = useThread(conversationId);
  const contact = useConversation(conversationId).data?.contact;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = thread;
  // Oldest page first on screen; the cache keeps the newest first (pages[0]).
  const pages = useMemo(() => (thread.data ? [...thread.data.pages].reverse() : []), [thread.data]);
  const messages = useMemo(() => pages.flatMap((page) => page.messages), [pages]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const sentinelRef = useRef<HTMLDivElement>(null);

  // A thread opens on its newest messages (the view is pinned to the bottom): its first frame draws
  // only the newest FIRST_FRAME_MESSAGES, which fill the screen, and the rest of the page comes in
  // the next task, out of sight above them. Opening a conversation renders ~40 % fewer bubbles
  // before it is on screen (with the contact panel, which paints in the same frame).
  const drawAll = useDrawAllAfterFirstFrame(thread.data !== undefined);

  useEffect(() => {
    const sentinel = sentinelRef.current;
    // Not before the whole page is drawn: the shortened first frame would bring the sentinel near.
    if (!sentinel || !hasNextPage || !drawAll) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting) && !isFetchingNextPage) void fetchNextPage();
      },
      { root: scrollRef.current, rootMargin: "600px 0px 0px 0px" },
    );
    observer.observe(sentinel);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage, messages.length, drawAll]);

  // A message arriving while the agent reads further up does not pull the view down: a pill says
  // there is something new below. (In a column-reverse scroller, scrollTop is 0 at the bottom and
  // negative above it.)
  const newestId = messages.at(-1)?.id;
  const seenNewestId = useRef(newestId);
  const [newBelow, setNewBelow] = useState(false);
  useEffect(() => {
    if (newestId === seenNewestId.current) return;
    const hadMessages = seenNewestId.current !== undefined;
    seenNewestId.current = newestId;
    if (hadMessages && (scrollRef.current?.scrollTop ?? 0) < -NEAR_BOTTOM_PX) setNewBelow(true);
  }, [newestId]);
  const onScroll = useCallback(() => {
    if ((scrollRef.current?.scrollTop ?? 0) >= -NEAR_BOTTOM_PX) setNewBelow(false);
  }, []);

  // Stable across page loads (reads the messages through a ref), so loaded pages never re-render.
  const messagesRef = useRef(messages);
  useEffect(() => {
    messagesRef.current = messages;
  }, [messages]);
  const jumpTo = useCallback((wamid: string) => {
    const target = messagesRef.current.find((message) => message.wamid === wamid);
    if (!target) return;
    const element = scrollRef.current?.querySelector<HTMLElement>(`[data-message-id="${CSS.escape(target.id)}"]`);
    if (!element) return;
    element.scrollIntoView({ block: "center", behavior: "smooth" });
    element.animate([{ backgroundColor: "rgb(254 243 199)" }, { backgroundColor: "transparent" }], {
      duration: 1500,
    });
  }, []);

  if (thread.isPending) {
    return (
      <div role="status" className="flex flex-1 items-center justify-center gap-2 text-sm text-slate-500">
        <Spinner /> Loading messages…
      </div>
    );
  }
  if (thread.error && messages.length === 0) {
    return (
      <div role="alert" className="flex flex-1 flex-col items-center justify-center gap-3 text-sm text-slate-600">
        <p>Could not load messages: {thread.error.message}</p>
        <Button variant="secondary" onClick={() => void thread.refetch()}>
          Try again
        </Button>
      </div>
    );
  }

  return (
    <div className="relative flex min-h-0 flex-1 flex-col">
      {/* Focusable, so the thread scrolls from the keyboard even when no message has an action. */}
      <div
        ref={scrollRef}
        data-testid="message-list"
        role="region"
        aria-label="Messages"
        tabIndex={0}
        onScroll={onScroll}
        className="flex min-h-0 flex-1 flex-col-reverse overflow-y-auto bg-[#efeae2] px-3 py-4 outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-emerald-700 sm:px-6"
      >
        <div className="space-y-1">
          <div ref={sentinelRef} aria-hidden="true" />
          {isFetchingNextPage ? (
            <div role="status" className="flex justify-center gap-2 py-2 text-xs text-slate-600">
              <Spinner /> Loading older messages…
            </div>
          ) : null}
          {!hasNextPage && messages.length > 0 && drawAll ? (
            <p className="py-2 text-center text-xs text-slate-700">Start of the conversation</p>
          ) : null}
          {messages.length === 0 ? <p className="py-8 text-center text-sm text-slate-700">No messages yet.</p> : null}
          {pages.map((page, index) => (
            <ThreadPage
              key={index === pages.length - 1 ? "newest" : (page.messages[0]?.id ?? index)}
              {...pageOnScreen(pages, index, drawAll)}
              onJumpToMessage={jumpTo}
            />
          ))}
        </div>
      </div>
      <ThreadAnnouncer messages={messages} contactName={contact ? contactLabel(contact) : "The customer"} />
      {newBelow ? (
        <button
          type="button"
          onClick={() => {
            scrollRef.current?.scrollTo({ top: 0, behavior: "smooth" });
            setNewBelow(false);
          }}
          className="absolute bottom-4 left-1/2 -translate-x-1/2 rounded-full bg-emerald-700 px-4 py-1.5 text-sm font-medium text-white shadow-lg hover:bg-emerald-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-700"
        >
          New messages ↓
        </button>
      ) : null}
    </div>
  );
}

/**
 * One page of the thread. Pages are immutable in the cache until an event patches one, so loading
 * an older page renders 50 bubbles, not every bubble loaded so far (a 5,000-message thread stays
 * smooth to scroll back through).
 */
const ThreadPage = memo(function ThreadPage({
  messages,
  previousDay,
  onJumpToMessage,
}: {
  messages: ThreadMessage[];
  /** The day of the message just before this page (null at the start of the thread). */
  previousDay: string | null;
  onJumpToMessage: (wamid: string) => void;
}) {
  let lastDay = previousDay;
  // Layout containment: a page loaded above does not make the browser lay out the pages below again.
  // content-visibility: the browser skips style, layout and paint of pages far off screen (a long
  // thread of photos stays smooth to scroll); each keeps the height it last had on screen, and one
  // never drawn yet is about 50 bubbles tall until it comes near. It also clips its paint to its own
  // box, so it is lifted while a reaction menu is open in it (the menu reaches past the page's edge).
  return (
    <div className="space-y-1 [contain:layout_style] [content-visibility:auto] [contain-intrinsic-height:auto_3200px] has-[[data-reaction-menu]]:[content-visibility:visible]">
      {messages.map((message) => {
        const day = dayKey(message.timestamp);
        const newDay = day !== lastDay;
        lastDay = day;
        return (
          <Fragment key={message.id}>
            {newDay ? <DaySeparator date={message.timestamp} /> : null}
            {isNote(message) ? (
              <NoteBubble message={message} />
            ) : (
              <MessageBubble message={message} onJumpToMessage={onJumpToMessage} />
            )}
          </Fragment>
        );
      })}
    </div>
  );
});

/**
 * What one page draws: all of its messages, or in a thread's first frame only its newest
 * FIRST_FRAME_MESSAGES; and the day of the message just before them (their first day separator).
 */
function pageOnScreen(
  pages: MessagePage[],
  index: number,
  drawAll: boolean,
): { messages: ThreadMessage[]; previousDay: string | null } {
  const all = pages[index]!.messages;
  const hidden = drawAll ? 0 : Math.max(0, all.length - FIRST_FRAME_MESSAGES);
  if (hidden > 0) return { messages: all.slice(hidden), previousDay: dayKey(all[hidden - 1]!.timestamp) };
  return { messages: all, previousDay: index === 0 ? null : dayOfLast(pages[index - 1]!.messages) };
}

function dayOfLast(messages: ThreadMessage[]): string | null {
  const last = messages.at(-1);
  return last ? dayKey(last.timestamp) : null;
}
