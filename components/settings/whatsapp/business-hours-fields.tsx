"use client";

// The parts of the business hours form: one weekday's open intervals, one automatic message.
import { useId } from "react";
import { MAX_AUTO_REPLY_LENGTH, MAX_INTERVALS_PER_DAY } from "@/lib/views/business-hours";
import type { OpenInterval, Weekday } from "@/lib/views/business-hours-schedule";

export const DAY_NAMES: Record<Weekday, string> = {
  mon: "Monday",
  tue: "Tuesday",
  wed: "Wednesday",
  thu: "Thursday",
  fri: "Friday",
  sat: "Saturday",
  sun: "Sunday",
};

export function DayRow({
  day,
  intervals,
  onChange,
}: {
  day: Weekday;
  intervals: OpenInterval[];
  onChange: (intervals: OpenInterval[]) => void;
}) {
  const name = DAY_NAMES[day];
  const set = (index: number, change: Partial<OpenInterval>) =>
    onChange(intervals.map((interval, at) => (at === index ? { ...interval, ...change } : interval)));
  const input =
    "rounded-md border border-slate-300 px-2 py-1 text-sm focus:border-emerald-600 focus:ring-2 focus:ring-emerald-600/70 focus:outline-none";
  return (
    <li
      className="grid grid-cols-[1fr_auto] items-start gap-x-4 gap-y-2 px-3 py-2 sm:grid-cols-[6rem_1fr_auto]"
      data-testid={`hours-${day}`}
    >
      <span className="pt-1 text-sm font-medium text-slate-800">{name}</span>
      <div className="col-span-2 row-start-2 min-w-0 space-y-1.5 sm:col-span-1 sm:col-start-2 sm:row-start-1">
        {intervals.length === 0 ? <p className="pt-1 text-sm text-slate-500">Closed</p> : null}
        {intervals.map((interval, index) => (
          <div key={index} className="flex flex-wrap items-center gap-2">
            <input
              type="time"
              aria-label={`${name} opens`}
              value={interval.start}
              onChange={(event) => set(index, { start: event.target.value })}
              className={input}
            />
            <span aria-hidden="true">–</span>
            <input
              type="time"
              aria-label={`${name} closes`}
              value={interval.end === "24:00" ? "00:00" : interval.end}
              onChange={(event) => set(index, { end: event.target.value === "00:00" ? "24:00" : event.target.value })}
              className={input}
            />
            <button
              type="button"
              aria-label={`Remove ${name}'s hours ${interval.start}–${interval.end}`}
              onClick={() => onChange(intervals.filter((_, at) => at !== index))}
              className="rounded-md px-2 py-1 text-sm text-slate-600 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-emerald-700"
            >
              Remove
            </button>
          </div>
        ))}
      </div>
      <button
        type="button"
        disabled={intervals.length >= MAX_INTERVALS_PER_DAY}
        onClick={() =>
          onChange([
            ...intervals,
            intervals.length === 0 ? { start: "09:00", end: "17:00" } : { start: "18:00", end: "20:00" },
          ])
        }
        className="col-start-2 row-start-1 rounded-md border border-slate-300 px-2 py-1 text-sm text-slate-700 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-emerald-700 disabled:opacity-60 sm:col-start-3"
      >
        {intervals.length === 0 ? `Open on ${name}` : "Add hours"}
      </button>
    </li>
  );
}

export function AutoMessage({
  label,
  toggle,
  hint,
  enabled,
  text,
  onChange,
}: {
  label: string;
  toggle: string;
  hint: string;
  enabled: boolean;
  text: string;
  onChange: (enabled: boolean, text: string) => void;
}) {
  const id = useId();
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-slate-800">{label}</legend>
      <label className="flex items-start gap-2 text-sm text-slate-800">
        <input
          type="checkbox"
          checked={enabled}
          onChange={(event) => onChange(event.target.checked, text)}
          className="mt-0.5 size-4 accent-emerald-700"
        />
        {toggle}
      </label>
      <label htmlFor={`${id}-text`} className="sr-only">
        {label} text
      </label>
      <textarea
        id={`${id}-text`}
        value={text}
        maxLength={MAX_AUTO_REPLY_LENGTH}
        rows={3}
        aria-describedby={`${id}-hint`}
        onChange={(event) => onChange(enabled, event.target.value)}
        className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-emerald-600 focus:ring-2 focus:ring-emerald-600/70 focus:outline-none"
      />
      <p id={`${id}-hint`} className="text-xs text-slate-500">
        {hint}
      </p>
    </fieldset>
  );
}
