"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { forwardRef, useEffect, useImperativeHandle, useRef } from "react";
import { Button, Spinner } from "@/components/ui/button";
import type { ConversationListItem } from "@/lib/views/inbox";
import { ConversationRow } from "./conversation-row";
import { EmptyInbox } from "./empty-inbox";

export type ConversationListHandle = { scrollToIndex: (index: number) => void };

type Props = {
  rows: ConversationListItem[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  showNumber: boolean;
  filtered: boolean;
  /** Sandbox mode: an empty inbox points at the simulator. */
  sandbox: boolean;
  isPending: boolean;
  error: Error | null;
  onRetry: () => void;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => void;
};

const ROW_ESTIMATE = 84;

/** Only the rows on screen are in the DOM, so 10,000 conversations scroll like 10. */
export const ConversationList = forwardRef<ConversationListHandle, Props>(function ConversationList(
  {
    rows,
    selectedId,
    onSelect,
    showNumber,
    filtered,
    sandbox,
    isPending,
    error,
    onRetry,
    hasNextPage,
    isFetchingNextPage,
    fetchNextPage,
  },
  ref,
) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_ESTIMATE,
    overscan: 8,
    getItemKey: (index) => rows[index]?.id ?? index,
    // Before the list is measured (the server render, the first client render): a tall window's
    // worth of rows, so the rows come with the HTML.
    initialRect: { width: 384, height: 1000 },
  });
  useImperativeHandle(ref, () => ({ scrollToIndex: (index) => virtualizer.scrollToIndex(index, { align: "auto" }) }), [
    virtualizer,
  ]);

  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? -1;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastIndex >= rows.length - 15) fetchNextPage();
  }, [lastIndex, rows.length, hasNextPage, isFetchingNextPage, fetchNextPage]);

  return (
    <div
      ref={scrollRef}
      data-testid="conversation-list"
      className="min-h-0 flex-1 overflow-y-auto"
      aria-busy={isPending}
    >
      {isPending ? (
        <ListSkeleton />
      ) : error && rows.length === 0 ? (
        <div role="alert" className="space-y-3 p-6 text-center text-sm text-slate-600">
          <p>Could not load conversations: {error.message}</p>
          <Button variant="secondary" onClick={onRetry}>
            Try again
          </Button>
        </div>
      ) : rows.length === 0 ? (
        <EmptyInbox filtered={filtered} sandbox={sandbox} />
      ) : (
        <ul className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = rows[item.index]!;
            return (
              <li
                key={item.key}
                data-index={item.index}
                ref={virtualizer.measureElement}
                className="absolute left-0 top-0 w-full"
                style={{ transform: `translateY(${item.start}px)` }}
              >
                <ConversationRow
                  conversation={row}
                  selected={row.id === selectedId}
                  showNumber={showNumber}
                  onSelect={onSelect}
                />
              </li>
            );
          })}
        </ul>
      )}
      {isFetchingNextPage ? (
        <div role="status" className="flex items-center justify-center gap-2 py-3 text-xs text-slate-600">
          <Spinner /> Loading more…
        </div>
      ) : null}
    </div>
  );
});

function ListSkeleton() {
  return (
    <div role="status" aria-label="Loading conversations">
      {Array.from({ length: 8 }, (_, index) => (
        <div key={index} className="flex gap-3 border-b border-slate-100 px-4 py-3">
          <div className="size-10 animate-pulse rounded-full bg-slate-200" />
          <div className="flex-1 space-y-2 py-1">
            <div className="h-3 w-1/2 animate-pulse rounded bg-slate-200" />
            <div className="h-3 w-4/5 animate-pulse rounded bg-slate-100" />
          </div>
        </div>
      ))}
    </div>
  );
}
