"use client";

import { useEffect, useId, useRef, useState } from "react";
import type { LabelChipView } from "@/lib/views/labels";
import { LabelSwatch } from "./label-chip";

type Props = {
  /** What it picks for, e.g. "Labels of this conversation" (its accessible name). */
  title: string;
  labels: LabelChipView[];
  selectedIds: string[];
  onToggle: (label: LabelChipView, on: boolean) => void;
  /** Escape (focus should go back to the opener) or a click outside (it goes where clicked). */
  onClose: (reason: "escape" | "outside") => void;
  /** Conversations per label (the list filter shows them). */
  countOf?: (labelId: string) => number;
  loading?: boolean;
  error?: string | null;
  /** What to say when there are no labels at all. */
  empty: string;
  className?: string;
};

/**
 * A searchable multi-select of labels: the search box keeps focus (a combobox), arrows move, Enter
 * toggles the highlighted label, Escape, Tab or a click outside closes. Used in the thread (`l`) and by
 * the list's label filter.
 */
export function LabelPicker({
  title,
  labels,
  selectedIds,
  onToggle,
  onClose,
  countOf,
  loading,
  error,
  empty,
  className = "",
}: Props) {
  const id = useId();
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const panelRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const shown = labels.filter((label) => label.name.toLowerCase().includes(query.trim().toLowerCase()));
  const activeIndex = Math.min(active, Math.max(0, shown.length - 1));

  useEffect(() => {
    inputRef.current?.focus();
    const onPointerDown = (event: PointerEvent) => {
      if (!panelRef.current?.contains(event.target as Node)) onClose("outside");
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [onClose]);

  // The highlighted label is always in view: arrows past the list's edge scroll it.
  useEffect(() => {
    listRef.current?.children[activeIndex]?.scrollIntoView({ block: "nearest" });
  }, [activeIndex]);

  const toggle = (label: LabelChipView | undefined) => {
    if (label) onToggle(label, !selectedIds.includes(label.id));
  };

  return (
    <div
      ref={panelRef}
      data-testid="label-picker"
      // Tab (or anything else) taking the focus out of the picker closes it, as a click outside does.
      onBlur={(event) => {
        const to = event.relatedTarget;
        if (to instanceof Node && !event.currentTarget.contains(to)) onClose("outside");
      }}
      className={`z-30 w-64 rounded-lg border border-slate-200 bg-white p-2 text-sm shadow-lg ${className}`}
    >
      <input
        ref={inputRef}
        type="text"
        role="combobox"
        aria-label={`${title}: search`}
        aria-expanded="true"
        aria-controls={`${id}-list`}
        aria-activedescendant={shown[activeIndex] ? `${id}-${shown[activeIndex].id}` : undefined}
        placeholder="Search labels"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={(event) => {
          if (event.key === "ArrowDown") setActive(Math.min(activeIndex + 1, shown.length - 1));
          else if (event.key === "ArrowUp") setActive(Math.max(activeIndex - 1, 0));
          else if (event.key === "Enter") toggle(shown[activeIndex]);
          else if (event.key === "Escape") onClose("escape");
          else return;
          event.preventDefault();
          event.stopPropagation();
        }}
        className="block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm focus:border-emerald-600 focus:ring-2 focus:ring-emerald-600/30 focus:outline-none"
      />
      {loading ? (
        <p role="status" className="px-1 pt-2 text-slate-500">
          Loading labels…
        </p>
      ) : error ? (
        <p role="alert" className="px-1 pt-2 text-red-700">
          {error}
        </p>
      ) : labels.length === 0 ? (
        <p role="status" className="px-1 pt-2 text-slate-500">
          {empty}
        </p>
      ) : shown.length === 0 ? (
        <p role="status" className="px-1 pt-2 text-slate-500">
          No label matches “{query}”.
        </p>
      ) : null}
      <ul
        ref={listRef}
        id={`${id}-list`}
        role="listbox"
        // Not a tab stop (Chromium makes a scrolling box one): the search box drives it.
        tabIndex={-1}
        aria-label={title}
        aria-multiselectable="true"
        className="mt-1 max-h-60 overflow-y-auto"
      >
        {shown.map((label, index) => {
          const selected = selectedIds.includes(label.id);
          return (
            <li
              key={label.id}
              id={`${id}-${label.id}`}
              role="option"
              aria-selected={selected}
              // Keep focus in the search box: toggle on mousedown, before it would blur.
              onMouseDown={(event) => {
                event.preventDefault();
                toggle(label);
              }}
              onMouseEnter={() => setActive(index)}
              className={`flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 ${
                index === activeIndex ? "bg-emerald-50 text-emerald-950" : "text-slate-800"
              }`}
            >
              <span
                aria-hidden="true"
                className={`flex size-4 shrink-0 items-center justify-center rounded border text-[10px] ${
                  selected ? "border-emerald-700 bg-emerald-700 text-white" : "border-slate-400 bg-white"
                }`}
              >
                {selected ? "✓" : ""}
              </span>
              <LabelSwatch color={label.color} />
              <span dir="auto" className="min-w-0 flex-1 truncate">
                {label.name}
              </span>
              {countOf ? (
                <span className="shrink-0 tabular-nums text-xs text-slate-500">{countOf(label.id)}</span>
              ) : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
