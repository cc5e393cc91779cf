"use client";

import { useId } from "react";
import { Button } from "@/components/ui/button";
import { useSetContactAttribute } from "@/lib/queries/use-contact-attributes";
import { type ContactAttributeValueView, MAX_ATTRIBUTE_TEXT_LENGTH } from "@/lib/views/contact-attributes";
import type { ContactPanelView } from "@/lib/views/contacts";
import { useFollowedField } from "./use-followed-field";

const inputClass =
  "min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm focus:border-emerald-600 focus:ring-2 focus:ring-emerald-600/30 focus:outline-none aria-invalid:border-red-500";

/** The custom attributes admins defined, each filled in (or emptied) by the agent on its own. */
export function ContactAttributes({ contact }: { contact: ContactPanelView }) {
  if (contact.attributes.length === 0) return null;
  return (
    <section aria-labelledby="contact-attributes">
      <h3 id="contact-attributes" className="text-xs font-semibold uppercase tracking-wide text-slate-500">
        Attributes
      </h3>
      <div className="mt-1.5 space-y-2.5">
        {contact.attributes.map((attribute) => (
          <AttributeField key={attribute.id} contactId={contact.id} attribute={attribute} />
        ))}
      </div>
    </section>
  );
}

function AttributeField({ contactId, attribute }: { contactId: string; attribute: ContactAttributeValueView }) {
  const update = useSetContactAttribute(contactId, attribute.id);
  const id = useId();
  const [value, setValue] = useFollowedField(attribute.value ?? "");
  const changed = value.trim() !== (attribute.value ?? "");
  const errorId = `${id}-error`;
  const common = {
    id,
    value,
    "aria-invalid": update.error ? true : undefined,
    "aria-describedby": update.error ? errorId : undefined,
    className: inputClass,
  } as const;
  return (
    <form
      aria-label={attribute.name}
      data-testid="contact-attribute"
      onSubmit={(event) => {
        event.preventDefault();
        if (!changed) return;
        const form = event.currentTarget;
        // The server's form of the value ("007" → "7") replaces what was typed.
        update.mutate(value, {
          onSuccess: (contact) => {
            setValue(contact.attributes.find((a) => a.id === attribute.id)?.value ?? "");
            // Save gives way to "Saved": focus on it goes back to the field, not to the page.
            if (form.querySelector("button")?.contains(document.activeElement)) {
              form.querySelector<HTMLElement>("input, select")?.focus();
            }
          },
        });
      }}
    >
      <label htmlFor={id} className="block text-xs font-medium break-words text-slate-700">
        {attribute.name}
      </label>
      <div className="mt-0.5 flex gap-2">
        {attribute.type === "boolean" || attribute.type === "list" ? (
          <select {...common} onChange={(event) => setValue(event.target.value)}>
            <option value="">Not set</option>
            {attribute.type === "boolean" ? (
              <>
                <option value="true">Yes</option>
                <option value="false">No</option>
              </>
            ) : (
              attribute.options.map((option) => (
                <option key={option} value={option}>
                  {option}
                </option>
              ))
            )}
          </select>
        ) : (
          <input
            {...common}
            type={attribute.type === "date" ? "date" : "text"}
            inputMode={attribute.type === "number" ? "decimal" : undefined}
            maxLength={MAX_ATTRIBUTE_TEXT_LENGTH}
            dir="auto"
            placeholder={attribute.type === "number" ? "A number" : "Not set"}
            onChange={(event) => setValue(event.target.value)}
          />
        )}
        {changed || update.isPending ? (
          <Button type="submit" variant="secondary" loading={update.isPending} aria-label={`Save ${attribute.name}`}>
            Save
          </Button>
        ) : update.isSuccess ? (
          <span role="status" className="self-center text-xs text-emerald-700">
            Saved
          </span>
        ) : null}
      </div>
      {update.error ? (
        <p id={errorId} role="alert" className="mt-1 text-xs text-red-700">
          Not saved: {update.error.message}
        </p>
      ) : null}
    </form>
  );
}
