"use client";

// Days are the agent's local days: a message sent at 23:30 belongs to the day the agent saw it.
import { useSyncExternalStore } from "react";
import { dateFormat } from "@/components/ui/date-format";

const DAY_MS = 24 * 60 * 60 * 1000;

/** The local calendar day of an ISO time, as YYYY-MM-DD ("invalid" when it is not a date). */
export function dayKey(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "invalid";
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * "Today", "Yesterday", a weekday within the last 6 days, else the date ("23 Nov 2026" in en-GB), in
 * `locale` (undefined: the viewer's).
 */
export function formatDayLabel(iso: string, now: Date = new Date(), locale?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "Unknown date";
  const days = calendarDaysBetween(date, now);
  if (days === 0) return "Today";
  if (days === 1) return "Yesterday";
  if (days > 1 && days <= 6) return dateFormat(locale, { weekday: "long" }).format(date);
  return dateFormat(locale, { day: "numeric", month: "short", year: "numeric" }).format(date);
}

/** Whole local days from `from` to `to`, counted on the calendar so DST's 23/25-hour days do not matter. */
function calendarDaysBetween(from: Date, to: Date): number {
  const start = Date.UTC(from.getFullYear(), from.getMonth(), from.getDate());
  const end = Date.UTC(to.getFullYear(), to.getMonth(), to.getDate());
  return Math.round((end - start) / DAY_MS);
}

const subscribeNever = () => () => {};

export function DaySeparator({ date }: { date: string }) {
  const key = dayKey(date);
  // The server cannot know the viewer's zone or locale: it writes en-GB, and the browser rewrites the
  // label in the viewer's right after hydration (as components/ui/time.tsx does for times).
  const inBrowser = useSyncExternalStore(
    subscribeNever,
    () => true,
    () => false,
  );
  const valid = key !== "invalid";
  return (
    <div data-testid="day-separator" className="my-3 flex justify-center">
      <time
        dateTime={valid ? key : undefined}
        title={inBrowser && valid ? dateFormat(undefined, { dateStyle: "full" }).format(new Date(date)) : undefined}
        className="rounded-full bg-slate-100 px-3 py-1 text-xs font-medium text-slate-600 shadow-sm"
      >
        {formatDayLabel(date, new Date(), inBrowser ? undefined : "en-GB")}
      </time>
    </div>
  );
}
