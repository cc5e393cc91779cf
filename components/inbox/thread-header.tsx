"use client";

import { availabilityLabels } from "@/lib/views/assignment";
import type { AgentView, ConversationDetail, ConversationStatus } from "@/lib/views/inbox";
import { useAgents, usePhoneNumbers } from "@/lib/queries/use-conversations";
import { formatBackAt, hoursStateAt } from "@/lib/views/business-hours-schedule";
import type { ConversationChange } from "@/lib/queries/use-conversation-actions";
import type { PresenceMember } from "@/lib/queries/use-presence";
import { ConversationLabels } from "./conversation-labels";
import { contactLabel, formatFullTime, formatPhone, phoneNumberLabel, replyWindow } from "./format";
import { useMinuteClock } from "./use-minute-clock";

type Props = {
  conversation: ConversationDetail;
  userId: string;
  viewers: PresenceMember[];
  saving: boolean;
  saveError: string | null;
  onChange: (change: ConversationChange) => void;
  onBack: () => void;
  labelsOpen: boolean;
  onLabelsOpenChange: (open: boolean) => void;
  contactPanelOpen: boolean;
  onContactPanelToggle: () => void;
};

export function ThreadHeader({
  conversation,
  userId,
  viewers,
  saving,
  saveError,
  onChange,
  onBack,
  labelsOpen,
  onLabelsOpenChange,
  contactPanelOpen,
  onContactPanelToggle,
}: Props) {
  const agents = useAgents();
  const name = contactLabel(conversation.contact);
  const phone = formatPhone(conversation.contact.waId);
  const assigneeId = conversation.assignee?.id ?? "";
  // The assignee stays selectable even when the agent list is still loading or they were deactivated.
  const agentOptions = [...(agents.data ?? [])];
  if (conversation.assignee && !agentOptions.some((agent) => agent.id === conversation.assignee!.id)) {
    agentOptions.push(conversation.assignee);
  }

  return (
    <header className="border-b border-slate-200 bg-white px-4 py-3">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <button
          type="button"
          onClick={onBack}
          className="-ml-1 rounded-md p-1 text-slate-600 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-emerald-700 md:hidden"
          aria-label="Back to conversations"
        >
          <svg
            aria-hidden="true"
            viewBox="0 0 20 20"
            className="size-5"
            fill="none"
            stroke="currentColor"
            strokeWidth={2}
          >
            <path d="M12 4 6 10l6 6" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
        </button>
        {/* At least 12rem for who this is: beside the contact panel the controls wrap below them
            rather than squeezing the name to a few letters and the number over four lines. */}
        <div className="min-w-48 flex-1">
          <h2 dir="auto" className="truncate text-base font-semibold text-slate-900">
            {name}
          </h2>
          <p className="text-xs break-words text-slate-500">
            {phone && phone !== name ? `${phone} · ` : ""}
            to {phoneNumberLabel(conversation.phoneNumber)} ·{" "}
            <WindowHint windowClosesAt={conversation.windowClosesAt} />
            <BusinessHoursHint phoneNumberId={conversation.phoneNumber.id} />
          </p>
          <div className="mt-1">
            <ConversationLabels
              conversation={conversation}
              userId={userId}
              open={labelsOpen}
              onOpenChange={onLabelsOpenChange}
            />
          </div>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <label className="sr-only" htmlFor="conversation-state">
            State
          </label>
          <select
            id="conversation-state"
            aria-label="State"
            value={conversation.status}
            disabled={saving}
            onChange={(event) => onChange({ status: event.target.value as ConversationStatus })}
            className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
          >
            <option value="open">Open</option>
            <option value="pending">Pending</option>
            <option value="resolved">Resolved</option>
          </select>
          <select
            aria-label="Assignee"
            value={assigneeId}
            disabled={saving}
            onChange={(event) => onChange({ assigneeId: event.target.value || null })}
            className="max-w-[15rem] rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
          >
            <option value="">Unassigned</option>
            {agentOptions.map((agent) => (
              <option key={agent.id} value={agent.id}>
                {agentOptionLabel(agent, userId)}
              </option>
            ))}
          </select>
          {assigneeId !== userId ? (
            <button
              type="button"
              disabled={saving}
              onClick={() => onChange({ assigneeId: userId })}
              className="rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-emerald-700 disabled:opacity-60"
            >
              Assign to me
            </button>
          ) : null}
          <button
            type="button"
            aria-expanded={contactPanelOpen}
            aria-controls="contact-panel"
            onClick={onContactPanelToggle}
            className={`hidden rounded-md border px-2.5 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-emerald-700 xl:inline-flex ${
              contactPanelOpen
                ? "border-emerald-700 bg-emerald-50 text-emerald-900"
                : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50"
            }`}
          >
            Contact
          </button>
        </div>
      </div>
      <div className={`flex flex-wrap items-center gap-3 text-xs ${viewers.length > 0 || saveError ? "mt-1" : ""}`}>
        <p data-testid="presence" aria-live="polite" className="text-amber-700">
          {viewers.length === 0
            ? null
            : viewers.length === 1
              ? `${viewers[0]!.name} is also viewing`
              : `${viewers.map((viewer) => viewer.name).join(", ")} are also viewing`}
        </p>
        {saveError ? (
          <p role="alert" className="text-red-700">
            {saveError}
          </p>
        ) : null}
      </div>
    </header>
  );
}

/** "Away · back at Thu 3 Dec, 09:00 (Europe/Berlin)" while the number's business hours say closed. */
function BusinessHoursHint({ phoneNumberId }: { phoneNumberId: string }) {
  const minute = useMinuteClock();
  const numbers = usePhoneNumbers();
  const hours = numbers.data?.find((number) => number.id === phoneNumberId)?.hours;
  if (!hours || minute === null) return null;
  const state = hoursStateAt(hours, new Date(minute));
  if (state.open) return null;
  return (
    <span data-testid="business-hours" className="font-medium text-amber-800">
      {" · "}
      {state.backAt
        ? `Away · back at ${formatBackAt(state.backAt, hours.timeZone, new Date())} (${hours.timeZone})`
        : "Away · no opening hours ahead"}
    </span>
  );
}

function WindowHint({ windowClosesAt }: { windowClosesAt: string | null }) {
  const minute = useMinuteClock();
  if (!windowClosesAt) return <span>no customer message yet</span>;
  const title = `The 24-hour reply window closes ${formatFullTime(windowClosesAt)}`;
  // Before hydration (and the first tick) the time is unknown: say when, not how long.
  if (minute === null) return <span data-testid="reply-window">reply window</span>;
  const replyState = replyWindow(windowClosesAt, Date.now());
  if (replyState.state !== "open") {
    return (
      <span data-testid="reply-window" data-state="closed" title={title}>
        reply window closed {formatFullTime(windowClosesAt)} (templates only)
      </span>
    );
  }
  return (
    <span
      data-testid="reply-window"
      data-state={replyState.lastHour ? "closing" : "open"}
      title={title}
      className={replyState.lastHour ? "font-medium text-amber-700" : "text-emerald-700"}
    >
      reply window {replyState.label}
    </span>
  );
}

/** "Noor (me) — online": colleagues' availability in words (auto-assignment skips those away). */
function agentOptionLabel(agent: AgentView, userId: string): string {
  const name = agent.id === userId ? `${agent.name} (me)` : agent.name;
  return agent.availability ? `${name} — ${availabilityLabels[agent.availability].toLowerCase()}` : name;
}
