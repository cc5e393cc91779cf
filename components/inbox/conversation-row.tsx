"use client";

import { memo } from "react";
import type { ConversationListItem } from "@/lib/inbox/inbox-views";
import { messagePreview } from "@/lib/inbox/message-preview";
import { contactLabel, formatFullTime, formatListTime, formatPhone, formatUnread, phoneNumberLabel } from "./format";

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
  const preview = lastMessage ? messagePreview(lastMessage) : "No messages yet";
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
          <time
            dateTime={conversation.lastMessageAt ?? undefined}
            title={conversation.lastMessageAt ? formatFullTime(conversation.lastMessageAt) : undefined}
            // Rendered in the server's time zone first, then the agent's.
            suppressHydrationWarning
            className={`ml-auto shrink-0 text-xs ${unreadCount > 0 ? "font-semibold text-emerald-700" : "text-slate-500"}`}
          >
            {formatListTime(conversation.lastMessageAt)}
          </time>
        </span>
        <span className="flex items-center gap-2 text-xs text-slate-500">
          {phone && phone !== name ? <span className="truncate">{phone}</span> : null}
          {showNumber ? (
            <span className="truncate rounded bg-slate-100 px-1.5 py-0.5 text-[11px] text-slate-600">
              to {phoneNumberLabel(conversation.phoneNumber)}
            </span>
          ) : null}
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
            {preview}
          </span>
          {unreadCount > 0 ? (
            <span
              data-testid="unread-count"
              aria-label={`${formatUnread(unreadCount)} unread`}
              className="shrink-0 rounded-full bg-emerald-600 px-2 py-0.5 text-xs font-semibold text-white"
            >
              {formatUnread(unreadCount)}
            </span>
          ) : null}
        </span>
        {conversation.assignee ? (
          <span className="mt-0.5 block truncate text-[11px] text-slate-500">
            Assigned to {conversation.assignee.name}
          </span>
        ) : null}
      </span>
    </a>
  );
});

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
