"use client";

import { type FormEvent, useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useInjectFailure } from "@/lib/queries/use-sandbox-failures";
import { SANDBOX_FAILURES, type SandboxFailure } from "@/lib/views/sandbox-failures";

const SELECT =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm focus-visible:outline-2 focus-visible:outline-emerald-700";

/** Meta's side, on request: the next send to this customer (or to anyone) fails the chosen way. */
export function FailureControls({ address, name }: { address: string; name: string }) {
  const inject = useInjectFailure();
  const [failure, setFailure] = useState<SandboxFailure>("undeliverable");
  const [scope, setScope] = useState<"customer" | "anyone">("customer");
  const id = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    inject.mutate({ failure, recipient: scope === "customer" ? address : null });
  };
  const armed = inject.isSuccess ? inject.data : null;

  return (
    <details className="border-t border-slate-300 bg-amber-50 text-sm">
      <summary className="cursor-pointer px-3 py-2 font-medium text-amber-900 focus-visible:outline-2 focus-visible:outline-amber-700">
        Meta&apos;s side: fail the next send
      </summary>
      <form onSubmit={submit} className="flex flex-wrap items-end gap-2 px-3 pb-3" aria-label="Fail the next send">
        <div className="min-w-0 flex-1 basis-40">
          <label htmlFor={`${id}-failure`} className="block text-xs font-medium text-slate-800">
            Failure
          </label>
          <select
            id={`${id}-failure`}
            value={failure}
            onChange={(event) => setFailure(event.target.value as SandboxFailure)}
            className={SELECT}
          >
            {SANDBOX_FAILURES.map((option) => (
              <option key={option.id} value={option.id}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <div className="min-w-0 flex-1 basis-32">
          <label htmlFor={`${id}-scope`} className="block text-xs font-medium text-slate-800">
            For the next send to
          </label>
          <select
            id={`${id}-scope`}
            value={scope}
            onChange={(event) => setScope(event.target.value as "customer" | "anyone")}
            className={SELECT}
          >
            <option value="customer">{name}</option>
            <option value="anyone">Any customer</option>
          </select>
        </div>
        <Button type="submit" variant="secondary" loading={inject.isPending}>
          Fail next send
        </Button>
      </form>
      <div className="px-3 pb-2" role="status">
        {armed ? (
          <p className="text-xs text-amber-900">
            The next send to {armed.recipient ? <bdi>{name}</bdi> : "any customer"} will fail:{" "}
            {SANDBOX_FAILURES.find((option) => option.id === armed.failure)?.label}.
          </p>
        ) : null}
      </div>
      {inject.isError ? (
        <div className="px-3 pb-2">
          <Alert tone="error">{inject.error.message}</Alert>
        </div>
      ) : null}
    </details>
  );
}
