"use client";

import { parsePhoneNumberFromString } from "libphonenumber-js/min";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useState } from "react";
import { ModalDialog } from "@/components/ui/modal-dialog";
import { TemplateChooser } from "@/components/templates/template-chooser";
import { upsertThreadMessage } from "@/lib/queries/inbox-cache";
import { requestJson } from "@/lib/queries/request-json";
import type { PhoneNumberView, StartConversationRequest, StartConversationResponse } from "@/lib/views/inbox";
import { phoneNumberLabel } from "./format";

/** The customer's number as E.164 while typing, or why it is not one yet (the server checks again). */
function normalisedNumber(input: string): { e164: string | null; problem: string | null } {
  const cleaned = input.trim().replace(/^00/, "+");
  if (cleaned === "") return { e164: null, problem: "Enter the customer's number with its country code." };
  const phone = parsePhoneNumberFromString(cleaned.startsWith("+") ? cleaned : `+${cleaned}`);
  if (!phone || !phone.isValid()) {
    return { e164: null, problem: "Not a valid phone number: use international format, e.g. +44 7700 900123." };
  }
  return { e164: phone.number, problem: null };
}

/**
 * Start a conversation: one of our numbers, the customer's number (normalised to E.164) and an
 * approved template with its form. The conversation opens once the template is recorded.
 */
export function NewConversationDialog({
  open,
  onClose,
  phoneNumbers,
  onStarted,
}: {
  open: boolean;
  onClose: () => void;
  phoneNumbers: PhoneNumberView[];
  onStarted: (conversationId: string) => void;
}) {
  const id = useId();
  const queryClient = useQueryClient();
  const [phoneNumberId, setPhoneNumberId] = useState<string | null>(phoneNumbers[0]?.id ?? null);
  const [to, setTo] = useState("");
  const [touched, setTouched] = useState(false);
  useEffect(() => {
    if (phoneNumberId === null && phoneNumbers[0]) setPhoneNumberId(phoneNumbers[0].id);
  }, [phoneNumberId, phoneNumbers]);
  const number = normalisedNumber(to);

  return (
    <ModalDialog
      open={open}
      onClose={onClose}
      labelledBy={`${id}-title`}
      testId="new-conversation"
      // A flex column: the template chooser's list or fields scroll, "Start conversation" stays in view.
      className="m-auto max-h-[92dvh] w-[calc(100%-1rem)] max-w-3xl p-4 open:flex open:flex-col sm:p-6"
    >
      <div className="mb-3 flex items-center justify-between gap-2">
        <h2 id={`${id}-title`} className="text-base font-semibold text-slate-900">
          New conversation
        </h2>
        <button
          type="button"
          onClick={onClose}
          aria-label="Close"
          className="rounded p-1 text-slate-500 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-emerald-700"
        >
          ✕
        </button>
      </div>
      {open ? (
        <div className="flex min-h-0 flex-col gap-3">
          {phoneNumbers.length === 0 ? (
            <p className="text-sm text-slate-600">
              No business number is known yet: numbers appear once Meta sends their first webhook.
            </p>
          ) : (
            <div className="grid gap-3 sm:grid-cols-2">
              <div>
                <label htmlFor={`${id}-from`} className="block text-sm font-medium text-slate-800">
                  From
                </label>
                <select
                  id={`${id}-from`}
                  value={phoneNumberId ?? ""}
                  onChange={(event) => setPhoneNumberId(event.target.value)}
                  className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-2 text-sm"
                >
                  {phoneNumbers.map((phone) => (
                    <option key={phone.id} value={phone.id}>
                      {phoneNumberLabel(phone)}
                    </option>
                  ))}
                </select>
              </div>
              <div>
                <label htmlFor={`${id}-to`} className="block text-sm font-medium text-slate-800">
                  Customer’s WhatsApp number
                </label>
                <input
                  id={`${id}-to`}
                  type="tel"
                  inputMode="tel"
                  autoComplete="off"
                  autoFocus
                  value={to}
                  placeholder="+44 7700 900123"
                  aria-invalid={touched && number.problem ? true : undefined}
                  aria-describedby={`${id}-to-hint`}
                  onChange={(event) => setTo(event.target.value)}
                  onBlur={() => setTouched(true)}
                  className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-emerald-600 focus:ring-2 focus:ring-emerald-600/70 focus:outline-none aria-invalid:border-red-500"
                />
                <p
                  id={`${id}-to-hint`}
                  className={`mt-1 text-xs ${touched && number.problem ? "text-red-700" : "text-slate-500"}`}
                >
                  {number.e164 ? `Will be sent to ${number.e164}` : touched ? number.problem : "With country code."}
                </p>
              </div>
            </div>
          )}
          <TemplateChooser
            key={phoneNumberId ?? "none"}
            phoneNumberId={phoneNumberId}
            contactName={null}
            submitLabel="Start conversation"
            blockedReason={number.problem}
            focusSearch={false}
            onSubmit={async (template, values, headerMedia) => {
              setTouched(true);
              if (!phoneNumberId) return { ok: false, message: "Choose a business number." };
              const body: StartConversationRequest = {
                clientId: crypto.randomUUID(),
                phoneNumberId,
                to,
                templateId: template.id,
                values,
                headerMedia,
              };
              const result = await requestJson<StartConversationResponse>("/api/conversations", { body });
              if (!result.ok) return { ok: false, message: result.message };
              upsertThreadMessage(queryClient, result.data.message);
              setTo("");
              setTouched(false);
              onStarted(result.data.conversationId);
              return { ok: true };
            }}
          />
        </div>
      ) : null}
    </ModalDialog>
  );
}
