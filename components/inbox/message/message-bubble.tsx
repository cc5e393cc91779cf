"use client";

import { memo } from "react";
import { Time } from "@/components/ui/time";
import type { QuotedMessageView, ReactionView, ThreadMessage } from "@/lib/views/inbox";
import type { ReferralView } from "@/lib/views/message-body";
import { MessagePreviewLine } from "./message-preview-line";
import { AuthorLine, MessageToolbar, SendStateNotice } from "../message-actions";
import { AlertIcon, ForwardIcon, MegaphoneIcon } from "./icons";
import { MessageContent, NOTICE_TYPES } from "./message-content";
import { MessageTicks } from "./message-ticks";

type MessageBubbleProps = {
  message: ThreadMessage;
  /** Called with the quoted message's wamid when the agent clicks a reply's quote. Keep it stable (memo). */
  onJumpToMessage?: (wamid: string) => void;
};

export const MessageBubble = memo(function MessageBubble({ message, onJumpToMessage }: MessageBubbleProps) {
  const outbound = message.direction === "outbound";
  const notice = NOTICE_TYPES.has(message.type);
  const reactions = groupReactions(message.reactions);
  // A send Meta refused shows as failed whatever tick came before; "unknown" keeps its clock.
  const sendFailed = outbound && message.sendState === "failed";
  const failed = outbound && (message.status === "failed" || sendFailed);

  const layout = notice ? "justify-center" : outbound ? "justify-end" : "justify-start";
  const surface = notice
    ? "bg-slate-100 ring-slate-200"
    : outbound
      ? `bg-emerald-50 shadow-sm ${failed ? "ring-red-300" : "ring-emerald-100"}`
      : "bg-white shadow-sm ring-slate-200";

  return (
    <div
      data-testid="message"
      data-message-id={message.id}
      data-wamid={message.wamid}
      data-direction={message.direction}
      data-status={outbound && message.status ? message.status : undefined}
      data-send-state={outbound && message.sendState ? message.sendState : undefined}
      data-type={message.type}
      className={`flex w-full px-2 py-0.5 ${layout}`}
    >
      <div
        className={`group relative flex max-w-[min(85%,36rem)] min-w-0 flex-col gap-1 rounded-lg px-3 py-2 text-sm text-slate-900 ring-1 ${surface} ${reactions.length > 0 ? "mb-3.5" : ""}`}
      >
        {notice ? null : <MessageToolbar message={message} outbound={outbound} />}
        <AuthorLine message={message} />
        {message.forwarded ? (
          <p className="flex items-center gap-1 text-xs text-slate-600 italic">
            <ForwardIcon className="size-3.5" />
            Forwarded
          </p>
        ) : null}
        <ReferralCard referral={message.referral} />
        {message.replyTo ? <QuotedMessage quote={message.replyTo} onJump={onJumpToMessage} /> : null}
        <MessageContent message={message} />
        <SendStateNotice message={message} />
        <div className="-mb-0.5 flex items-center justify-end gap-1 self-end text-[11px] leading-4 text-slate-600">
          {message.timestampIssue ? <TimestampFlag issue={message.timestampIssue} /> : null}
          <MessageTime iso={message.timestamp} />
          {outbound ? (
            sendFailed ? (
              <MessageTicks
                status="failed"
                errorCode={message.sendError?.code ?? null}
                errorTitle={message.sendError?.title ?? null}
              />
            ) : (
              <MessageTicks status={message.status} errorCode={message.errorCode} errorTitle={message.errorTitle} />
            )
          ) : null}
        </div>
        {reactions.length > 0 ? <ReactionChips groups={reactions} outbound={outbound} /> : null}
      </div>
    </div>
  );
});

function MessageTime({ iso }: { iso: string }) {
  return <Time iso={iso} style="clock" />;
}

export function timestampIssueText(issue: string): string {
  switch (issue) {
    case "milliseconds":
      return "Meta's timestamp was in milliseconds instead of seconds; it was converted";
    case "future":
      return "Meta's timestamp was in the future; showing the time we received it";
    case "missing":
    case "invalid":
    case "zero":
      return `Meta's timestamp was ${issue}; showing the time we received it`;
    default:
      return `Meta's timestamp was unusable (${issue}); showing the time we received it`;
  }
}

function TimestampFlag({ issue }: { issue: string }) {
  const text = timestampIssueText(issue);
  return (
    <span role="img" aria-label={text} title={text} data-testid="timestamp-issue" className="text-amber-600">
      <AlertIcon className="size-3.5" />
    </span>
  );
}

function QuotedMessage({ quote, onJump }: { quote: QuotedMessageView; onJump?: (wamid: string) => void }) {
  const frame = "block w-full min-w-0 rounded-md border-l-4 bg-slate-900/5 px-2 py-1 text-left text-xs";
  if (!quote.found) {
    return (
      <div data-testid="quoted-message" className={`${frame} border-slate-300 text-slate-600 italic`}>
        Original message not available
      </div>
    );
  }
  const author = quote.direction === "outbound" ? "You" : "Customer";
  const body = (
    <>
      <span className={`block font-medium ${quote.direction === "outbound" ? "text-emerald-800" : "text-sky-800"}`}>
        {author}
      </span>
      <span dir="auto" className="line-clamp-2 break-words text-slate-600">
        <MessagePreviewLine type={quote.type} text={quote.text} />
      </span>
    </>
  );
  const border = quote.direction === "outbound" ? "border-emerald-500" : "border-sky-500";
  if (!onJump) {
    return (
      <div data-testid="quoted-message" className={`${frame} ${border}`}>
        {body}
      </div>
    );
  }
  return (
    <button
      type="button"
      data-testid="quoted-message"
      title="Show the original message"
      onClick={() => onJump(quote.wamid)}
      className={`${frame} ${border} cursor-pointer hover:bg-slate-900/10 focus-visible:outline-2 focus-visible:outline-emerald-700`}
    >
      {body}
    </button>
  );
}

/** A click-to-WhatsApp ad (or post) the conversation started from. Only http(s) source links become links. */
function ReferralCard({ referral }: { referral: ReferralView | null }) {
  if (!referral) return null;
  const { headline, body, sourceUrl: source, sourceType: kind } = referral;
  return (
    <div data-testid="referral" className="rounded-md border-l-4 border-sky-400 bg-sky-50 px-2 py-1.5 text-xs">
      <p className="flex items-center gap-1 font-medium text-sky-800">
        <MegaphoneIcon className="size-3.5" />
        From {kind === "post" ? "a post" : "an ad"}
      </p>
      {headline ? (
        <p dir="auto" className="font-medium break-words text-slate-800">
          {headline}
        </p>
      ) : null}
      {body ? (
        <p dir="auto" className="break-words text-slate-600">
          {body}
        </p>
      ) : null}
      {source ? (
        <a
          href={source}
          target="_blank"
          rel="noopener noreferrer nofollow"
          className="text-sky-800 underline underline-offset-2"
        >
          View {kind}
        </a>
      ) : null}
    </div>
  );
}

type ReactionGroup = { emoji: string; count: number; fromCustomer: boolean; fromUs: boolean };

function groupReactions(reactions: ReactionView[] | null | undefined): ReactionGroup[] {
  const groups = new Map<string, ReactionGroup>();
  for (const reaction of Array.isArray(reactions) ? reactions : []) {
    if (typeof reaction?.emoji !== "string" || reaction.emoji === "") continue; // "" = removed
    const group = groups.get(reaction.emoji) ?? { emoji: reaction.emoji, count: 0, fromCustomer: false, fromUs: false };
    group.count++;
    if (reaction.direction === "outbound") group.fromUs = true;
    else group.fromCustomer = true;
    groups.set(reaction.emoji, group);
  }
  return [...groups.values()];
}

function ReactionChips({ groups, outbound }: { groups: ReactionGroup[]; outbound: boolean }) {
  const label = `Reactions: ${groups.map((group) => `${group.emoji} ${group.count}`).join(", ")}`;
  return (
    <div
      role="group"
      aria-label={label}
      data-testid="reactions"
      className={`absolute -bottom-3.5 flex gap-1 ${outbound ? "right-2" : "left-2"}`}
    >
      {groups.map((group) => (
        <span
          key={group.emoji}
          title={group.fromCustomer && group.fromUs ? "Customer and you" : group.fromUs ? "You" : "Customer"}
          className="inline-flex items-center gap-0.5 rounded-full bg-white px-1.5 py-px text-xs shadow-sm ring-1 ring-slate-200"
        >
          <span aria-hidden="true">{group.emoji}</span>
          <span aria-hidden="true" className="text-[11px] text-slate-600 tabular-nums">
            {group.count}
          </span>
        </span>
      ))}
    </div>
  );
}
