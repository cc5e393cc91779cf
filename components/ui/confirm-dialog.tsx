"use client";

import { type ReactNode, useId } from "react";
import { Button } from "./button";
import { ModalDialog } from "./modal-dialog";

/**
 * A modal question on the native <dialog>: focus moves into it and is trapped, Escape cancels,
 * and focus returns to the opener when it closes.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  onConfirm,
  onCancel,
  tone = "danger",
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  tone?: "danger" | "primary";
}) {
  const titleId = useId();
  return (
    <ModalDialog open={open} onClose={onCancel} labelledBy={titleId} className="m-auto w-full max-w-md p-6">
      <h2 id={titleId} className="text-base font-semibold text-slate-900">
        {title}
      </h2>
      <div className="mt-2 space-y-2 text-sm text-slate-700">{children}</div>
      <div className="mt-5 flex justify-end gap-2">
        {/* Not React's autoFocus: that focuses on mount, and this dialog is mounted closed with the
            page (a forced style recalculation on every mount, ~10-20 ms in an opening thread, for a
            focus that cannot land); the dialog focuses it when it opens. */}
        <Button type="button" variant="secondary" onClick={onCancel} data-autofocus>
          Cancel
        </Button>
        <Button type="button" variant={tone} onClick={onConfirm}>
          {confirmLabel}
        </Button>
      </div>
    </ModalDialog>
  );
}
