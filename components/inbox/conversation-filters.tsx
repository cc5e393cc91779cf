"use client";

import type { Ref } from "react";
import type {
  ConversationAssigneeFilter,
  ConversationFilters,
  ConversationStatusFilter,
  PhoneNumberView,
} from "@/lib/inbox/inbox-views";
import { phoneNumberLabel } from "./format";

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
];

type Props = {
  filters: ConversationFilters;
  onChange: (change: Partial<ConversationFilters>) => void;
  searchInput: string;
  onSearchInput: (value: string) => void;
  searchRef: Ref<HTMLInputElement>;
  phoneNumbers: PhoneNumberView[];
};

export function ConversationFiltersBar({
  filters,
  onChange,
  searchInput,
  onSearchInput,
  searchRef,
  phoneNumbers,
}: Props) {
  return (
    <div className="space-y-2 border-b border-slate-200 px-3 py-3">
      <div className="relative">
        <svg
          aria-hidden="true"
          viewBox="0 0 20 20"
          className="pointer-events-none absolute left-2.5 top-2.5 size-4 text-slate-400"
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
          className="w-full rounded-md border border-slate-300 bg-white py-2 pl-8 pr-3 text-sm placeholder:text-slate-400 focus:border-emerald-600 focus:outline-none focus:ring-2 focus:ring-emerald-600/30"
        />
      </div>
      <Segmented
        label="Status"
        options={statusOptions}
        value={filters.status}
        onChange={(status) => onChange({ status })}
      />
      <div className="flex items-center gap-2">
        <Segmented
          label="Assignee"
          options={assigneeOptions}
          value={filters.assignee}
          onChange={(assignee) => onChange({ assignee })}
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
  onChange,
}: {
  label: string;
  options: { value: T; label: string }[];
  value: T;
  onChange: (value: T) => void;
}) {
  return (
    <div role="group" aria-label={label} className="inline-flex rounded-md bg-slate-100 p-0.5">
      {options.map((option) => (
        <button
          key={option.value}
          type="button"
          aria-pressed={option.value === value}
          onClick={() => onChange(option.value)}
          className={`rounded px-2.5 py-1 text-xs font-medium focus-visible:outline-2 focus-visible:outline-emerald-700 ${
            option.value === value ? "bg-white text-slate-900 shadow-sm" : "text-slate-600 hover:text-slate-900"
          }`}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}
