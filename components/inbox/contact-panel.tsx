"use client";

import { Button } from "@/components/ui/button";
import { Time } from "@/components/ui/time";
import { useContactPanel, useUpdateContact } from "@/lib/queries/use-contact";
import { MAX_CONTACT_NAME_LENGTH, MAX_CONTACT_NOTES_LENGTH, type ContactPanelView } from "@/lib/views/contacts";
import { formatPhone, phoneNumberLabel } from "./format";
import { ContactAttributes } from "./contact-attributes";
import { LabelChip } from "./label-chip";
import { useDrawAllAfterFirstFrame } from "./use-draw-all";
import { useFollowedField } from "./use-followed-field";

type Props = {
  contactId: string;
  /** The conversation open in the thread (marked in the list). */
  conversationId: string;
  onOpenConversation: (conversationId: string) => void;
};

/** Who the customer is: the team's name for them, their WhatsApp identity, every conversation, attributes, notes. */
export function ContactPanel({ contactId, conversationId, onOpenConversation }: Props) {
  const contact = useContactPanel(contactId);
  if (contact.isPending) {
    return (
      <p role="status" className="p-4 text-sm text-slate-500">
        Loading contact…
      </p>
    );
  }
  if (contact.error) {
    return (
      <div className="space-y-2 p-4 text-sm">
        <p role="alert" className="text-red-700">
          Could not load the contact: {contact.error.message}
        </p>
        <Button variant="secondary" onClick={() => void contact.refetch()}>
          Try again
        </Button>
      </div>
    );
  }
  const data = contact.data;
  return (
    <div className="space-y-5 p-4 text-sm" data-testid="contact-panel">
      <NameForm contact={data} />
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1.5">
        <Detail term="WhatsApp name" value={data.profileName ?? "not shared"} />
        <Detail term="Number" value={formatPhone(data.waId) ?? "not known"} />
        {data.userId ? <Detail term="User id" value={data.userId} /> : null}
        {data.username ? <Detail term="Username" value={data.username} /> : null}
        <dt className="text-slate-500">First contact</dt>
        <dd>
          <Time iso={data.firstContactAt} style="dateTime" />
        </dd>
      </dl>
      <ContactAttributes contact={data} />
      <ContactConversations
        conversations={data.conversations}
        conversationId={conversationId}
        onOpenConversation={onOpenConversation}
      />
      <NotesForm contact={data} />
    </div>
  );
}

// More than the panel shows below the customer's details on a tall screen.
const FIRST_FRAME_CONVERSATIONS = 12;

/**
 * Every conversation with the customer, on every number. A customer with many draws the first
 * FIRST_FRAME_CONVERSATIONS in the frame that opens the panel (the rest are below its fold) and
 * the others right after: a deep link's HTML and an opening click carry a fifth of the entries
 * for a customer with 50 (measured: README, Team tools speed).
 */
function ContactConversations({
  conversations,
  conversationId,
  onOpenConversation,
}: {
  conversations: ContactPanelView["conversations"];
  conversationId: string;
  onOpenConversation: (conversationId: string) => void;
}) {
  const drawAll = useDrawAllAfterFirstFrame(true);
  const shown = drawAll ? conversations : conversations.slice(0, FIRST_FRAME_CONVERSATIONS);
  return (
    <section aria-labelledby="contact-conversations">
      <h3 id="contact-conversations" className="text-xs font-semibold uppercase tracking-wide text-slate-500">
        Conversations ({conversations.length})
      </h3>
      <ul className="mt-1.5 space-y-1.5">
        {shown.map((conversation) => {
          const current = conversation.id === conversationId;
          return (
            <li key={conversation.id}>
              <a
                href={`/inbox/${conversation.id}`}
                data-testid="contact-conversation"
                aria-current={current ? "page" : undefined}
                onClick={(event) => {
                  if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
                  event.preventDefault();
                  if (!current) onOpenConversation(conversation.id);
                }}
                className={`block rounded-md border px-2.5 py-2 focus-visible:outline-2 focus-visible:outline-emerald-700 ${
                  current ? "border-emerald-300 bg-emerald-50" : "border-slate-200 hover:bg-slate-50"
                }`}
              >
                <span className="flex items-baseline gap-2">
                  <span className="min-w-0 flex-1 truncate font-medium text-slate-900">
                    to {phoneNumberLabel(conversation.phoneNumber)}
                  </span>
                  <span className="shrink-0 text-xs text-slate-600">
                    {current ? "this one · " : ""}
                    <span className="capitalize">{conversation.status}</span>
                  </span>
                </span>
                <span className="mt-0.5 block text-xs text-slate-500">
                  {conversation.lastMessageAt ? (
                    <>
                      Last message <Time iso={conversation.lastMessageAt} style="list" />
                    </>
                  ) : (
                    "No messages yet"
                  )}
                  {conversation.assignee ? ` · ${conversation.assignee.name}` : ""}
                </span>
                {conversation.labels.length > 0 ? (
                  <span className="mt-1 flex flex-wrap gap-1">
                    {conversation.labels.map((label) => (
                      <LabelChip key={label.id} label={label} />
                    ))}
                  </span>
                ) : null}
              </a>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function Detail({ term, value }: { term: string; value: string }) {
  return (
    <>
      <dt className="text-slate-500">{term}</dt>
      <dd dir="auto" className="min-w-0 break-words text-slate-900">
        {value}
      </dd>
    </>
  );
}

function NameForm({ contact }: { contact: ContactPanelView }) {
  const update = useUpdateContact(contact.id);
  const [name, setName] = useFollowedField(contact.savedName ?? "");
  const changed = name.trim() !== (contact.savedName ?? "");
  return (
    <form
      aria-label="Customer name"
      onSubmit={(event) => {
        event.preventDefault();
        if (changed) update.mutate({ savedName: name });
      }}
    >
      <label htmlFor="contact-name" className="block text-xs font-semibold uppercase tracking-wide text-slate-500">
        Name
      </label>
      <div className="mt-1 flex gap-2">
        <input
          id="contact-name"
          value={name}
          maxLength={MAX_CONTACT_NAME_LENGTH}
          placeholder={contact.profileName ?? "Name this customer"}
          onChange={(event) => setName(event.target.value)}
          className="min-w-0 flex-1 rounded-md border border-slate-300 px-2 py-1.5 text-sm focus:border-emerald-600 focus:ring-2 focus:ring-emerald-600/30 focus:outline-none"
        />
        <Button type="submit" variant="secondary" loading={update.isPending} disabled={!changed}>
          Save
        </Button>
      </div>
      <p className="mt-1 text-xs text-slate-500">
        {update.isSuccess && !changed ? (
          <span role="status" className="font-medium text-emerald-700">
            Saved.{" "}
          </span>
        ) : null}
        Your team&apos;s name for the customer; empty shows their WhatsApp name.
      </p>
      {update.error ? (
        <p role="alert" className="mt-1 text-xs text-red-700">
          Not saved: {update.error.message}
        </p>
      ) : null}
    </form>
  );
}

function NotesForm({ contact }: { contact: ContactPanelView }) {
  const update = useUpdateContact(contact.id);
  const [notes, setNotes] = useFollowedField(contact.notes);
  const changed = notes !== contact.notes;
  return (
    <form
      aria-label="Notes about the customer"
      onSubmit={(event) => {
        event.preventDefault();
        if (changed) update.mutate({ notes });
      }}
    >
      <label htmlFor="contact-notes" className="block text-xs font-semibold uppercase tracking-wide text-slate-500">
        Notes about the customer
      </label>
      <textarea
        id="contact-notes"
        value={notes}
        rows={4}
        maxLength={MAX_CONTACT_NOTES_LENGTH}
        placeholder="Only your team sees these."
        onChange={(event) => setNotes(event.target.value)}
        className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm focus:border-emerald-600 focus:ring-2 focus:ring-emerald-600/30 focus:outline-none"
      />
      <div className="mt-1 flex items-center gap-2">
        <Button type="submit" variant="secondary" loading={update.isPending} disabled={!changed}>
          Save notes
        </Button>
        {update.isSuccess && !changed ? (
          <span role="status" className="text-xs text-emerald-700">
            Saved
          </span>
        ) : null}
      </div>
      {update.error ? (
        <p role="alert" className="mt-1 text-xs text-red-700">
          Not saved: {update.error.message}
        </p>
      ) : null}
    </form>
  );
}
