"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { requestJson } from "@/lib/queries/request-json";
import { AUTO_ASSIGN_CAP_MAX, type AutoAssignmentView } from "@/lib/views/assignment";

/**
 * One number's auto-assignment: new conversations (and re-opened unassigned ones) go round-robin to
 * agents who are online, optionally at most `cap` open ones each. Saved with its own button.
 */
export function AutoAssignmentForm({ id, title, initial }: { id: string; title: string; initial: AutoAssignmentView }) {
  const router = useRouter();
  const hintId = useId();
  const [enabled, setEnabled] = useState(initial.enabled);
  const [cap, setCap] = useState(initial.cap === null ? "" : String(initial.cap));
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<{ field: "cap" | null; message: string } | null>(null);
  const [saved, setSaved] = useState(false);
  const dirty = enabled !== initial.enabled || cap.trim() !== (initial.cap === null ? "" : String(initial.cap));

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    setSaved(false);
    const trimmed = cap.trim();
    // Digits only here; the server checks the range (and says so in the same words).
    if (trimmed !== "" && !/^\d+$/.test(trimmed)) {
      setError({ field: "cap", message: `Give a whole number from 1 to ${AUTO_ASSIGN_CAP_MAX}, or leave it empty` });
      return;
    }
    setPending(true);
    const result = await requestJson(`/api/settings/phone-numbers/${encodeURIComponent(id)}/auto-assignment`, {
      method: "PATCH",
      body: { enabled, cap: trimmed === "" ? null : Number(trimmed) },
    });
    setPending(false);
    if (!result.ok) {
      const match = /^cap: (.*)$/.exec(result.message);
      setError(match ? { field: "cap", message: match[1] ?? "" } : { field: null, message: result.message });
      return;
    }
    setSaved(true);
    router.refresh();
  }

  return (
    <form
      onSubmit={(event) => void onSubmit(event)}
      noValidate
      aria-label={`Auto-assignment of ${title}`}
      className="mt-3 space-y-2 rounded-md border border-slate-200 bg-slate-50 p-3"
    >
      <div className="grid gap-3 sm:grid-cols-[1fr_12rem_auto] sm:items-end">
        <div>
          <label className="flex items-center gap-2 text-sm font-medium text-slate-900">
            <input
              type="checkbox"
              checked={enabled}
              onChange={(event) => setEnabled(event.target.checked)}
              aria-describedby={hintId}
              className="size-4 accent-emerald-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-700"
            />
            Auto-assign new conversations
          </label>
          <p id={hintId} className="mt-1 text-xs text-slate-600">
            Round-robin to agents who are online; nobody online leaves them unassigned.
          </p>
        </div>
        <Field
          label="Cap per agent (optional)"
          hint="Open conversations at most"
          value={cap}
          onChange={(event) => setCap(event.target.value)}
          inputMode="numeric"
          placeholder="No cap"
          autoComplete="off"
          error={error?.field === "cap" ? error.message : undefined}
        />
        <Button type="submit" variant="secondary" loading={pending} disabled={!dirty && !pending}>
          {pending ? "Saving…" : "Save auto-assignment"}
        </Button>
      </div>
      {error?.field === null ? <Alert tone="error">{error.message}</Alert> : null}
      {saved && !dirty ? <Alert tone="success">Auto-assignment saved.</Alert> : null}
    </form>
  );
}
