"use client";

import { Time } from "@/components/ui/time";
import type { SandboxChatItem } from "@/lib/views/sandbox";
import { AttachmentIcon } from "./attachment-icon";

const REACTIONS = ["👍", "❤️", "😂", "🙏"];

/** A message on the customer's phone: the business's on the left, the customer's own on the right. */
export function ChatBubble({
  item,
  busy,
  onReply,
  onReact,
  onTap,
}: {
  item: SandboxChatItem;
  busy: boolean;
  onReply: () => void;
  onReact: (emoji: string) => void;
  onTap: (button: SandboxChatItem["buttons"][number]) => void;
}) {
  const mine = item.from === "customer";
  const fromBusiness = !mine;
  return (
    <li className={`flex flex-col ${mine ? "items-end" : "items-start"}`} data-wamid={item.wamid}>
      <div
        className={`max-w-[85%] rounded-lg px-3 py-2 text-sm shadow-sm ${mine ? "bg-[#d9fdd3]" : "bg-white"}`}
        aria-label={mine ? "You" : "The business"}
      >
        {item.quote ? (
          <blockquote className="mb-1 truncate rounded border-l-4 border-emerald-600 bg-black/5 px-2 py-1 text-xs text-slate-700">
            {item.quote.text}
          </blockquote>
        ) : null}
        {item.header ? <p className="font-semibold">{item.header}</p> : null}
        <p className="whitespace-pre-wrap break-words" dir="auto">
          {item.attachment ? (
            <span className="mr-1 inline-block align-text-bottom text-slate-600">
              <AttachmentIcon kind={item.attachment} />
            </span>
          ) : null}
          {item.text}
        </p>
        {item.link ? (
          <a
            href={item.link.url}
            target="_blank"
            rel="noopener noreferrer"
            data-testid="link-preview"
            className="mt-1 block rounded border-l-4 border-emerald-600 bg-black/5 px-2 py-1 text-xs focus-visible:outline-2 focus-visible:outline-emerald-700"
          >
            <span className="block font-semibold text-slate-800">{item.link.host}</span>
            <span className="block truncate text-slate-600">{item.link.url}</span>
          </a>
        ) : null}
        {item.footer ? <p className="mt-1 text-xs text-slate-600">{item.footer}</p> : null}
        <p className="mt-1 flex items-center justify-end gap-1 text-[11px] text-slate-600">
          <Time iso={item.at} style="clock" />
          {mine ? <ReadTicks read={item.status === "read"} /> : null}
        </p>
      </div>
      {item.buttons.length > 0 ? (
        <div className="mt-1 flex max-w-[85%] flex-wrap gap-1">
          {item.buttons.map((button, index) =>
            button.tappable && fromBusiness ? (
              <button
                key={index}
                type="button"
                disabled={busy}
                onClick={() => onTap(button)}
                className="rounded-lg bg-white px-3 py-1.5 text-sm font-medium text-sky-700 shadow-sm hover:bg-sky-50 focus-visible:outline-2 focus-visible:outline-sky-700 disabled:opacity-60"
              >
                {button.text}
              </button>
            ) : (
              <span key={index} className="rounded-lg bg-white/70 px-3 py-1.5 text-sm text-slate-600">
                {button.text}
              </span>
            ),
          )}
        </div>
      ) : null}
      {item.reactions.length > 0 ? (
        <p className="-mt-1 rounded-full bg-white px-1.5 text-sm shadow-sm" aria-label="Reactions">
          {item.reactions.map((reaction) => reaction.emoji).join(" ")}
        </p>
      ) : null}
      {fromBusiness ? (
        <div className="mt-0.5 flex gap-1 text-xs" role="group" aria-label="Answer this message">
          <button type="button" onClick={onReply} className="rounded px-1.5 py-0.5 text-slate-600 hover:bg-black/5">
            Reply
          </button>
          {REACTIONS.map((emoji) => (
            <button
              key={emoji}
              type="button"
              disabled={busy}
              onClick={() => onReact(emoji)}
              aria-label={`React ${emoji}`}
              className="rounded px-1 py-0.5 hover:bg-black/5 disabled:opacity-60"
            >
              {emoji}
            </button>
          ))}
        </div>
      ) : null}
    </li>
  );
}

/** The customer's own messages: blue once the business read them. */
function ReadTicks({ read }: { read: boolean }) {
  return (
    <span className={read ? "text-sky-700" : "text-slate-600"} aria-label={read ? "Read by the business" : "Sent"}>
      ✓✓
    </span>
  );
}
