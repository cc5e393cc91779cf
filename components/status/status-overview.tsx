import type { IngestionOverview } from "@/lib/views/health";

const labels = { processed: "Processed", pending: "Waiting", failed: "Failed" } as const;

/** Counts of stored webhook events (admin settings). */
export function StatusOverview({ overview }: { overview: IngestionOverview }) {
  return (
    <section aria-labelledby="events-heading">
      <h2 id="events-heading" className="text-base font-semibold">
        Stored webhook events
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        The callback URL and verify token to paste into Meta&apos;s app dashboard are on{" "}
        <a href="/settings/whatsapp" className="font-medium text-emerald-800 underline-offset-2 hover:underline">
          WhatsApp connection
        </a>
        . There, <strong>Rotate</strong> the webhook key to see the full URL and <strong>Generate</strong> a verify
        token (each is shown once), unless the server&apos;s environment sets them (the page then says so).
      </p>
      {overview.ok ? (
        <dl className="mt-3 grid grid-cols-3 gap-4">
          {(Object.keys(labels) as (keyof typeof labels)[]).map((state) => (
            <div key={state} className="rounded-lg border border-slate-200 bg-white p-4">
              <dt className="text-sm text-slate-500">{labels[state]}</dt>
              <dd className="mt-1 text-2xl font-semibold tabular-nums" data-testid={`events-${state}`}>
                {overview.events[state].toLocaleString("en")}
              </dd>
            </div>
          ))}
        </dl>
      ) : (
        <p role="alert" className="mt-3 rounded-lg border border-red-200 bg-red-50 p-4 text-red-800">
          {overview.message}
        </p>
      )}
    </section>
  );
}
