"use client";

import { useState } from "react";
import { requestJson } from "@/lib/queries/request-json";
import { type Availability, availabilityLabels } from "@/lib/views/assignment";

/**
 * The signed-in user's availability in the header: one button that switches between Online (takes
 * auto-assigned conversations) and Away. The word is always shown; the dot only repeats it.
 */
export function AvailabilityToggle({ initial }: { initial: Availability }) {
  const [availability, setAvailability] = useState<Availability>(initial);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const next: Availability = availability === "online" ? "away" : "online";

  async function toggle() {
    setPending(true);
    setError(null);
    const result = await requestJson<{ availability: Availability }>("/api/users/me/availability", {
      method: "PATCH",
      body: { availability: next },
    });
    setPending(false);
    if (result.ok) setAvailability(result.data.availability);
    else setError(result.message);
  }

  const online = availability === "online";
  return (
    <span className="flex items-center">
      <button
        type="button"
        // Busy is aria-disabled, not disabled: a disabled button would drop the keyboard's focus.
        onClick={pending ? undefined : toggle}
        aria-disabled={pending || undefined}
        aria-busy={pending || undefined}
        data-testid="availability"
        aria-label={`Availability: ${availabilityLabels[availability]}. Switch to ${availabilityLabels[next]}`}
        title={
          online ? "You take new conversations. Switch to away" : "You take no new conversations. Switch to online"
        }
        className={`inline-flex items-center gap-1.5 rounded-full border px-1.5 py-1 text-xs whitespace-nowrap sm:px-2.5 font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-700 aria-disabled:opacity-60 ${
          online
            ? "border-emerald-300 bg-emerald-50 text-emerald-900 hover:bg-emerald-100"
            : "border-slate-300 bg-slate-50 text-slate-700 hover:bg-slate-100"
        }`}
      >
        <span
          aria-hidden="true"
          // At 390 px the header has no room for it: the word alone says it there.
          className={`hidden size-2 rounded-full sm:inline-block ${online ? "bg-emerald-600" : "border border-slate-500 bg-white"}`}
        />
        {availabilityLabels[availability]}
      </button>
      {error ? (
        <span role="alert" title={error} className="ml-1 text-xs font-medium text-red-700">
          Not saved
        </span>
      ) : null}
    </span>
  );
}
