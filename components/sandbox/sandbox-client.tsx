"use client";

import { useState } from "react";
import { QueryProvider } from "@/components/providers/query-provider";
import { Alert } from "@/components/ui/alert";
import { useSandboxCustomers } from "@/lib/queries/use-sandbox";
import type { SandboxCustomerView } from "@/lib/views/sandbox";
import { CustomerPhone } from "./customer-phone";

export function SandboxClient() {
  return (
    <QueryProvider>
      <Simulator />
    </QueryProvider>
  );
}

/** The simulated customers on the left, the chosen one's phone on the right (one at a time on a phone). */
function Simulator() {
  const customers = useSandboxCustomers();
  const [selected, setSelected] = useState<string | null>(null);
  const list = customers.data ?? [];
  const current = list.find((customer) => customer.address === selected) ?? null;

  return (
    <div className="mx-auto flex w-full max-w-5xl flex-1 flex-col gap-4 p-4 md:flex-row">
      <section
        aria-labelledby="sandbox-customers"
        className={`md:w-72 md:shrink-0 ${current ? "hidden md:block" : ""}`}
      >
        <h1 id="sandbox-customers" className="text-lg font-semibold text-slate-900">
          Simulated customers
        </h1>
        <p className="mt-1 text-sm text-slate-600">
          Play a customer: what you send reaches the inbox as Meta&apos;s signed webhooks; opening a chat reads it.
        </p>
        {customers.isPending ? (
          <p className="mt-4 text-sm text-slate-500" role="status">
            Loading customers…
          </p>
        ) : customers.isError && list.length === 0 ? (
          <div className="mt-4">
            <Alert tone="error">{customers.error.message}</Alert>
          </div>
        ) : list.length === 0 ? (
          <p className="mt-4 text-sm text-slate-600">
            No simulated customers yet. Start a conversation from the inbox: whoever you write to becomes one.
          </p>
        ) : (
          <ul className="mt-4 space-y-1" aria-label="Customers">
            {list.map((customer) => (
              <li key={customer.address}>
                <CustomerButton
                  customer={customer}
                  selected={customer.address === selected}
                  onSelect={() => setSelected(customer.address)}
                />
              </li>
            ))}
          </ul>
        )}
      </section>
      {current ? (
        <CustomerPhone key={current.address} customer={current} onBack={() => setSelected(null)} />
      ) : (
        <div className="hidden flex-1 items-center justify-center rounded-2xl border border-dashed border-slate-300 text-sm text-slate-500 md:flex">
          Choose a customer to open their phone.
        </div>
      )}
    </div>
  );
}

function CustomerButton({
  customer,
  selected,
  onSelect,
}: {
  customer: SandboxCustomerView;
  selected: boolean;
  onSelect: () => void;
}) {
  return (
    <button
      type="button"
      onClick={onSelect}
      aria-current={selected || undefined}
      className={`flex w-full items-center gap-3 rounded-md px-3 py-2 text-left hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-emerald-700 ${selected ? "bg-emerald-50" : ""}`}
    >
      <span className="min-w-0 flex-1">
        <bdi className="block truncate text-sm font-medium text-slate-900">{customer.name}</bdi>
        <span className="block truncate text-xs text-slate-500">
          {customer.waId ? `+${customer.waId}` : customer.userId} → {customer.businessNumber}
        </span>
      </span>
      {customer.unread > 0 ? (
        <span className="rounded-full bg-emerald-700 px-2 py-0.5 text-xs font-semibold text-white">
          {customer.unread}
          <span className="sr-only"> unread</span>
        </span>
      ) : null}
    </button>
  );
}
