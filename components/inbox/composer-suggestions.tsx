"use client";

import { useEffect, useRef } from "react";

// The composer's pop-up lists: `@` suggests colleagues in a note, `/` at the start suggests canned
// replies. The textarea keeps focus (a combobox): arrows move, Enter or Tab picks, Escape closes.

/** What the text before the caret asks for, if anything. */
export type Suggestion =
  { kind: "mention"; start: number; end: number; query: string } | { kind: "canned"; query: string } | null;

export function suggestionAt({
  text,
  caret,
  mode,
}: {
  text: string;
  caret: number;
  mode: "reply" | "note";
}): Suggestion {
  // "/" opens canned replies only at the very start, while the text is one line (a path typed mid-sentence does not).
  if (text.startsWith("/") && !text.includes("\n") && caret > 0 && /^\/\S{0,40}$/.test(text)) {
    return { kind: "canned", query: text.slice(1).toLowerCase() };
  }
  if (mode !== "note") return null;
  const before = text.slice(0, caret);
  const match = /(^|\s)@([^\s@]{0,30})$/.exec(before);
  if (!match) return null;
  return { kind: "mention", start: caret - match[2]!.length - 1, end: caret, query: match[2]!.toLowerCase() };
}

export type SuggestionItem = { id: string; label: string; detail: string | null };

export function SuggestionList({
  id,
  title,
  items,
  activeIndex,
  loading,
  error,
  empty,
  onPick,
  onHover,
}: {
  id: string;
  title: string;
  items: SuggestionItem[];
  activeIndex: number;
  loading: boolean;
  error: string | null;
  empty: string;
  onPick: (index: number) => void;
  onHover: (index: number) => void;
}) {
  const listRef = useRef<HTMLUListElement>(null);
  // The highlighted item is always in view: arrows past the list's edge scroll it.
  useEffect(() => {
    listRef.current?.children[activeIndex]?.scrollIntoView({ block: "nearest" });
  }, [activeIndex]);
  return (
    <div
      data-testid="composer-suggestions"
      className="absolute bottom-full left-0 right-0 z-20 mb-1 max-h-64 overflow-y-auto rounded-lg border border-slate-200 bg-white py-1 text-sm shadow-lg"
    >
      <p className="px-3 py-1 text-xs font-medium text-slate-500">{title}</p>
      {loading ? (
        <p role="status" className="px-3 py-2 text-slate-500">
          Loading…
        </p>
      ) : error ? (
        <p role="alert" className="px-3 py-2 text-red-700">
          {error}
        </p>
      ) : items.length === 0 ? (
        <p role="status" className="px-3 py-2 text-slate-500">
          {empty}
        </p>
      ) : null}
      <ul ref={listRef} id={id} role="listbox" aria-label={title}>
        {items.map((item, index) => (
          <li
            key={item.id}
            id={`${id}-${index}`}
            role="option"
            aria-selected={index === activeIndex}
            // Keep the textarea focused: pick on mousedown, before it would blur.
            onMouseDown={(event) => {
              event.preventDefault();
              onPick(index);
            }}
            onMouseEnter={() => onHover(index)}
            className={`cursor-pointer px-3 py-1.5 ${index === activeIndex ? "bg-emerald-50 text-emerald-950" : "text-slate-800"}`}
          >
            <span className="block truncate font-medium">{item.label}</span>
            {item.detail ? <span className="block truncate text-xs text-slate-500">{item.detail}</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
