"use client";

import { type Ref, useEffect, useImperativeHandle, useRef } from "react";
import type { SandboxAttachment, SandboxMediaKind } from "@/lib/views/sandbox";
import { AttachmentIcon } from "./attachment-icon";

export const KINDS: { kind: SandboxMediaKind; label: string }[] = [
  { kind: "image", label: "Photo" },
  { kind: "document", label: "Document" },
  { kind: "voice", label: "Voice note" },
];

/** The customer's choices under the paperclip: files are picked for photos and documents; a voice note is "recorded". */
export function AttachMenu({
  id,
  onClose,
  onPick,
  onVoiceNote,
  onLocation,
  onContact,
}: {
  id: string;
  onClose: () => void;
  onPick: (kind: "image" | "document") => void;
  onVoiceNote: () => void;
  onLocation: () => void;
  onContact: () => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  // Opening the menu takes the keyboard into it (Escape brings it back to Attach).
  useEffect(() => ref.current?.querySelector("button")?.focus(), []);
  return (
    <div
      id={id}
      ref={ref}
      role="group"
      aria-label="Attach"
      className="mb-2 flex flex-wrap gap-1"
      onKeyDown={(event) => {
        if (event.key === "Escape") onClose();
      }}
    >
      {KINDS.map(({ kind, label }) => (
        <AttachButton
          key={kind}
          icon={kind}
          label={label}
          onClick={() => (kind === "voice" ? onVoiceNote() : onPick(kind))}
        />
      ))}
      <AttachButton icon="location" label="Location" onClick={onLocation} />
      <AttachButton icon="contacts" label="Contact" onClick={onContact} />
    </div>
  );
}

function AttachButton({ icon, label, onClick }: { icon: SandboxAttachment; label: string; onClick: () => void }) {
  return (
    <button
      type="button"
      onClick={onClick}
      className="flex items-center gap-1 rounded-full border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-emerald-700"
    >
      <AttachmentIcon kind={icon} />
      {label}
    </button>
  );
}

const PICKED: { kind: "image" | "document"; label: string; accept: string }[] = [
  { kind: "image", label: "photo", accept: "image/jpeg,image/png" },
  { kind: "document", label: "document", accept: "" },
];

export type FilePickersHandle = { pick: (kind: "image" | "document") => void };

/** The browser's file choosers behind Photo and Document (outside the menu, which closes on a choice). */
export function FilePickers({
  ref,
  onChoose,
}: {
  ref: Ref<FilePickersHandle>;
  onChoose: (kind: "image" | "document", file: File | undefined) => void;
}) {
  const inputs = useRef<Partial<Record<"image" | "document", HTMLInputElement | null>>>({});
  useImperativeHandle(ref, () => ({ pick: (kind) => inputs.current[kind]?.click() }), []);
  return PICKED.map(({ kind, label, accept }) => (
    <input
      key={kind}
      ref={(element) => {
        inputs.current[kind] = element;
      }}
      type="file"
      hidden
      aria-label={`Choose a ${label}`}
      {...(accept ? { accept } : {})}
      onChange={(event) => {
        onChoose(kind, event.target.files?.[0]);
        event.target.value = "";
      }}
    />
  ));
}

// Browsers leave File.type empty for some extensions.
const BY_EXTENSION: Record<string, string> = {
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  ogg: "audio/ogg",
  opus: "audio/ogg",
  pdf: "application/pdf",
};

export function mimeTypeOf(file: File): string {
  const declared = file.type.split(";")[0]!.trim().toLowerCase();
  if (declared) return declared === "audio/opus" ? "audio/ogg" : declared;
  const extension = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase();
  return (extension && BY_EXTENSION[extension]) || "application/octet-stream";
}

export function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ""));
    reader.onerror = () => reject(reader.error ?? new Error("the file could not be read"));
    reader.readAsDataURL(file);
  });
}
