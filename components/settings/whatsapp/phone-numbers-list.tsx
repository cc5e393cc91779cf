"use client";

import { useRouter } from "next/navigation";
import { formatBusinessNumber } from "@/components/inbox/format";
import { type FormEvent, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { requestJson } from "@/lib/queries/request-json";
import type { PhoneNumberView } from "@/lib/views/settings";
import { AutoAssignmentForm } from "./auto-assignment-form";
import type { BusinessHoursView } from "@/lib/views/business-hours";
import { BusinessHoursForm } from "./business-hours-form";

function hoursSummary(hours: BusinessHoursView): string {
  if (!hours.configured) return "not set";
  const on = [hours.awayEnabled ? "away message on" : null, hours.greetingEnabled ? "greeting on" : null].filter(
    Boolean,
  );
  return `${hours.timeZone}${on.length ? ` · ${on.join(", ")}` : ""}`;
}

export function PhoneNumbersList({
  phoneNumbers,
  businessHours,
}: {
  phoneNumbers: PhoneNumberView[];
  businessHours: Record<string, BusinessHoursView>;
}) {
  if (phoneNumbers.length === 0) {
    return (
      <EmptyState title="No phone numbers yet">
        Numbers appear here by themselves with the first signed webhook that names them. Nothing arriving? Check that
        the app is subscribed to your WhatsApp Business Account and to the <code>messages</code> field.
      </EmptyState>
    );
  }
  return (
    <ul className="divide-y divide-slate-100">
      {phoneNumbers.map((number) => (
        <li key={number.id} className="py-4 first:pt-0 last:pb-0">
          <PhoneNumberForm number={number} />
          <AutoAssignmentForm
            id={number.id}
            title={formatBusinessNumber(number.displayPhoneNumber) ?? number.phoneNumberId}
            initial={number.autoAssignment}
          />
          {businessHours[number.id] ? (
            <details className="group mt-3 rounded-md border border-slate-200">
              <summary className="cursor-pointer rounded-md px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-emerald-700">
                Business hours, away message and greeting
                <span className="ml-2 font-normal text-slate-500">{hoursSummary(businessHours[number.id]!)}</span>
              </summary>
              <div className="border-t border-slate-200 p-3">
                <BusinessHoursForm
                  hours={businessHours[number.id]!}
                  numberLabel={formatBusinessNumber(number.displayPhoneNumber) ?? number.phoneNumberId}
                />
              </div>
            </details>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function PhoneNumberForm({ number }: { number: PhoneNumberView }) {
  const router = useRouter();
  const [name, setName] = useState(number.name ?? "");
  const [wabaId, setWabaId] = useState(number.wabaId ?? "");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<{ field: "name" | "wabaId" | null; message: string } | null>(null);
  const [saved, setSaved] = useState(false);
  const dirty = name !== (number.name ?? "") || wabaId !== (number.wabaId ?? "");

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    setSaved(false);
    const result = await requestJson(`/api/settings/phone-numbers/${encodeURIComponent(number.id)}`, {
      method: "PATCH",
      body: { name, wabaId },
    });
    setPending(false);
    if (!result.ok) {
      const match = /^(name|wabaId): (.*)$/.exec(result.message);
      setError(
        match
          ? { field: match[1] as "name" | "wabaId", message: match[2] ?? "" }
          : { field: null, message: result.message },
      );
      return;
    }
    setSaved(true);
    router.refresh();
  }

  const title = formatBusinessNumber(number.displayPhoneNumber) ?? number.phoneNumberId;
  return (
    <form onSubmit={onSubmit} noValidate aria-label={`Phone number ${title}`} className="space-y-3">
      <div className="flex flex-wrap items-baseline gap-x-3">
        <span className="font-medium text-slate-900">{title}</span>
        <span className="text-xs text-slate-500">
          Phone number ID <code className="font-mono">{number.phoneNumberId}</code>
        </span>
      </div>
      <div className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
        <Field
          label="Name"
          value={name}
          onChange={(event) => setName(event.target.value)}
          placeholder="e.g. Support"
          maxLength={100}
          autoComplete="off"
          error={error?.field === "name" ? error.message : undefined}
        />
        <Field
          label="WhatsApp Business Account ID"
          value={wabaId}
          onChange={(event) => setWabaId(event.target.value)}
          inputMode="numeric"
          autoComplete="off"
          error={error?.field === "wabaId" ? error.message : undefined}
        />
        <Button type="submit" variant="secondary" loading={pending} disabled={!dirty && !pending}>
          {pending ? "Saving…" : "Save"}
        </Button>
      </div>
      {error?.field === null ? <Alert tone="error">{error.message}</Alert> : null}
      {saved && !dirty ? <Alert tone="success">Saved.</Alert> : null}
    </form>
  );
}
