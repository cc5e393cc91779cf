"use client";

import { useId, useState } from "react";
import { QueryProvider } from "@/components/providers/query-provider";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import {
  contactAttributeKeys,
  useContactAttributes,
  useDeleteContactAttribute,
  useSaveContactAttribute,
} from "@/lib/queries/use-contact-attributes";
import {
  ATTRIBUTE_TYPES,
  attributeKeyFromName,
  type AttributeType,
  attributeTypeNames,
  type ContactAttributeView,
  MAX_ATTRIBUTE_KEY_LENGTH,
  MAX_ATTRIBUTE_NAME_LENGTH,
  MAX_ATTRIBUTE_OPTIONS,
  MAX_ATTRIBUTES,
} from "@/lib/views/contact-attributes";

export function ContactAttributesManager({ initial }: { initial: ContactAttributeView[] }) {
  return (
    <QueryProvider seed={(client) => client.setQueryData(contactAttributeKeys.all, initial)}>
      <Manager />
    </QueryProvider>
  );
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

function Manager() {
  const attributes = useContactAttributes();
  const [editing, setEditing] = useState<ContactAttributeView | "new" | null>(null);
  const [deleting, setDeleting] = useState<ContactAttributeView | null>(null);
  const remove = useDeleteContactAttribute();
  const list = attributes.data ?? [];
  // The count as it is now (agents fill values in while the page is open): read again on opening the dialog.
  const confirming = deleting ? (list.find((attribute) => attribute.id === deleting.id) ?? deleting) : null;
  return (
    <div className="space-y-6">
      {editing ? (
        <Card>
          <AttributeForm
            key={editing === "new" ? "new" : editing.id}
            attribute={editing === "new" ? null : editing}
            onDone={() => setEditing(null)}
          />
        </Card>
      ) : (
        <Button onClick={() => setEditing("new")} disabled={list.length >= MAX_ATTRIBUTES}>
          Add an attribute
        </Button>
      )}
      {attributes.error ? (
        <p role="alert" className="text-sm text-red-700">
          Could not load the attributes: {attributes.error.message}
        </p>
      ) : null}
      {remove.error ? (
        <p role="alert" className="text-sm text-red-700">
          Not deleted: {remove.error.message}
        </p>
      ) : null}
      {attributes.isPending ? (
        <p role="status" className="text-sm text-slate-500">
          Loading attributes…
        </p>
      ) : list.length === 0 ? (
        <EmptyState title="No contact attributes yet">
          Add fields such as “Order number” or “VIP”: agents fill them in on each customer&apos;s contact panel.
        </EmptyState>
      ) : (
        <ul
          aria-label="Contact attributes"
          className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white"
        >
          {list.map((attribute) => (
            <li
              key={attribute.id}
              data-testid="attribute-row"
              className="flex flex-wrap items-center gap-x-3 gap-y-1 p-3"
            >
              <span className="min-w-0 font-medium break-words text-slate-900">{attribute.name}</span>
              <code className="rounded bg-slate-100 px-1 text-xs text-slate-700">{attribute.key}</code>
              <span className="text-xs text-slate-600">
                {attributeTypeNames[attribute.type]}
                {attribute.type === "list" ? `: ${attribute.options.join(", ")}` : ""}
              </span>
              <span className="text-sm text-slate-600">{plural(attribute.contactCount, "contact")}</span>
              <span className="ml-auto flex gap-2">
                <Button variant="secondary" onClick={() => setEditing(attribute)} aria-label={`Edit ${attribute.name}`}>
                  Edit
                </Button>
                <Button
                  variant="danger"
                  onClick={() => {
                    setDeleting(attribute);
                    void attributes.refetch();
                  }}
                  aria-label={`Delete ${attribute.name}`}
                >
                  Delete
                </Button>
              </span>
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={deleting !== null}
        title="Delete this attribute?"
        confirmLabel="Delete"
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          if (deleting) remove.mutate(deleting.id);
          setDeleting(null);
        }}
      >
        <p>
          “{confirming?.name}” goes from every contact panel, and {plural(confirming?.contactCount ?? 0, "contact")}{" "}
          {confirming?.contactCount === 1 ? "loses its value" : "lose their value"} for it. This cannot be undone.
        </p>
      </ConfirmDialog>
    </div>
  );
}

function AttributeForm({ attribute, onDone }: { attribute: ContactAttributeView | null; onDone: () => void }) {
  const save = useSaveContactAttribute();
  const optionsId = useId();
  const [name, setName] = useState(attribute?.name ?? "");
  // The key follows the name until the admin types one of their own.
  const [key, setKey] = useState<string | null>(attribute?.key ?? null);
  const [type, setType] = useState<AttributeType>(attribute?.type ?? "text");
  const [options, setOptions] = useState(attribute?.options.join("\n") ?? "");
  const shownKey = key ?? attributeKeyFromName(name);
  const optionList = options
    .split("\n")
    .map((option) => option.trim())
    .filter((option) => option !== "");
  return (
    <form
      className="space-y-4"
      aria-label={attribute ? `Edit ${attribute.name}` : "New attribute"}
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(
          {
            id: attribute?.id ?? null,
            request: {
              name,
              ...(attribute ? {} : { key: shownKey }),
              type,
              ...(type === "list" ? { options: optionList } : {}),
            },
          },
          { onSuccess: () => onDone() },
        );
      }}
    >
      <h2 className="text-base font-semibold">{attribute ? "Edit attribute" : "New attribute"}</h2>
      <Field
        label="Name"
        value={name}
        maxLength={MAX_ATTRIBUTE_NAME_LENGTH}
        required
        onChange={(event) => setName(event.target.value)}
        className="max-w-sm"
      />
      <Field
        label="Key"
        value={shownKey}
        maxLength={MAX_ATTRIBUTE_KEY_LENGTH}
        required
        disabled={attribute !== null}
        pattern="[a-z][a-z0-9_]*"
        hint={
          attribute
            ? "The key never changes."
            : "For the API and exports: lower-case letters, digits and _. It cannot be changed later."
        }
        onChange={(event) => setKey(event.target.value)}
        className="max-w-sm"
      />
      <fieldset disabled={attribute !== null}>
        <legend className="text-sm font-medium text-slate-800">Type</legend>
        <div className="mt-1 flex flex-wrap gap-2">
          {ATTRIBUTE_TYPES.map((value) => (
            <label
              key={value}
              className="flex cursor-pointer items-center gap-1.5 rounded-md border border-slate-300 px-2 py-1 text-sm has-checked:border-emerald-700 has-checked:bg-emerald-50 has-disabled:cursor-default has-disabled:opacity-70"
            >
              <input
                type="radio"
                name="attribute-type"
                value={value}
                checked={type === value}
                onChange={() => setType(value)}
                className="size-3.5 accent-emerald-700"
              />
              {attributeTypeNames[value]}
            </label>
          ))}
        </div>
        {attribute ? <p className="mt-1 text-xs text-slate-500">The type never changes.</p> : null}
      </fieldset>
      {type === "list" ? (
        <div className="max-w-sm">
          <label htmlFor={optionsId} className="block text-sm font-medium text-slate-800">
            Options
          </label>
          <textarea
            id={optionsId}
            value={options}
            rows={4}
            required
            aria-describedby={`${optionsId}-hint`}
            onChange={(event) => setOptions(event.target.value)}
            className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-emerald-600 focus:ring-2 focus:ring-emerald-600/70 focus:outline-none"
          />
          <p id={`${optionsId}-hint`} className="mt-1 text-xs text-slate-500">
            One per line, 2 to {MAX_ATTRIBUTE_OPTIONS}.
          </p>
        </div>
      ) : null}
      {save.error ? (
        <p role="alert" className="text-sm text-red-700">
          Not saved: {save.error.message}
        </p>
      ) : null}
      <div className="flex gap-2">
        <Button type="submit" loading={save.isPending}>
          {attribute ? "Save" : "Add"}
        </Button>
        <Button type="button" variant="secondary" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
