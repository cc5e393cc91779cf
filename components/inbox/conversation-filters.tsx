"use client";

import type { Ref } from "react";
import {
  type ConversationAssigneeFilter,
  type ConversationCounts,
  type ConversationFilters,
  type ConversationStatusFilter,
  type PhoneNumberView,
  tabCount,
} from "@/lib/views/inbox";
import { formatUnread, phoneNumberLabel } from "./format";
import { LabelFilter } from "./label-filter";

const statusOptions: { value: ConversationStatusFilter; label: string }[] = [
  { value: "open", label: "Open" },
  { value: "pending", label: "Pending" },
  { value: "resolved", label: "Resolved" },
  { value: "all", label: "All" },
];
const assigneeOptions: { value: ConversationAssigneeFilter; label: string }[] = [
  { value: "all", label: "Everyone" },
  { value: "mine", label: "Mine" },
  { value: "unassigned", label: "Unassigned" },
  { value: "mentions", label: "@ Mentions" },
];

type Props = {
  filters: ConversationFilters;
  onChange: (change: Partial<ConversationFilters>) => void;
  searchInput: string;
  onSearchInput: (value: string) => void;
  searchRef: Ref<HTMLInputElement>;
  phoneNumbers: PhoneNumberView[];
  /** Conversations with a note mentioning this agent that they have not opened since. */
  unreadMentions: number;
  /** Conversations per tab; undefined until loaded (the tabs then show no number). */
  counts: ConversationCounts | undefined;
};

export function ConversationFiltersBar({
  filters,
  onChange,
  searchInput,
  onSearchInput,
  searchRef,
  phoneNumbers,
  unreadMentions,
  counts,
}: Props) {
  return (
    <div className="space-y-2 border-b border-slate-200 px-3 py-3">
      <div className="relative">
        <svg
          aria-hidden="true"
          viewBox="0 0 20 20"
          className="pointer-events-none absolute left-2.5 top-2.5 size-4 text-slate-500"
          fill="none"
          stroke="currentColor"
          strokeWidth={2}
        >
          <circle cx="9" cy="9" r="6" />
          <path d="m14 14 4 4" strokeLinecap="round" />
        </svg>
        <input
          ref={searchRef}
          type="search"
          aria-label="Search conversations"
          placeholder="Search name, number or text  ( / )"
          value={searchInput}
          onChange={(event) => onSearchInput(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Escape") {
              if (searchInput) onSearchInput("");
              else event.currentTarget.blur();
            }
          }}
          className="w-full rounded-md border border-slate-300 bg-white py-2 pl-8 pr-3 text-sm placeholder:text-slate-500 focus:border-emerald-600 focus:outline-none focus:ring-2 focus:ring-emerald-600/70"
        />
      </div>
      <Segmented
        label="Status"
        options={statusOptions}
        value={filters.status}
        onChange={(status) => onChange({ status })}
        // Mentions are not among the counted groups: the Mentions tab shows its unread count instead.
        count={
          counts && filters.assignee !== "mentions"
            ? (status) => tabCount(counts, { status, assignee: filters.assignee })
            : undefined
        }
      />
      <div className="flex flex-wrap items-center gap-2">
        <Segmented
          label="Assignee"
          options={assigneeOptions}
          value={filters.assignee}
          badges={{ mentions: unreadMentions }}
          // Mentions are wherever they are: every state, until the agent narrows it again.
          onChange={(assignee) => onChange(assignee === "mentions" ? { assignee, status: "all" } : { assignee })}
          count={
            counts &&
            ((assignee) => (assignee === "mentions" ? null : tabCount(counts, { status: filters.status, assignee })))
          }
        />
        <LabelFilter
          labelIds={filters.labelIds}
          status={filters.status}
          counts={counts}
          onChange={(labelIds) => onChange({ labelIds })}
        />
        {phoneNumbers.length >= 2 ? (
          <select
            aria-label="Number"
            value={filters.phoneNumberId ?? ""}
            onChange={(event) => onChange({ phoneNumberId: event.target.value || null })}
            className="ml-auto min-w-0 max-w-[9rem] truncate rounded-md border border-slate-300 bg-white px-2 py-1 text-xs"
          >
            <option value="">All numbers</option>
            {phoneNumbers.map((number) => (
              <option key={number.id} value={number.id}>
                {phoneNumberLabel(number)}
              </option>
            ))}
          </select>
        ) : null}
      </div>
    </div>
  );
}

function Segmented<T extends string>({
  label,
  options,
  value,
  badges,
  onChange,
  count,
}: {
  label: string;
  options: { value: T; label: string }[];
  value: T;
  /** A count shown on an option (unread mentions). */
  badges?: Partial<Record<T, number>>;
  onChange: (value: T) => void;
  /** How many conversations a tab holds; null: not counted. */
  count?: (value: T) => number | null;
}) {
  return (
    <div role="group" aria-label={label} className="inline-flex flex-wrap rounded-md bg-slate-100 p-0.5">
      {options.map((option) => (
        <button
          key={option.value}
          type="button"
          aria-pressed={option.value === value}
          aria-label={tabName(option.label, count?.(option.value) ?? null, badges?.[option.value] ?? 0)}
          onClick={() => onChange(option.value)}
          className={`rounded px-2.5 py-1 text-xs font-medium focus-visible:outline-2 focus-visible:outline-emerald-700 ${
            option.value === value ? "bg-white text-slate-900 shadow-sm" : "text-slate-600 hover:text-slate-900"
          }`}
        >
          {option.label}
          {count && count(option.value) !== null ? (
            <>
              {" "}
              <span className="tabular-nums text-slate-600">{formatCount(count(option.value)!)}</span>
            </>
          ) : null}
          {badges?.[option.value] ? (
            <>
              {" "}
              <span className="rounded-full bg-amber-700 px-1.5 text-[10px] font-semibold text-white">
                <span data-testid={`${option.value}-count`}>{formatUnread(badges[option.value]!)}</span>
              </span>
            </>
          ) : null}
        </button>
      ))}
    </div>
  );
}

const formatCount = (count: number) => (count > 999 ? `${Math.floor(count / 1000)}k` : String(count));

/**
 * A tab's accessible name: what it shows, in order, with words for the badge — "Open, 3",
 * "Mentions, 2 unread" (the visible text stays part of the name, as WCAG 2.5.3 asks).
 */
function tabName(label: string, count: number | null, unread: number): string {
  return [label, count === null ? null : String(count), unread > 0 ? `${formatUnread(unread)} unread` : null]
    .filter((part) => part !== null)
    .join(", ");
}
