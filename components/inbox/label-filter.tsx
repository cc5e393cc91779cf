"use client";

import { useCallback, useRef, useState } from "react";
import { useLabels } from "@/lib/queries/use-labels";
import { type ConversationCounts, type ConversationStatusFilter, labelCount } from "@/lib/views/inbox";
import { LabelChip } from "./label-chip";
import { LabelPicker } from "./label-picker";

type Props = {
  labelIds: string[];
  status: ConversationStatusFilter;
  counts: ConversationCounts | undefined;
  onChange: (labelIds: string[]) => void;
};

/** The list's label filter: a button opening the picker (with counts), the chosen labels as chips. */
export function LabelFilter({ labelIds, status, counts, onChange }: Props) {
  const labels = useLabels();
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const close = useCallback((reason: "escape" | "outside") => {
    setOpen(false);
    if (reason === "escape") buttonRef.current?.focus();
  }, []);
  const all = labels.data ?? [];
  // A chosen label that was deleted meanwhile still shows (by id) so it can be removed.
  const chosen = labelIds.map(
    (id) => all.find((label) => label.id === id) ?? { id, name: "Deleted label", color: "gray" as const },
  );
  if (all.length === 0 && labelIds.length === 0) return null;
  return (
    <div className="relative flex flex-wrap items-center gap-1.5" role="group" aria-label="Label filter">
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-haspopup="listbox"
        onClick={() => setOpen(!open)}
        className={`rounded-md border px-2 py-1 text-xs font-medium focus-visible:outline-2 focus-visible:outline-emerald-700 ${
          labelIds.length > 0
            ? "border-emerald-700 bg-emerald-50 text-emerald-900"
            : "border-slate-300 text-slate-700 hover:bg-slate-50"
        }`}
      >
        Labels{labelIds.length > 0 ? ` (${labelIds.length})` : ""}
      </button>
      {chosen.map((label) => (
        <LabelChip
          key={label.id}
          label={label}
          // The chip goes: focus goes to the Labels button, not to the page.
          onRemove={() => {
            onChange(labelIds.filter((id) => id !== label.id));
            buttonRef.current?.focus();
          }}
        />
      ))}
      {open ? (
        <LabelPicker
          title="Show conversations with these labels"
          labels={all}
          selectedIds={labelIds}
          onToggle={(label, on) =>
            onChange(on ? [...labelIds, label.id].sort() : labelIds.filter((id) => id !== label.id))
          }
          countOf={counts ? (id) => labelCount(counts, id, status) : undefined}
          onClose={close}
          loading={labels.isPending}
          error={labels.error?.message ?? null}
          empty="No labels yet."
          className="absolute left-0 top-full mt-1"
        />
      ) : null}
    </div>
  );
}
