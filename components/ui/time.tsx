"use client";

import { useSyncExternalStore } from "react";
import { dateFormat } from "./date-format";

// One way of writing dates and times across the app (list, bubbles, health, audit, settings): in
// the viewer's locale and time zone, with the full date on hover.

type Style = "clock" | "list" | "dateTime";

const clockFormat = () => dateFormat(undefined, { hour: "2-digit", minute: "2-digit" });
const dateTimeFormat = () => dateFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const fullFormat = () => dateFormat(undefined, { dateStyle: "full", timeStyle: "medium" });
const weekdayFormat = () => dateFormat(undefined, { weekday: "short" });
const shortDateFormat = () => dateFormat(undefined, { day: "numeric", month: "short", year: "2-digit" });

/** "3 Dec 2026, 14:05" in the viewer's locale. */
export function formatDateTime(iso: string): string {
  return dateTimeFormat().format(new Date(iso));
}

/** "Thursday 3 December 2026 at 14:05:09": what hovering any time shows. */
export function formatFullDate(iso: string): string {
  return fullFormat().format(new Date(iso));
}

/** List timestamps: the time today, the weekday this week, else the date. */
export function formatListTime(iso: string, now = new Date()): string {
  const date = new Date(iso);
  const startOfToday = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  if (date >= startOfToday) return clockFormat().format(date);
  const days = (startOfToday.getTime() - date.getTime()) / 86_400_000;
  if (days < 6) return weekdayFormat().format(date);
  return shortDateFormat().format(date);
}

/**
 * Builds every formatter Time uses, for an idle moment: the first construction of each resolves
 * locale data (milliseconds apiece, measured in an opening thread's profile), and should not fall
 * in the frame that opens a conversation or its contact panel.
 */
export function warmDateFormats(): void {
  for (const format of [clockFormat, weekdayFormat, shortDateFormat, dateTimeFormat, fullFormat]) format().format(0);
}

const subscribeNever = () => () => {};

/**
 * A time as the viewer reads it. The server cannot know the viewer's zone: it renders UTC, and the
 * browser replaces it right after hydration (no mismatch warning, no wrong zone left on screen).
 */
export function Time({ iso, style = "dateTime", className }: { iso: string; style?: Style; className?: string }) {
  const inBrowser = useSyncExternalStore(
    subscribeNever,
    () => true,
    () => false,
  );
  const date = new Date(iso);
  if (Number.isNaN(date.getTime()))
    return (
      <span title="Unknown time" className={className}>
        --:--
      </span>
    );
  const text = !inBrowser
    ? `${date
        .toISOString()
        .slice(style === "clock" ? 11 : 0, 16)
        .replace("T", " ")} UTC`
    : style === "clock"
      ? clockFormat().format(date)
      : style === "list"
        ? formatListTime(iso)
        : formatDateTime(iso);
  return (
    <time dateTime={date.toISOString()} title={inBrowser ? formatFullDate(iso) : undefined} className={className}>
      {text}
    </time>
  );
}
