"use client";

import { type ClipboardEvent, type DragEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from "react";
import { useMediaUpload } from "@/lib/queries/use-media-upload";
import {
  OUTBOUND_MEDIA_ACCEPT,
  OUTBOUND_MEDIA_RULES,
  checkOutboundMedia,
  formatBytes,
  MAX_CAPTION_LENGTH,
  takesCaption,
} from "@/lib/views/outbound-media";

// Browsers leave `File.type` empty for some extensions (and guess .opus/.amr inconsistently).
const BY_EXTENSION: Record<string, string> = {
  pdf: "application/pdf",
  txt: "text/plain",
  doc: "application/msword",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xls: "application/vnd.ms-excel",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ppt: "application/vnd.ms-powerpoint",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
  mp4: "video/mp4",
  "3gp": "video/3gpp",
  aac: "audio/aac",
  amr: "audio/amr",
  mp3: "audio/mpeg",
  m4a: "audio/mp4",
  ogg: "audio/ogg",
  opus: "audio/ogg",
};

function mimeTypeOf(file: File): string {
  const declared = file.type.split(";")[0]!.trim().toLowerCase();
  if (declared && OUTBOUND_MEDIA_RULES[declared]) return declared;
  const extension = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase();
  return (extension && BY_EXTENSION[extension]) || declared;
}

export type Attachment = ReturnType<typeof useAttachment>;

/**
 * The composer's attachment: a file chosen with the paperclip, dropped on the composer or pasted,
 * checked against WhatsApp's limits here (and again by the server), sent with an optional caption
 * and a progress bar. `enabled` is false while the window is closed or sending is impossible.
 */
export function useAttachment({ conversationId, enabled }: { conversationId: string | null; enabled: boolean }) {
  const [file, setFile] = useState<File | null>(null);
  const [caption, setCaption] = useState("");
  const [dragging, setDragging] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const upload = useMediaUpload(conversationId);

  // A new conversation starts without the previous one's file.
  useEffect(() => {
    setFile(null);
    setCaption("");
    upload.reset();
  }, [conversationId, upload.reset]);

  const choose = (next: File | null | undefined) => {
    if (!next || !enabled || upload.state.phase === "uploading") return;
    upload.reset();
    setFile(next);
  };

  const firstFile = (list: DataTransferItemList | FileList | null | undefined): File | null => {
    if (!list) return null;
    if ("length" in list && list.length > 0 && list[0] instanceof File) return list[0];
    for (const item of Array.from(list as DataTransferItemList)) {
      if (item.kind === "file") return item.getAsFile();
    }
    return null;
  };

  return {
    file,
    caption,
    setCaption,
    dragging,
    enabled,
    inputRef,
    upload,
    choose,
    clear: () => {
      setFile(null);
      setCaption("");
      upload.reset();
    },
    open: () => inputRef.current?.click(),
    /** Spread on the drop target (the composer). */
    dropProps: {
      onDragOver: (event: DragEvent) => {
        if (!enabled || !Array.from(event.dataTransfer.types).includes("Files")) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = "copy";
        setDragging(true);
      },
      onDragLeave: (event: DragEvent) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
      },
      onDrop: (event: DragEvent) => {
        setDragging(false);
        const dropped = firstFile(event.dataTransfer.files);
        if (!dropped) return;
        event.preventDefault();
        choose(dropped);
      },
    },
    /** On the text box: a pasted image (a screenshot) becomes the attachment; pasted text stays text. */
    onPaste: (event: ClipboardEvent) => {
      const pasted = firstFile(event.clipboardData.files);
      if (!pasted || !enabled) return;
      event.preventDefault();
      choose(pasted);
    },
  };
}

/** The paperclip, with the hidden file input it opens. */
export function AttachButton({ attachment }: { attachment: Attachment }) {
  return (
    <>
      <input
        ref={attachment.inputRef}
        type="file"
        accept={OUTBOUND_MEDIA_ACCEPT}
        className="hidden"
        data-testid="attach-input"
        tabIndex={-1}
        aria-hidden="true"
        onChange={(event) => {
          attachment.choose(event.target.files?.[0]);
          event.target.value = "";
        }}
      />
      <button
        type="button"
        aria-label="Attach a file"
        title={
          attachment.enabled ? "Attach a file (or drop one here, or paste an image)" : "Attaching is not possible now"
        }
        disabled={!attachment.enabled || attachment.upload.state.phase === "uploading"}
        onClick={attachment.open}
        className="flex size-10 shrink-0 items-center justify-center rounded-full text-slate-600 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-emerald-700 disabled:cursor-not-allowed disabled:text-slate-300"
      >
        <svg
          viewBox="0 0 20 20"
          className="size-5"
          aria-hidden="true"
          fill="none"
          stroke="currentColor"
          strokeWidth={1.6}
        >
          <path
            d="M15.5 9.5 10 15a3.5 3.5 0 0 1-5-5l6-6a2.3 2.3 0 0 1 3.3 3.3l-6 6a1.1 1.1 0 0 1-1.6-1.6l5.5-5.5"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
      </button>
    </>
  );
}

/** The chosen file, its caption, the progress of its upload, and why it cannot be sent. */
export function AttachmentTray({ attachment }: { attachment: Attachment }) {
  const { file, caption, setCaption, upload, dragging } = attachment;
  const captionId = useId();
  const [preview, setPreview] = useState<string | null>(null);
  const mimeType = file ? mimeTypeOf(file) : "";
  const check = file ? checkOutboundMedia({ mimeType, size: file.size }) : null;

  useEffect(() => {
    if (!file || !/^image\/(jpeg|png|webp)$/.test(mimeType)) return setPreview(null);
    const url = URL.createObjectURL(file);
    setPreview(url);
    return () => URL.revokeObjectURL(url);
  }, [file, mimeType]);

  if (!file) {
    return dragging ? (
      <p
        data-testid="attach-drop-hint"
        className="mb-2 rounded-lg border-2 border-dashed border-emerald-600 bg-emerald-50 px-3 py-4 text-center text-sm text-emerald-900"
      >
        Drop the file to attach it
      </p>
    ) : null;
  }

  const uploading = upload.state.phase === "uploading";
  const progress = upload.state.phase === "uploading" ? upload.state : null;
  const send = async () => {
    if (!check?.ok || uploading) return;
    if (await upload.upload({ file, mimeType: check.mimeType, caption: takesCaption(check.type) ? caption : "" })) {
      attachment.clear();
    }
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter" && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void send();
    } else if (event.key === "Escape" && !uploading) {
      event.stopPropagation();
      attachment.clear();
    }
  };

  return (
    <section
      aria-label="Attachment"
      data-testid="attachment-tray"
      className="mb-2 rounded-lg border border-slate-200 bg-slate-50 p-2 text-sm"
    >
      <div className="flex items-center gap-2">
        {preview ? (
          <img src={preview} alt="" className="size-12 shrink-0 rounded object-cover" />
        ) : (
          <span
            aria-hidden="true"
            className="flex size-12 shrink-0 items-center justify-center rounded bg-white text-xs font-semibold uppercase text-slate-500 ring-1 ring-slate-200"
          >
            {(/\.([a-z0-9]{1,4})$/i.exec(file.name)?.[1] ?? "file").slice(0, 4)}
          </span>
        )}
        <div className="min-w-0 flex-1">
          <p className="truncate font-medium text-slate-900" data-testid="attachment-name" title={file.name}>
            {file.name || "Pasted image"}
          </p>
          <p className="text-xs text-slate-500">
            {check?.ok ? OUTBOUND_MEDIA_RULES[check.mimeType]!.label : mimeType || "Unknown type"} ·{" "}
            {formatBytes(file.size)}
          </p>
        </div>
        <button
          type="button"
          aria-label={uploading ? "Cancel the upload" : "Remove the attachment"}
          title={uploading ? "Cancel the upload" : "Remove the attachment (Escape)"}
          onClick={() => (uploading ? upload.cancel() : attachment.clear())}
          className="rounded p-1 text-slate-500 hover:bg-slate-200 hover:text-slate-800 focus-visible:outline-2 focus-visible:outline-emerald-700"
        >
          <svg
            viewBox="0 0 16 16"
            className="size-4"
            aria-hidden="true"
            fill="none"
            stroke="currentColor"
            strokeWidth={1.6}
          >
            <path d="m4 4 8 8M12 4l-8 8" strokeLinecap="round" />
          </svg>
        </button>
      </div>
      {check && !check.ok ? (
        <p role="alert" data-testid="attachment-refused" className="mt-2 text-xs text-red-700">
          {check.message}
        </p>
      ) : (
        <div className="mt-2 flex items-end gap-2">
          {check?.ok && takesCaption(check.type) ? (
            <div className="min-w-0 flex-1">
              <label htmlFor={captionId} className="sr-only">
                Caption
              </label>
              <input
                id={captionId}
                value={caption}
                maxLength={MAX_CAPTION_LENGTH}
                disabled={uploading}
                onChange={(event) => setCaption(event.target.value)}
                onKeyDown={onKeyDown}
                placeholder="Add a caption (optional)"
                dir="auto"
                className="h-9 w-full rounded-md border border-slate-300 bg-white px-2 text-sm focus-visible:border-emerald-600 focus-visible:outline-2 focus-visible:outline-emerald-600 disabled:bg-slate-100"
              />
            </div>
          ) : (
            <p className="flex-1 text-xs text-slate-500">
              {check?.ok && check.type === "audio"
                ? "Audio is sent without a caption."
                : "Stickers are sent without a caption."}
            </p>
          )}
          <button
            type="button"
            onClick={() => void send()}
            disabled={uploading}
            className="h-9 shrink-0 rounded-md bg-emerald-700 px-3 text-sm font-medium text-white hover:bg-emerald-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-700 disabled:cursor-not-allowed disabled:bg-slate-300"
          >
            {uploading ? "Sending…" : "Send file"}
          </button>
        </div>
      )}
      {progress ? (
        <div className="mt-2 flex items-center gap-2 text-xs text-slate-600">
          <progress
            aria-label={`Uploading ${file.name || "the file"}`}
            data-testid="attachment-progress"
            max={progress.total || 1}
            value={progress.loaded}
            className="h-2 flex-1 overflow-hidden rounded [&::-webkit-progress-bar]:bg-slate-200 [&::-webkit-progress-value]:bg-emerald-600"
          />
          <span className="tabular-nums">{Math.round((progress.loaded / (progress.total || 1)) * 100)} %</span>
        </div>
      ) : null}
      {upload.state.phase === "failed" ? (
        <p role="alert" data-testid="attachment-error" className="mt-2 text-xs text-red-700">
          Not sent: {upload.state.message}
        </p>
      ) : null}
    </section>
  );
}
