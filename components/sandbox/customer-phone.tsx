"use client";

import { type FormEvent, useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useCustomerAction, useCustomerReads } from "@/lib/queries/use-sandbox";
import type { SandboxChatItem, SandboxCustomerView } from "@/lib/views/sandbox";
import { ChatBubble } from "./chat-bubble";
import { FailureControls } from "./failure-controls";

/** One customer's phone: the chat as WhatsApp shows it, and what the customer can do. */
export function CustomerPhone({ customer, onBack }: { customer: SandboxCustomerView; onBack: () => void }) {
  const action = useCustomerAction(customer.address);
  const reads = useCustomerReads(customer.address);
  const [text, setText] = useState("");
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

  const send = (event: FormEvent) => {
    event.preventDefault();
    const body = text.trim();
    if (!body) return;
    action.mutate(
      { type: "text", text: body, ...(replyTo ? { replyTo: replyTo.wamid } : {}) },
      {
        onSuccess: () => {
          setText("");
          setReplyTo(null);
        },
      },
    );
  };

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
      {action.isError ? (
        <div className="px-3 pb-2">
          <Alert tone="error">{action.error.message}</Alert>
        </div>
      ) : null}
      <form onSubmit={send} className="border-t border-slate-300 bg-white p-2">
        {replyTo ? (
          <div className="mb-2 flex items-center gap-2 rounded border-l-4 border-emerald-600 bg-slate-50 px-2 py-1 text-xs">
            <span className="min-w-0 flex-1 truncate">Replying to: {replyTo.text}</span>
            <button type="button" onClick={() => setReplyTo(null)} className="underline" aria-label="Cancel the reply">
              Cancel
            </button>
          </div>
        ) : null}
        <div className="flex gap-2">
          <label htmlFor="sandbox-message" className="sr-only">
            Message as {customer.name}
          </label>
          <input
            id="sandbox-message"
            value={text}
            onChange={(event) => setText(event.target.value)}
            placeholder="Message"
            autoComplete="off"
            maxLength={4096}
            className="min-w-0 flex-1 rounded-full border border-slate-300 px-4 py-2 text-sm focus-visible:outline-2 focus-visible:outline-emerald-700"
          />
          <Button type="submit" loading={action.isPending} disabled={!text.trim()}>
            Send
          </Button>
        </div>
      </form>
    </section>
  );
}
