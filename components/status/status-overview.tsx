import type { IngestionOverview } from "@/lib/inbox/get-ingestion-overview";

const labels = { processed: "Processed", pending: "Waiting", failed: "Failed" } as const;

export function StatusOverview({ overview }: { overview: IngestionOverview }) {
  return (
    <main className="mx-auto max-w-2xl px-6 py-16">
      <h1 className="text-2xl font-semibold">WhatsApp Inbox</h1>
      <p className="mt-2 text-slate-600">
        Webhook ingestion is running. The callback URL and verify token to paste into Meta&apos;s app dashboard are
        printed in the server log at start-up.
      </p>
      {overview.ok ? (
        <section aria-labelledby="events-heading" className="mt-8">
          <h2 id="events-heading" className="text-sm font-medium uppercase tracking-wide text-slate-500">
            Stored webhook events
          </h2>
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
        </section>
      ) : (
        <p role="alert" className="mt-8 rounded-lg border border-red-200 bg-red-50 p-4 text-red-800">
          {overview.message}
        </p>
      )}
    </main>
  );
}
