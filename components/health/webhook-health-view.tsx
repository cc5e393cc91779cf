import type { ReactNode } from "react";
import type { WebhookHealth } from "@/lib/views/health";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { Time } from "@/components/ui/time";
import { RefreshButton, ResumeSendingButton, RetryFailedButton } from "./health-actions";

const time = (iso: string | null) => (iso ? <Time iso={iso} /> : "never");

type Tone = "ok" | "warn" | "bad" | "idle";
const dot: Record<Tone, string> = {
  ok: "bg-emerald-500",
  warn: "bg-amber-500",
  bad: "bg-red-500",
  idle: "bg-slate-300",
};
const toneLabel: Record<Tone, string> = { ok: "OK", warn: "Warning", bad: "Problem", idle: "No data" };

function Check({ title, tone, children, testId }: { title: string; tone: Tone; children: ReactNode; testId: string }) {
  return (
    <Card className="p-5">
      <section aria-labelledby={`${testId}-title`} data-testid={testId}>
        <h2 id={`${testId}-title`} className="flex items-center gap-2 text-sm font-semibold text-slate-900">
          <span aria-hidden="true" className={`size-2.5 rounded-full ${dot[tone]}`} />
          {title}
          <span className="sr-only">: {toneLabel[tone]}</span>
        </h2>
        <div className="mt-2 space-y-1 text-sm text-slate-700">{children}</div>
      </section>
    </Card>
  );
}

const Hint = ({ children }: { children: ReactNode }) => <p className="text-xs text-slate-500">{children}</p>;

export function WebhookHealthView({ health }: { health: WebhookHealth }) {
  const { verification, signatureFailures, wrongKey, backlog, ackLatency, sending } = health;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold">Webhook health</h1>
          <p className="mt-1 text-sm text-slate-600">
            What the webhook endpoint actually saw. As of {time(health.generatedAt)}.
          </p>
        </div>
        <RefreshButton />
      </div>
      {health.quietWarning ? <Alert tone="error">{health.quietWarning}</Alert> : null}
      <div className="grid gap-4 md:grid-cols-2">
        <Check
          testId="health-verification"
          title="Verification handshake"
          tone={!verification ? "idle" : verification.succeeded ? "ok" : "bad"}
        >
          {verification ? (
            <p>
              Last attempt {time(verification.lastAt)}:{" "}
              <strong>{verification.succeeded ? "succeeded" : "failed"}</strong>
              {verification.succeeded ? "" : ` — ${verification.detail ?? "unknown reason"}`}
            </p>
          ) : (
            <p>Meta has not called the verification URL yet.</p>
          )}
          {verification && !verification.succeeded ? (
            <Hint>
              Meta must get the bare hub.challenge back. Compare the verify token in Meta&apos;s dashboard with the one
              in Settings, character for character.
            </Hint>
          ) : null}
        </Check>
        <Check testId="health-signatures" title="Signatures" tone={signatureFailures.count > 0 ? "bad" : "ok"}>
          <p>
            {signatureFailures.count} rejected ({signatureFailures.invalid} wrong, {signatureFailures.missing} missing)
            · last {time(signatureFailures.lastAt)}
          </p>
          {signatureFailures.count > 0 ? (
            <Hint>
              X-Hub-Signature-256 is an HMAC of the raw body keyed with the App Secret (App Settings → Basic) — not the
              access token. Check the App Secret in Settings.
            </Hint>
          ) : null}
        </Check>
        <Check testId="health-wrong-key" title="Requests to a wrong URL key" tone={wrongKey.count > 0 ? "warn" : "ok"}>
          <p>
            {wrongKey.count} · last {time(wrongKey.lastAt)}
            {wrongKey.lastDetail ? ` (${wrongKey.lastDetail})` : ""}
          </p>
          {wrongKey.count > 0 ? (
            <Hint>
              Someone is probing the callback URL, or Meta still has an old key: rotate it in Settings and update Meta.
            </Hint>
          ) : null}
        </Check>
        <Check
          testId="health-latency"
          title="Acknowledgement latency (last hour, this server)"
          tone={ackLatency.count === 0 ? "idle" : ackLatency.meetsMetaStandard ? "ok" : "bad"}
        >
          {ackLatency.count === 0 ? (
            <p>No events acknowledged in the last hour.</p>
          ) : (
            <p>
              {ackLatency.count} acks · p50 ≤ {ackLatency.p50Ms} ms · p99 ≤ {ackLatency.p99Ms} ms ·{" "}
              {(ackLatency.overOneSecondRatio * 100).toFixed(2)} % over 1 s
            </p>
          )}
          <Hint>Meta&apos;s standard: median ≤ 250 ms and under 1 % of requests over 1 s.</Hint>
        </Check>
        <Check
          testId="health-backlog"
          title="Processing"
          tone={backlog.failed > 0 ? "bad" : backlog.pending > 0 && (backlog.lagSeconds ?? 0) > 60 ? "warn" : "ok"}
        >
          <p>
            {backlog.processed} processed · {backlog.pending} waiting
            {backlog.lagSeconds !== null ? ` (oldest ${Math.round(backlog.lagSeconds)} s ago)` : ""} · {backlog.failed}{" "}
            failed
          </p>
          <p>{health.duplicates.count} duplicate deliveries absorbed (Meta retries)</p>
        </Check>
        <Check
          testId="health-sending"
          title="Sending to Meta"
          tone={
            sending.paused || sending.accessTokenMissing
              ? "bad"
              : (sending.oldestQueuedSeconds ?? 0) > 60
                ? "warn"
                : "ok"
          }
        >
          {sending.accessTokenMissing ? (
            <p>
              <strong>Off:</strong> no access token is configured, so no reply can leave.
            </p>
          ) : sending.paused && sending.problem ? (
            <>
              <p>
                <strong>Paused</strong> since {time(sending.problem.since)}:{" "}
                <code className="text-xs">{sending.problem.code}</code> {sending.problem.title}
              </p>
              <p>{sending.problem.advice}</p>
            </>
          ) : (
            <p>Replies are leaving.</p>
          )}
          <p>
            {sending.queued} waiting to be sent
            {sending.oldestQueuedSeconds !== null ? ` (oldest ${Math.round(sending.oldestQueuedSeconds)} s ago)` : ""}
          </p>
          {sending.paused && !sending.accessTokenMissing ? <ResumeSendingButton /> : null}
          <Hint>
            Meta&apos;s 190 (token), 368 and 131031 (account) pause sending for everyone until an admin saves a new
            token or resumes here.
          </Hint>
        </Check>
        <Check
          testId="health-number-errors"
          title="Errors Meta reported for a number"
          tone={health.numberErrors.length ? "warn" : "ok"}
        >
          {health.numberErrors.length ? (
            <ul>
              {health.numberErrors.map((error, index) => (
                <li key={`${error.at}-${index}`}>
                  {error.code !== null ? <code className="text-xs">{error.code}</code> : null} {error.title}
                  {error.details ? ` — ${error.details}` : ""} · number {error.phoneNumberId ?? "unknown"} ·{" "}
                  {time(error.at)}
                </li>
              ))}
            </ul>
          ) : (
            <p>None: Meta has not reported an error for a whole number (such as 130429, throughput).</p>
          )}
          <Hint>
            Errors stored before this check existed appear after{" "}
            <code className="font-mono">npm run events:replay</code>.
          </Hint>
        </Check>
        <Check testId="health-fields" title="Last event per field" tone={health.fields.length ? "ok" : "idle"}>
          {health.fields.length ? (
            <ul>
              {health.fields.map((field) => (
                <li key={field.field}>
                  <code className="text-xs">{field.field}</code> — {field.count} · last {time(field.lastAt)}
                </li>
              ))}
            </ul>
          ) : (
            <p>No signed events yet. Use Meta&apos;s &quot;Test&quot; button, or `npm run simulate -- text` locally.</p>
          )}
        </Check>
      </div>
      <Card className="p-5">
        <h2 className="text-sm font-semibold text-slate-900">Numbers</h2>
        {health.numbers.length ? (
          <table className="mt-3 w-full text-left text-sm">
            <thead className="text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="py-1 pr-4 font-medium">
                  Number
                </th>
                <th scope="col" className="py-1 pr-4 font-medium">
                  Last message event
                </th>
                <th scope="col" className="py-1 font-medium">
                  Last status event
                </th>
              </tr>
            </thead>
            <tbody>
              {health.numbers.map((number) => (
                <tr key={number.phoneNumberId} className="border-t border-slate-100">
                  <td className="py-1.5 pr-4">{number.label}</td>
                  <td className="py-1.5 pr-4">{time(number.lastMessageAt)}</td>
                  <td className="py-1.5">{time(number.lastStatusAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="mt-2 text-sm text-slate-600">Numbers appear here with their first signed webhook.</p>
        )}
      </Card>
      <Card className="p-5">
        <section aria-labelledby="failed-events-title" data-testid="health-failed">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <h2 id="failed-events-title" className="text-sm font-semibold text-slate-900">
              Failed events
            </h2>
            {health.failedEvents.length ? <RetryFailedButton /> : null}
          </div>
          {health.failedEvents.length ? (
            <ul className="mt-3 divide-y divide-slate-100 text-sm">
              {health.failedEvents.map((event) => (
                <li key={event.id} className="py-2">
                  <div className="text-slate-500">
                    #{event.id} · received {time(event.receivedAt)} · {event.attempts} attempt(s)
                  </div>
                  <pre className="mt-1 whitespace-pre-wrap break-words font-mono text-xs text-red-800">
                    {event.error}
                  </pre>
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-2 text-sm text-slate-600">None. Every stored event was applied.</p>
          )}
        </section>
      </Card>
    </div>
  );
}
