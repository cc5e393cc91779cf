"use client";

import { useState } from "react";
import { LabelChip, LabelSwatch, labelColorName } from "@/components/inbox/label-chip";
import { QueryProvider } from "@/components/providers/query-provider";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { inboxKeys } from "@/lib/queries/inbox-keys";
import { useDeleteLabel, useLabels, useSaveLabel } from "@/lib/queries/use-labels";
import { LABEL_COLORS, type LabelColor, type LabelView, MAX_LABEL_NAME_LENGTH, MAX_LABELS } from "@/lib/views/labels";

export function LabelsManager({ initial }: { initial: LabelView[] }) {
  return (
    <QueryProvider seed={(client) => client.setQueryData(inboxKeys.labels, initial)}>
      <Manager />
    </QueryProvider>
  );
}

function Manager() {
  const labels = useLabels();
  const [editing, setEditing] = useState<LabelView | "new" | null>(null);
  const [deleting, setDeleting] = useState<LabelView | null>(null);
  const remove = useDeleteLabel();
  const list = labels.data ?? [];
  return (
    <div className="space-y-6">
      {editing ? (
        <Card>
          <LabelForm
            key={editing === "new" ? "new" : editing.id}
            label={editing === "new" ? null : editing}
            onDone={() => setEditing(null)}
          />
        </Card>
      ) : (
        <Button onClick={() => setEditing("new")} disabled={list.length >= MAX_LABELS}>
          Add a label
        </Button>
      )}
      {labels.error ? (
        <p role="alert" className="text-sm text-red-700">
          Could not load the labels: {labels.error.message}
        </p>
      ) : null}
      {remove.error ? (
        <p role="alert" className="text-sm text-red-700">
          Not deleted: {remove.error.message}
        </p>
      ) : null}
      {list.length === 0 ? (
        <EmptyState title="No labels yet">
          Add labels such as “Billing” or “Delivery”: agents put them on conversations and filter the inbox by them.
        </EmptyState>
      ) : (
        <ul aria-label="Labels" className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {list.map((label) => (
            <li key={label.id} data-testid="label-row" className="flex flex-wrap items-center gap-3 p-3">
              <LabelChip label={label} />
              <span className="text-xs text-slate-500">{labelColorName(label.color)}</span>
              <span className="text-sm text-slate-600">
                {label.conversationCount} conversation{label.conversationCount === 1 ? "" : "s"}
              </span>
              <span className="ml-auto flex gap-2">
                <Button variant="secondary" onClick={() => setEditing(label)} aria-label={`Edit ${label.name}`}>
                  Edit
                </Button>
                <Button variant="danger" onClick={() => setDeleting(label)} aria-label={`Delete ${label.name}`}>
                  Delete
                </Button>
              </span>
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={deleting !== null}
        title="Delete this label?"
        confirmLabel="Delete"
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          if (deleting) remove.mutate(deleting.id);
          setDeleting(null);
        }}
      >
        <p>
          “{deleting?.name}” is taken off {deleting?.conversationCount ?? 0} conversation
          {deleting?.conversationCount === 1 ? "" : "s"}, for the whole team.
        </p>
      </ConfirmDialog>
    </div>
  );
}

function LabelForm({ label, onDone }: { label: LabelView | null; onDone: () => void }) {
  const save = useSaveLabel();
  const [name, setName] = useState(label?.name ?? "");
  const [color, setColor] = useState<LabelColor>(label?.color ?? "blue");
  return (
    <form
      className="space-y-4"
      aria-label={label ? `Edit ${label.name}` : "New label"}
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate({ id: label?.id ?? null, request: { name, color } }, { onSuccess: () => onDone() });
      }}
    >
      <h2 className="text-base font-semibold">{label ? "Edit label" : "New label"}</h2>
      <Field
        label="Name"
        value={name}
        maxLength={MAX_LABEL_NAME_LENGTH}
        required
        onChange={(event) => setName(event.target.value)}
        className="max-w-sm"
      />
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Colour</legend>
        <div className="mt-1 flex flex-wrap gap-2">
          {LABEL_COLORS.map((value) => (
            <label
              key={value}
              className="flex cursor-pointer items-center gap-1.5 rounded-md border border-slate-300 px-2 py-1 text-sm has-checked:border-emerald-700 has-checked:bg-emerald-50"
            >
              <input
                type="radio"
                name="label-color"
                value={value}
                checked={color === value}
                onChange={() => setColor(value)}
                className="size-3.5 accent-emerald-700"
              />
              <LabelSwatch color={value} />
              {labelColorName(value)}
            </label>
          ))}
        </div>
      </fieldset>
      <p className="text-sm text-slate-600">
        Preview: <LabelChip label={{ id: "preview", name: name.trim() || "Label", color }} />
      </p>
      {save.error ? (
        <p role="alert" className="text-sm text-red-700">
          Not saved: {save.error.message}
        </p>
      ) : null}
      <div className="flex gap-2">
        <Button type="submit" loading={save.isPending}>
          {label ? "Save" : "Add"}
        </Button>
        <Button type="button" variant="secondary" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
