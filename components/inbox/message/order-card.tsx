import type { MessageBodyOf, OrderItemView } from "@/lib/views/message-body";
import { CartIcon } from "./icons";
import { LinkifiedText } from "./linkified-text";

const MAX_ITEMS = 8;

/** A cart sent from the catalog: what and how many, and the total when every line has a price in one currency. */
export function OrderCard({ order }: { order: MessageBodyOf<"order"> }) {
  const { items, catalogId: catalog, text: note } = order;
  const units = items.reduce((sum, item) => sum + (item.quantity ?? 1), 0);
  const total = orderTotal(items);

  return (
    <div className="flex flex-col gap-1.5">
      <div className="min-w-56 rounded-md border border-slate-200 bg-slate-50 p-2.5 text-sm">
        <div className="flex items-center gap-2">
          <CartIcon className="size-5 text-slate-500" />
          <p className="font-medium text-slate-800">Order</p>
          <p className="ml-auto text-xs text-slate-500">
            {items.length === 0 ? "No items" : `${units} ${units === 1 ? "item" : "items"}`}
          </p>
        </div>
        {items.length > 0 ? (
          <ul className="mt-1.5 space-y-0.5 text-slate-700">
            {items.slice(0, MAX_ITEMS).map((item, index) => (
              <li key={index} className="flex justify-between gap-3">
                <span className="break-all">
                  {item.quantity ?? 1} × {item.productRetailerId ?? "Unknown product"}
                </span>
                {item.price !== null ? (
                  <span className="shrink-0 tabular-nums">{formatMoney(item.price, item.currency)}</span>
                ) : null}
              </li>
            ))}
            {items.length > MAX_ITEMS ? (
              <li className="text-xs text-slate-500">and {items.length - MAX_ITEMS} more</li>
            ) : null}
          </ul>
        ) : null}
        {total ? (
          <p className="mt-1.5 flex justify-between border-t border-slate-200 pt-1.5 font-medium text-slate-800">
            <span>Total</span>
            <span className="tabular-nums">{total}</span>
          </p>
        ) : null}
        {catalog ? <p className="mt-1 text-xs break-all text-slate-500">Catalog {catalog}</p> : null}
      </div>
      {note ? <LinkifiedText text={note} /> : null}
    </div>
  );
}

function orderTotal(items: OrderItemView[]): string | null {
  if (items.length === 0) return null;
  const currency = items[0]?.currency ?? null;
  let total = 0;
  for (const item of items) {
    if (item.price === null || item.quantity === null || item.currency !== currency) return null;
    total += item.price * item.quantity;
  }
  return formatMoney(total, currency);
}

function formatMoney(amount: number, currency: string | null): string {
  if (currency) {
    try {
      return new Intl.NumberFormat("en-GB", { style: "currency", currency }).format(amount);
    } catch {
      // Not an ISO 4217 code: show the number with whatever Meta sent.
    }
  }
  return `${amount.toFixed(2)}${currency ? ` ${currency}` : ""}`;
}
