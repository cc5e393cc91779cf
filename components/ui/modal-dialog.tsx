"use client";

import { type ReactNode, useEffect, useRef } from "react";

const FOCUSABLE = "a[href], button, input, select, textarea, audio[controls], video[controls], [tabindex]";

/** What Tab can reach inside the dialog, in order (not disabled, not hidden, not tabindex=-1). */
function tabbable(dialog: HTMLElement): HTMLElement[] {
  return [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (element) =>
      element.tabIndex >= 0 && !element.matches(":disabled, [inert] *") && element.getClientRects().length > 0,
  );
}

/**
 * A modal on the native <dialog>: shown while `open` (or for as long as it is mounted with `open`),
 * focus moves into it, Tab and Shift+Tab cycle inside it (the browser would otherwise move on to its
 * own toolbar), Escape calls `onClose` (the parent decides), and focus returns to whatever had it
 * before — when the dialog closes and when it is unmounted while open. A dialog that stays mounted
 * while closed marks its first focus with `data-autofocus` (React's autoFocus acts on mount only).
 */
export function ModalDialog({
  open,
  onClose,
  labelledBy,
  label,
  className,
  testId,
  closeOnBackdrop = false,
  children,
}: {
  open: boolean;
  onClose: () => void;
  /** The id of the dialog's heading. */
  labelledBy?: string;
  /** The dialog's name when it has no heading (a photo's viewer). */
  label?: string;
  className: string;
  testId?: string;
  /** A click beside the dialog (on its backdrop) closes it, for dialogs that only show something. */
  closeOnBackdrop?: boolean;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const restoreFocus = () => {
      const target = opener.current;
      opener.current = null;
      const active = document.activeElement;
      const focusLost = active === null || active === document.body || dialog.contains(active);
      if (target?.isConnected && focusLost) target.focus();
    };
    if (open && !dialog.open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
      // showModal focuses the first focusable element; a dialog mounted closed marks the one it wants.
      dialog.querySelector<HTMLElement>("[data-autofocus]")?.focus();
    }
    if (!open && dialog.open) {
      dialog.close();
      restoreFocus();
    }
    return () => {
      // Unmounted while open: the element is gone with the focus it held.
      if (dialog.open && !dialog.isConnected) queueMicrotask(restoreFocus);
    };
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={labelledBy}
      aria-label={label}
      data-testid={testId}
      onClick={(event) => {
        if (closeOnBackdrop && event.target === event.currentTarget) onClose();
      }}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onKeyDown={(event) => {
        if (event.key !== "Tab" || !ref.current) return;
        const inside = tabbable(ref.current);
        const first = inside[0];
        const last = inside.at(-1);
        if (!first || !last) {
          event.preventDefault();
          return;
        }
        const active = document.activeElement;
        if (event.shiftKey && (active === first || active === ref.current)) {
          event.preventDefault();
          last.focus();
        } else if (!event.shiftKey && active === last) {
          event.preventDefault();
          first.focus();
        }
      }}
      className={`rounded-lg border border-slate-200 bg-white shadow-xl backdrop:bg-slate-900/40 ${className}`}
    >
      {children}
    </dialog>
  );
}
