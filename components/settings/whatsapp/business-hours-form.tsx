"use client";

// One number's business hours and automatic messages (admins). The whole schedule is saved at once;
// the line above Save says what a customer writing now would get.
import { useRouter } from "next/navigation";
import { type FormEvent, useEffect, useId, useMemo, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field } from "@/components/ui/field";
import { useMinuteClock } from "@/components/inbox/use-minute-clock";
import {
  formatBackAt,
  hoursStateAt,
  type OpenInterval,
  type Weekday,
  WEEKDAYS,
} from "@/lib/views/business-hours-schedule";
import { requestJson } from "@/lib/queries/request-json";
import type { BusinessHoursView } from "@/lib/views/business-hours";
import { AutoMessage, DayRow } from "./business-hours-fields";

const TIME_ZONES: string[] =
  typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : ["UTC", "Europe/Berlin"];

type Draft = Omit<BusinessHoursView, "phoneNumberId" | "configured">;

const draftOf = (hours: BusinessHoursView): Draft => ({
  timeZone: hours.timeZone,
  weekly: hours.weekly,
  holidays: hours.holidays,
  awayEnabled: hours.awayEnabled,
  awayText: hours.awayText,
  greetingEnabled: hours.greetingEnabled,
  greetingText: hours.greetingText,
});

export function BusinessHoursForm({ hours, numberLabel }: { hours: BusinessHoursView; numberLabel: string }) {
  const router = useRouter();
  const id = useId();
  const [draft, setDraft] = useState<Draft>(() => draftOf(hours));
  const [holiday, setHoliday] = useState("");
  const [pending, setPending] = useState<"saving" | "removing" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<"saved" | "removed" | null>(null);
  const [confirmingRemove, setConfirmingRemove] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  // The button that opened the dialog goes with the hours: the keyboard lands on Save (enabled
  // again by this render), not the page's top.
  useEffect(() => {
    if (saved === "removed") formRef.current?.querySelector<HTMLButtonElement>('button[type="submit"]')?.focus();
  }, [saved]);
  const url = `/api/settings/phone-numbers/${encodeURIComponent(hours.phoneNumberId)}/business-hours`;

  const update = (change: Partial<Draft>) => {
    setSaved(null);
    setDraft((current) => ({ ...current, ...change }));
  };
  const setDay = (day: Weekday, intervals: OpenInterval[]) => update({ weekly: { ...draft.weekly, [day]: intervals } });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending("saving");
    setError(null);
    const result = await requestJson(url, { method: "PATCH", body: draft });
    setPending(null);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    setSaved("saved");
    router.refresh();
  }

  async function remove() {
    setConfirmingRemove(false);
    setPending("removing");
    setError(null);
    const result = await requestJson<{ businessHours: BusinessHoursView }>(url, { method: "DELETE" });
    setPending(null);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    setDraft(draftOf(result.data.businessHours));
    setSaved("removed");
    router.refresh();
  }

  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      noValidate
      aria-label={`Business hours of ${numberLabel}`}
      className="space-y-5"
    >
      <Field
        label="Time zone"
        hint="The hours below are in this zone (an IANA name such as Europe/Berlin); daylight saving time is followed."
        list={`${id}-zones`}
        value={draft.timeZone}
        onChange={(event) => update({ timeZone: event.target.value })}
        autoComplete="off"
        spellCheck={false}
        className="max-w-sm"
      />
      <datalist id={`${id}-zones`}>
        {TIME_ZONES.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>

      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Weekly hours</legend>
        <p className="text-xs text-slate-500">
          A day without hours is closed. An end before the start runs past midnight (22:00–02:00).
        </p>
        <ul className="mt-2 divide-y divide-slate-100 rounded-md border border-slate-200">
          {WEEKDAYS.map((day) => (
            <DayRow
              key={day}
              day={day}
              intervals={draft.weekly[day]}
              onChange={(intervals) => setDay(day, intervals)}
            />
          ))}
        </ul>
      </fieldset>

      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Holidays</legend>
        <p className="text-xs text-slate-500">Closed all day on these dates.</p>
        <div className="mt-2 flex flex-wrap items-end gap-2">
          <label className="sr-only" htmlFor={`${id}-holiday`}>
            Holiday date
          </label>
          <input
            id={`${id}-holiday`}
            type="date"
            value={holiday}
            onChange={(event) => setHoliday(event.target.value)}
            className="rounded-md border border-slate-300 px-2 py-1.5 text-sm focus:border-emerald-600 focus:ring-2 focus:ring-emerald-600/70 focus:outline-none"
          />
          <Button
            type="button"
            variant="secondary"
            disabled={!holiday}
            onClick={() => {
              update({ holidays: [...new Set([...draft.holidays, holiday])].sort() });
              setHoliday("");
            }}
          >
            Add holiday
          </Button>
        </div>
        {draft.holidays.length > 0 ? (
          <ul aria-label="Holidays" className="mt-2 flex flex-wrap gap-2">
            {draft.holidays.map((date) => (
              <li key={date} className="flex items-center gap-1 rounded-full bg-slate-100 py-0.5 pr-1 pl-3 text-sm">
                {date}
                <button
                  type="button"
                  aria-label={`Remove holiday ${date}`}
                  onClick={() => update({ holidays: draft.holidays.filter((other) => other !== date) })}
                  className="rounded-full px-1.5 text-slate-600 hover:bg-slate-200 focus-visible:outline-2 focus-visible:outline-emerald-700"
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </fieldset>

      <AutoMessage
        label="Away message"
        toggle="Send an away message to customers who write outside these hours"
        hint="Once per conversation in each closed period, sent as “Sent automatically”. If the greeting is on too, a first message outside the hours gets the away message only."
        enabled={draft.awayEnabled}
        text={draft.awayText}
        onChange={(enabled, text) => update({ awayEnabled: enabled, awayText: text })}
      />
      <AutoMessage
        label="Greeting"
        toggle="Greet a customer's first message to this number"
        hint="Once per customer and number, in or out of hours (outside them, the away message goes instead)."
        enabled={draft.greetingEnabled}
        text={draft.greetingText}
        onChange={(enabled, text) => update({ greetingEnabled: enabled, greetingText: text })}
      />

      <NowLine hours={hours} />
      {error ? <Alert tone="error">{error}</Alert> : null}
      {saved === "saved" ? <Alert tone="success">Business hours saved.</Alert> : null}
      {saved === "removed" ? (
        <Alert tone="success">
          Business hours removed: this number is open at all hours, with no automatic messages.
        </Alert>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" loading={pending === "saving"} disabled={pending === "removing"}>
          {pending === "saving" ? "Saving…" : "Save business hours"}
        </Button>
        {hours.configured ? (
          <Button
            type="button"
            variant="secondary"
            loading={pending === "removing"}
            disabled={pending === "saving"}
            onClick={() => setConfirmingRemove(true)}
          >
            {pending === "removing" ? "Removing…" : "Remove business hours"}
          </Button>
        ) : null}
      </div>
      <ConfirmDialog
        open={confirmingRemove}
        title={`Remove the business hours of ${numberLabel}?`}
        confirmLabel="Remove business hours"
        onCancel={() => setConfirmingRemove(false)}
        onConfirm={() => void remove()}
      >
        <p>
          The number is then open at all hours: customers get no away message or greeting, and the inbox stops showing
          when the team is back. The audit log records it.
        </p>
      </ConfirmDialog>
    </form>
  );
}

/** What the saved hours say now (the draft counts once saved). */
function NowLine({ hours }: { hours: BusinessHoursView }) {
  const minute = useMinuteClock();
  const state = useMemo(() => (minute === null ? null : hoursStateAt(hours, new Date(minute))), [hours, minute]);
  if (!hours.configured || !state) return null;
  return (
    <p className="text-sm text-slate-700" data-testid="hours-now">
      {state.open
        ? "Open now."
        : state.backAt
          ? `Closed now — back at ${formatBackAt(state.backAt, hours.timeZone, new Date())} (${hours.timeZone}).`
          : "Closed now, with no opening hours ahead."}
    </p>
  );
}
