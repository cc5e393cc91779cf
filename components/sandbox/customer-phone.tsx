"use client";

import { useEffect, useRef, useState } from "react";
import { useCustomerAction, useCustomerReads } from "@/lib/queries/use-sandbox";
import type { SandboxChatItem, SandboxCustomerView } from "@/lib/views/sandbox";
import { ChatBubble } from "./chat-bubble";
import { FailureControls } from "./failure-controls";
import { CustomerComposer } from "./customer-composer";

/** One customer's phone: the chat as WhatsApp shows it, and what the customer can do. */
export function CustomerPhone({ customer, onBack }: { customer: SandboxCustomerView; onBack: () => void }) {
  const action = useCustomerAction(customer.address);
  const reads = useCustomerReads(customer.address);
  const [replyTo, setReplyTo] = useState<SandboxChatItem | null>(null);
  const logRef = useRef<HTMLOListElement>(null);

  // The chat is open on the customer's screen: what arrives is read at once, as on a real phone.
  const { unread } = customer;
  const { mutate: read, isPending: reading } = reads;
  useEffect(() => {
    if (unread > 0 && !reading) read();
  }, [unread, reading, read]);

  const count = customer.chat.length;
  useEffect(() => {
    logRef.current?.lastElementChild?.scrollIntoView({ block: "end" });
  }, [count]);

  return (
    <section
      aria-label={`${customer.name}'s phone`}
      className="flex min-h-[32rem] flex-1 flex-col overflow-hidden rounded-2xl border-4 border-slate-800 bg-[#efeae2] md:max-w-md"
    >
      <header className="flex items-center gap-2 bg-emerald-800 px-3 py-2 text-white">
        <button
          type="button"
          onClick={onBack}
          className="rounded px-2 py-1 text-sm hover:bg-emerald-700 focus-visible:outline-2 focus-visible:outline-white md:hidden"
        >
          ← Customers
        </button>
        <div className="min-w-0">
          <h2 className="truncate text-sm font-semibold">Chat with {customer.businessNumber}</h2>
          <p className="truncate text-xs text-emerald-100">
            You are <bdi>{customer.name}</bdi>
          </p>
        </div>
      </header>
      {/* The log around the list, not on it: role="log" on the <ol> would hide its list items' role. */}
      <div role="log" aria-label="Messages" className="flex-1 overflow-y-auto p-3">
        <ol ref={logRef} className="space-y-2">
          {customer.chat.length === 0 ? (
            <li className="py-8 text-center text-sm text-slate-600">No messages yet. Say hello to the business.</li>
          ) : (
            customer.chat.map((item) => (
              <ChatBubble
                key={item.wamid}
                item={item}
                busy={action.isPending}
                onReply={() => setReplyTo(item)}
                onReact={(emoji) => action.mutate({ type: "reaction", messageId: item.wamid, emoji })}
                onTap={(button) =>
                  action.mutate({ type: "button", messageId: item.wamid, text: button.text, payload: button.payload })
                }
              />
            ))
          )}
        </ol>
      </div>
      <FailureControls address={customer.address} name={customer.name} />
      <CustomerComposer
        name={customer.name}
        address={customer.address}
        action={action}
        replyTo={replyTo}
        onClearReply={() => setReplyTo(null)}
      />
    </section>
  );
}
