import type { Metadata } from "next";
import { ContactAttributesManager } from "@/components/settings/contact-attributes-manager";
import { requireAdmin } from "@/lib/auth/session";
import { findContactAttributes } from "@/lib/contact-attributes/find-contact-attributes";
import { MAX_ATTRIBUTES } from "@/lib/views/contact-attributes";

export const metadata: Metadata = { title: "Contact attributes · WhatsApp Inbox" };

export default async function ContactAttributesPage() {
  await requireAdmin();
  const { attributes } = await findContactAttributes();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold">Contact attributes</h1>
        <p className="mt-1 text-sm text-slate-600">
          Fields your team fills in about each customer in the contact panel: text, a number, a date, yes or no, or one
          of a list of options. Up to {MAX_ATTRIBUTES} attributes; names are unique whatever their case.
        </p>
      </div>
      <ContactAttributesManager initial={attributes} />
    </div>
  );
}
