import type { ReactNode } from "react";
import type { MessageStatus } from "@/lib/views/inbox";

// Drawn as SVG: tick glyphs depend on fonts the agent's machine may not have.

type TicksProps = { status: MessageStatus | null; errorCode?: number | null; errorTitle?: string | null };

const LABELS: Record<Exclude<MessageStatus, "failed">, string> = {
  pending: "Pending",
  sent: "Sent",
  delivered: "Delivered",
  read: "Read",
  played: "Played",
};

export function failedLabel(errorTitle: string | null | undefined, errorCode: number | null | undefined): string {
  const reason = errorTitle?.trim() || "no reason given";
  return `Failed: ${reason}${typeof errorCode === "number" ? ` (code ${errorCode})` : ""}`;
}

export function MessageTicks({ status, errorCode = null, errorTitle = null }: TicksProps) {
  // A status this version does not know (Meta adds some) shows nothing rather than a wrong tick.
  if (status === null || !Object.hasOwn(COLORS, status)) return null;
  const label = status === "failed" ? failedLabel(errorTitle, errorCode) : LABELS[status];
  return (
    <span
      data-testid="message-ticks"
      role="img"
      aria-label={label}
      title={label}
      className={`inline-flex shrink-0 items-center ${COLORS[status]}`}
    >
      {ICONS[status]}
    </span>
  );
}

const COLORS: Record<MessageStatus, string> = {
  pending: "text-slate-500",
  sent: "text-slate-500",
  delivered: "text-slate-500",
  read: "text-sky-600",
  played: "text-sky-600",
  failed: "text-red-600",
};

const stroke = {
  fill: "none",
  stroke: "currentColor",
  strokeWidth: 1.6,
  strokeLinecap: "round",
  strokeLinejoin: "round",
} as const;

function SingleTick() {
  return (
    <svg viewBox="0 0 16 12" className="h-3 w-4" aria-hidden="true" {...stroke}>
      <path d="M2.5 6.5 5.5 9.5 12.5 2.5" />
    </svg>
  );
}

/** Read ticks are drawn bolder as well as blue: colour is never the only difference. */
function DoubleTick({ bold = false }: { bold?: boolean }) {
  return (
    <svg viewBox="0 0 18 12" className="h-3 w-[18px]" aria-hidden="true" {...stroke} strokeWidth={bold ? 2.4 : 1.6}>
      <path d="M1.5 6.5 4.5 9.5 11.5 2.5" />
      <path d="M8 9.5 15.5 2.5" />
    </svg>
  );
}

function Clock() {
  return (
    <svg viewBox="0 0 16 16" className="size-3.5" aria-hidden="true" {...stroke}>
      <circle cx="8" cy="8" r="6" />
      <path d="M8 4.5V8l2.5 1.5" />
    </svg>
  );
}

function Warning() {
  return (
    <svg viewBox="0 0 16 16" className="size-3.5" aria-hidden="true" {...stroke}>
      <path d="M8 1.8 15 14H1z" />
      <path d="M8 6v3.5" />
      <circle cx="8" cy="11.8" r="0.4" fill="currentColor" />
    </svg>
  );
}

function PlayedHint() {
  return (
    <svg viewBox="0 0 10 10" className="ml-0.5 size-2.5" aria-hidden="true" fill="currentColor">
      <path d="M2.5 1.5v7l6-3.5z" />
    </svg>
  );
}

const ICONS: Record<MessageStatus, ReactNode> = {
  pending: <Clock />,
  sent: <SingleTick />,
  delivered: <DoubleTick />,
  read: <DoubleTick bold />,
  played: (
    <>
      <DoubleTick bold />
      <PlayedHint />
    </>
  ),
  failed: <Warning />,
};
