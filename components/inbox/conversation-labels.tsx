"use client";

import { useCallback, useRef } from "react";
import { useLabels, useToggleConversationLabel } from "@/lib/queries/use-labels";
import type { ConversationDetail } from "@/lib/views/inbox";
import { LabelChip } from "./label-chip";
import { LabelPicker } from "./label-picker";

type Props = {
  conversation: ConversationDetail;
  userId: string;
  /** The picker is open (the thread opens it with `l`). */
  open: boolean;
  onOpenChange: (open: boolean) => void;
};

/** The conversation's labels in the thread header: chips to remove, a button (or `l`) to pick. */
export function ConversationLabels({ conversation, userId, open, onOpenChange }: Props) {
  const labels = useLabels();
  const toggle = useToggleConversationLabel(userId);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const close = useCallback(
    (reason: "escape" | "outside") => {
      onOpenChange(false);
      if (reason === "escape") buttonRef.current?.focus();
    },
    [onOpenChange],
  );
  const set = (labelId: string, on: boolean) => toggle.mutate({ conversationId: conversation.id, labelId, on });
  return (
    <div className="relative flex flex-wrap items-center gap-1.5" aria-label="Labels" role="group">
      {conversation.labels.map((label) => (
        <LabelChip
          key={label.id}
          label={label}
          // The chip goes: focus goes to the labels button, not to the page.
          onRemove={() => {
            set(label.id, false);
            buttonRef.current?.focus();
          }}
        />
      ))}
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-haspopup="listbox"
        aria-keyshortcuts="l"
        title="Labels (l)"
        onClick={() => onOpenChange(!open)}
        className="rounded-full border border-dashed border-slate-400 px-2 py-px text-[11px] font-medium text-slate-600 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-emerald-700"
      >
        {conversation.labels.length === 0 ? "+ Label" : "+"}
        <span className="sr-only"> (edit labels)</span>
      </button>
      {toggle.error ? (
        <span role="alert" className="text-xs text-red-700">
          {toggle.error.message}
        </span>
      ) : null}
      {open ? (
        <LabelPicker
          title="Labels of this conversation"
          labels={labels.data ?? []}
          selectedIds={conversation.labels.map((label) => label.id)}
          onToggle={(label, on) => set(label.id, on)}
          onClose={close}
          loading={labels.isPending}
          error={labels.error?.message ?? null}
          empty="No labels yet: an admin adds them in Settings → Labels."
          className="absolute left-0 top-full mt-1"
        />
      ) : null}
    </div>
  );
}
