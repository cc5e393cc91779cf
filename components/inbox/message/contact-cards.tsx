import type { SharedContactView } from "@/lib/views/message-body";
import { PersonIcon } from "./icons";

const MAX_CARDS = 10;
const MAX_ENTRIES = 5;

/** Shared contacts (vCard-like objects). Phone numbers and emails are shown, not linked. */
export function ContactCards({ contacts }: { contacts: SharedContactView[] }) {
  if (contacts.length === 0) {
    return <ContactCard name="Shared contact" organisation={null} phones={[]} emails={[]} />;
  }
  return (
    <div className="flex flex-col gap-1.5">
      {contacts.slice(0, MAX_CARDS).map((contact, index) => (
        <ContactCard
          key={index}
          name={contact.name ?? "Unnamed contact"}
          organisation={[contact.company, contact.jobTitle].filter(Boolean).join(" · ")}
          phones={contact.phones.slice(0, MAX_ENTRIES)}
          emails={contact.emails.slice(0, MAX_ENTRIES)}
        />
      ))}
      {contacts.length > MAX_CARDS ? (
        <p className="text-xs text-slate-500">and {contacts.length - MAX_CARDS} more contacts</p>
      ) : null}
    </div>
  );
}

function ContactCard(props: { name: string; organisation: string | null; phones: string[]; emails: string[] }) {
  return (
    <div className="flex min-w-56 gap-3 rounded-md border border-slate-200 bg-slate-50 p-2.5 text-sm">
      <span className="flex size-10 shrink-0 items-center justify-center rounded-full bg-white text-slate-500 ring-1 ring-slate-200">
        <PersonIcon />
      </span>
      <div className="min-w-0 flex-1">
        <p dir="auto" className="font-medium break-words text-slate-800">
          {props.name}
        </p>
        {props.organisation ? (
          <p dir="auto" className="text-xs break-words text-slate-500">
            {props.organisation}
          </p>
        ) : null}
        {props.phones.length + props.emails.length > 0 ? (
          <ul className="mt-1 space-y-0.5 text-slate-700">
            {props.phones.map((phone, index) => (
              <li key={`p${index}`} dir="ltr" className="break-all tabular-nums">
                {phone}
              </li>
            ))}
            {props.emails.map((email, index) => (
              <li key={`e${index}`} dir="ltr" className="break-all">
                {email}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}
