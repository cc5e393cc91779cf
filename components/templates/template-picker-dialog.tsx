"use client";

import { useId } from "react";
import { ModalDialog } from "@/components/ui/modal-dialog";
import { TemplateChooser, type TemplateSubmit } from "./template-chooser";

/** The thread's template picker, on the native <dialog> (focus trapped, Escape closes). */
export function TemplatePickerDialog({
  open,
  onClose,
  phoneNumberId,
  contactName,
  onSend,
}: {
  open: boolean;
  onClose: () => void;
  phoneNumberId: string | null;
  contactName: string | null;
  onSend: TemplateSubmit;
}) {
  const titleId = useId();
  return (
    <ModalDialog
      open={open}
      onClose={onClose}
      labelledBy={titleId}
      testId="template-picker"
      // A flex column: the chooser's list or fields scroll, its submit button stays in view.
      className="m-auto max-h-[90dvh] w-[calc(100%-1rem)] max-w-3xl p-4 open:flex open:flex-col sm:p-6"
    >
      <div className="mb-3 flex items-center justify-between gap-2">
        <h2 id={titleId} className="text-base font-semibold text-slate-900">
          Send a template
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
        <TemplateChooser
          phoneNumberId={phoneNumberId}
          contactName={contactName}
          submitLabel="Send template"
          onSubmit={async (template, values, headerMedia) => {
            const result = await onSend(template, values, headerMedia);
            if (result.ok) onClose();
            return result;
          }}
        />
      ) : null}
    </ModalDialog>
  );
}
