"use client";

import { type FormEvent, useId, useState } from "react";
import { formatBusinessNumber } from "@/components/inbox/format";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { requestJson } from "@/lib/queries/request-json";
import type { TestConnectionResult } from "@/lib/views/settings";

/** "Does my token work for this number?" — one Graph API call, and what it means. */
export function TestConnectionPanel({ knownPhoneNumberIds }: { knownPhoneNumberIds: string[] }) {
  const [phoneNumberId, setPhoneNumberId] = useState(knownPhoneNumberIds[0] ?? "");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<TestConnectionResult | null>(null);
  const listId = useId();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    setResult(null);
    const response = await requestJson<{ result: TestConnectionResult }>("/api/settings/whatsapp/test-connection", {
      body: { phoneNumberId },
    });
    setPending(false);
    if (!response.ok) setError(response.message.replace(/^phoneNumberId: /, ""));
    else setResult(response.data.result);
  }

  return (
    <section aria-labelledby="test-connection-heading" className="space-y-3">
      <div>
        <h3 id="test-connection-heading" className="text-sm font-semibold text-slate-900">
          Test connection
        </h3>
        <p className="mt-1 text-sm text-slate-600">
          Asks the Graph API for a phone number with the saved access token: proves the token, its permissions and the
          number ID in one call.
        </p>
      </div>
      <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-end gap-2">
        <Field
          label="Phone number ID"
          name="phoneNumberId"
          value={phoneNumberId}
          onChange={(event) => setPhoneNumberId(event.target.value)}
          list={listId}
          inputMode="numeric"
          autoComplete="off"
          required
          error={error ?? undefined}
          className="w-64"
        />
        <datalist id={listId}>
          {knownPhoneNumberIds.map((id) => (
            <option key={id} value={id} />
          ))}
        </datalist>
        <Button type="submit" loading={pending}>
          {pending ? "Testing…" : "Test connection"}
        </Button>
      </form>
      <div aria-live="polite">{result ? <TestResult result={result} /> : null}</div>
    </section>
  );
}

function TestResult({ result }: { result: TestConnectionResult }) {
  if (result.ok) {
    const number = result.phoneNumber;
    const rows: [string, string | null][] = [
      ["Number", formatBusinessNumber(number.displayPhoneNumber)],
      ["Verified name", number.verifiedName],
      ["Quality rating", number.qualityRating],
      ["Name status", number.nameStatus],
      ["Code verification", number.codeVerificationStatus],
      ["Platform", number.platformType],
      ["Throughput", number.throughputLevel],
    ];
    return (
      <div className="rounded-md border border-emerald-200 bg-emerald-50 p-3 text-sm text-emerald-900" role="status">
        <p className="font-medium">
          Connected: the token can read phone number {number.id} ({result.graphApiVersion}).
        </p>
        <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
          {rows
            .filter((row): row is [string, string] => row[1] !== null)
            .map(([label, value]) => (
              <div key={label} className="contents">
                <dt className="text-emerald-800">{label}</dt>
                <dd className="font-medium">{value}</dd>
              </div>
            ))}
        </dl>
      </div>
    );
  }
  return (
    <Alert tone="error">
      <p className="font-medium">{result.message}</p>
      {result.meta ? (
        <p className="mt-1">
          Meta said: “{result.meta.message}” (code {result.meta.code}
          {result.meta.subcode !== null ? `, subcode ${result.meta.subcode}` : ""}
          {result.meta.fbtraceId ? `, fbtrace_id ${result.meta.fbtraceId}` : ""})
        </p>
      ) : null}
    </Alert>
  );
}
