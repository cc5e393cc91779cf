"use client";

import { ModalDialog } from "@/components/ui/modal-dialog";

/** A photo or sticker at full size in the shared modal: Escape, the close button or a click outside close it. */
export function MediaViewer({ src, alt, onClose }: { src: string; alt: string; onClose: () => void }) {
  return (
    <ModalDialog
      open
      onClose={onClose}
      label={alt}
      closeOnBackdrop
      className="m-auto max-h-[95vh] max-w-[95vw] overflow-visible border-0 !bg-transparent p-0 !shadow-none backdrop:!bg-slate-950/80"
    >
      <div className="relative">
        <img src={src} alt={alt} className="block max-h-[90vh] max-w-[95vw] rounded-md object-contain" />
        <div className="absolute top-2 right-2 flex gap-2">
          <a
            href={src}
            download
            className="rounded-md bg-slate-900/70 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-900 focus-visible:outline-2 focus-visible:outline-white"
          >
            Download
          </a>
          <button
            type="button"
            autoFocus
            onClick={onClose}
            className="rounded-md bg-slate-900/70 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-900 focus-visible:outline-2 focus-visible:outline-white"
          >
            Close
          </button>
        </div>
      </div>
    </ModalDialog>
  );
}
