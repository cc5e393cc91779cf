"use client";

import { Time } from "@/components/ui/time";
import { memo } from "react";
import type { ConversationListItem } from "@/lib/views/inbox";
import { LabelChip } from "./label-chip";
import { MessagePreviewLine } from "./message/message-preview-line";
import { contactLabel, formatPhone, formatUnread, phoneNumberLabel, replyWindow } from "./format";
import { useMinuteClock } from "./use-minute-clock";

/** A row shows this many labels, then "+n more" (the thread shows them all). */
const ROW_LABELS = 3;

type Props = {
  conversation: ConversationListItem;
  selected: boolean;
  showNumber: boolean;
  onSelect: (id: string) => void;
};

export const ConversationRow = memo(function ConversationRow({ conversation, selected, showNumber, onSelect }: Props) {
  const { contact, lastMessage, unreadCount } = conversation;
  const name = contactLabel(contact);
  const phone = formatPhone(contact.waId);
  return (
    <a
      href={`/inbox/${conversation.id}`}
      data-testid="conversation-row"
      data-conversation-id={conversation.id}
      aria-current={selected ? "page" : undefined}
      onClick={(event) => {
        if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        onSelect(conversation.id);
      }}
      className={`flex h-full gap-3 border-b border-slate-100 px-4 py-3 outline-none focus-visible:bg-emerald-50 focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-emerald-600 ${
        selected ? "bg-emerald-50" : "hover:bg-slate-50"
      }`}
    >
      <span
        aria-hidden="true"
        className="mt-0.5 flex size-10 shrink-0 items-center justify-center rounded-full bg-slate-200 text-sm font-semibold text-slate-700"
      >
        {initials(name)}
      </span>
      <span className="min-w-0 flex-1">
        <span className="flex items-baseline gap-2">
          <span dir="auto" className={`truncate text-sm ${unreadCount > 0 ? "font-semibold" : "font-medium"}`}>
            {name}
          </span>
          {conversation.lastMessageAt ? (
            <Time
              iso={conversation.lastMessageAt}
              style="list"
              className={`ml-auto shrink-0 text-xs ${unreadCount > 0 ? "font-semibold text-emerald-700" : "text-slate-500"}`}
            />
          ) : null}
        </span>
        <span className="flex items-center gap-2 text-xs text-slate-500">
          {phone && phone !== name ? <span className="truncate">{phone}</span> : null}
          {showNumber ? (
            <span className="truncate rounded bg-slate-100 px-1.5 py-0.5 text-[11px] text-slate-600">
              to {phoneNumberLabel(conversation.phoneNumber)}
            </span>
          ) : null}
          <ClosingFlag windowClosesAt={conversation.windowClosesAt} />
          {conversation.status !== "open" ? (
            <span className="rounded bg-slate-100 px-1.5 py-0.5 text-[11px] capitalize text-slate-600">
              {conversation.status}
            </span>
          ) : null}
        </span>
        <span className="mt-0.5 flex items-center gap-2">
          <span
            data-testid="conversation-preview"
            dir="auto"
            className={`min-w-0 flex-1 truncate text-sm ${unreadCount > 0 ? "text-slate-900" : "text-slate-600"}`}
          >
            {lastMessage?.direction === "outbound" ? <span className="text-slate-500">You: </span> : null}
            {lastMessage ? <MessagePreviewLine type={lastMessage.type} text={lastMessage.text} /> : "No messages yet"}
          </span>
          {conversation.unreadMentions > 0 ? (
            <span
              data-testid="unread-mention"
              role="img"
              aria-label="You were mentioned in a note"
              title="You were mentioned in a note"
              className="shrink-0 rounded-full bg-amber-200 px-1.5 py-0.5 text-xs font-semibold text-amber-950"
            >
              @
            </span>
          ) : null}
          {unreadCount > 0 ? (
            <span className="shrink-0 rounded-full bg-emerald-700 px-2 py-0.5 text-xs font-semibold text-white">
              <span data-testid="unread-count">{formatUnread(unreadCount)}</span>
              <span className="sr-only"> unread</span>
            </span>
          ) : null}
        </span>
        {conversation.labels.length > 0 ? (
          <span className="mt-1 flex min-w-0 flex-wrap gap-1 overflow-hidden">
            {conversation.labels.slice(0, ROW_LABELS).map((label) => (
              <LabelChip key={label.id} label={label} />
            ))}
            {conversation.labels.length > ROW_LABELS ? (
              <span className="text-[11px] text-slate-500">+{conversation.labels.length - ROW_LABELS} more</span>
            ) : null}
          </span>
        ) : null}
        {conversation.assignee ? (
          <span className="mt-0.5 block truncate text-[11px] text-slate-500">
            Assigned to {conversation.assignee.name}
          </span>
        ) : null}
      </span>
    </a>
  );
});

/** The reply window closes within the hour: answer this one first. */
function ClosingFlag({ windowClosesAt }: { windowClosesAt: string | null }) {
  const minute = useMinuteClock();
  if (minute === null) return null;
  const replyState = replyWindow(windowClosesAt, Date.now());
  if (replyState.state !== "open" || !replyState.lastHour) return null;
  return (
    <span
      data-testid="window-closing"
      title={`The 24-hour reply window ${replyState.label}`}
      className="shrink-0 rounded bg-amber-100 px-1.5 py-0.5 text-[11px] font-medium text-amber-800"
    >
      {replyState.label}
    </span>
  );
}

function initials(name: string): string {
  const letters = name
    .replace(/^\+/, "")
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => Array.from(part)[0] ?? "")
    .join("");
  return letters.toUpperCase() || "?";
}
