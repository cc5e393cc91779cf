"use client";

import { type FormEvent, useId, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { type useCustomerAction, useCustomerMedia } from "@/lib/queries/use-sandbox";
import { formatBytes } from "@/lib/views/outbound-media";
import {
  SANDBOX_MEDIA_MAX_BYTES,
  SANDBOX_MEDIA_TYPES,
  type SandboxChatItem,
  type SandboxMediaKind,
} from "@/lib/views/sandbox";
import { sampleVoiceNote } from "@/lib/views/sample-voice-note";
import { ContactForm, LocationForm } from "./attach-forms";
import { AttachmentIcon, PaperclipIcon } from "./attachment-icon";
import { AttachMenu, FilePickers, type FilePickersHandle, KINDS, mimeTypeOf, readBase64 } from "./attach-menu";

type Chosen = { kind: SandboxMediaKind; file: File; mimeType: string };
type Panel = null | "menu" | "location" | "contact";

/** What the customer writes or attaches: text (optionally replying), a file, a location, a contact card. */
export function CustomerComposer({
  name,
  address,
  action,
  replyTo,
  onClearReply,
}: {
  name: string;
  address: string;
  action: ReturnType<typeof useCustomerAction>;
  replyTo: SandboxChatItem | null;
  onClearReply: () => void;
}) {
  const media = useCustomerMedia(address);
  const [text, setText] = useState("");
  const [panel, setPanel] = useState<Panel>(null);
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const attachRef = useRef<HTMLButtonElement>(null);
  const inputs = useRef<FilePickersHandle>(null);
  const menuId = useId();
  const busy = action.isPending || media.isPending;
  const textRef = useRef<HTMLInputElement>(null);
  const formRef = useRef<HTMLFormElement>(null);

  const closePanel = () => {
    setPanel(null);
    attachRef.current?.focus();
  };

  const choose = (kind: SandboxMediaKind, file: File | undefined) => {
    setPanel(null);
    if (!file) return;
    const mimeType = mimeTypeOf(file);
    const accepted = SANDBOX_MEDIA_TYPES[kind];
    if (accepted !== "any" && !accepted.includes(mimeType)) {
      setFileError(kind === "image" ? "A photo is a JPEG or PNG image." : "A voice note is an OGG (Opus) file.");
    } else if (file.size > SANDBOX_MEDIA_MAX_BYTES) {
      setFileError(`${file.name} is ${formatBytes(file.size)}; the simulator sends files of up to 5 MB.`);
    } else if (file.size === 0) {
      setFileError(`${file.name} is empty.`);
    } else {
      setFileError(null);
      setChosen({ kind, file, mimeType });
      // Next: a caption (or straight to Send for a voice note).
      requestAnimationFrame(() =>
        (kind === "voice" ? formRef.current?.querySelector<HTMLElement>("[type=submit]") : textRef.current)?.focus(),
      );
    }
  };

  const send = async (event: FormEvent) => {
    event.preventDefault();
    const body = text.trim();
    if (chosen) {
      const base64 = await readBase64(chosen.file).catch(() => null);
      if (base64 === null) return setFileError(`${chosen.file.name} could not be read.`);
      const caption = chosen.kind === "voice" ? undefined : body || undefined;
      media.mutate(
        { type: "media", kind: chosen.kind, mimeType: chosen.mimeType, filename: chosen.file.name, caption, base64 },
        {
          onSuccess: () => {
            setChosen(null);
            setText("");
          },
        },
      );
      return;
    }
    if (!body) return;
    action.mutate(
      { type: "text", text: body, ...(replyTo ? { replyTo: replyTo.wamid } : {}) },
      {
        onSuccess: () => {
          setText("");
          onClearReply();
        },
      },
    );
  };

  const error = fileError ?? (media.isError ? media.error.message : action.isError ? action.error.message : null);
  const kindOfChosen = KINDS.find((entry) => entry.kind === chosen?.kind);
  return (
    <div className="border-t border-slate-300 bg-white p-2">
      {error ? (
        <div className="mb-2">
          <Alert tone="error">{error}</Alert>
        </div>
      ) : null}
      {replyTo && !chosen ? (
        <div className="mb-2 flex items-center gap-2 rounded border-l-4 border-emerald-600 bg-slate-50 px-2 py-1 text-xs">
          <span className="min-w-0 flex-1 truncate">Replying to: {replyTo.text}</span>
          <button type="button" onClick={onClearReply} className="underline" aria-label="Cancel the reply">
            Cancel
          </button>
        </div>
      ) : null}
      {panel === "location" ? (
        <LocationForm
          busy={busy}
          onCancel={closePanel}
          onSend={(sent) => action.mutate(sent, { onSuccess: closePanel })}
        />
      ) : panel === "contact" ? (
        <ContactForm
          busy={busy}
          onCancel={closePanel}
          onSend={(sent) => action.mutate(sent, { onSuccess: closePanel })}
        />
      ) : null}
      {panel === "menu" ? (
        <AttachMenu
          id={menuId}
          onClose={closePanel}
          onVoiceNote={() =>
            choose(
              "voice",
              new File([sampleVoiceNote(3) as Uint8Array<ArrayBuffer>], "voice-note.ogg", { type: "audio/ogg" }),
            )
          }
          onPick={(kind) => inputs.current?.pick(kind)}
          onLocation={() => setPanel("location")}
          onContact={() => setPanel("contact")}
        />
      ) : null}
      <FilePickers ref={inputs} onChoose={choose} />
      {chosen && kindOfChosen ? (
        <div className="mb-2 flex items-center gap-2 rounded bg-emerald-50 px-2 py-1 text-xs" role="status">
          <AttachmentIcon kind={chosen.kind} />
          <span className="min-w-0 flex-1 truncate">
            {kindOfChosen.label}: {chosen.file.name} · {formatBytes(chosen.file.size)}
          </span>
          <button
            type="button"
            onClick={() => setChosen(null)}
            className="underline"
            aria-label="Remove the attachment"
          >
            Remove
          </button>
        </div>
      ) : null}
      <form ref={formRef} onSubmit={send} className="flex gap-2">
        <button
          ref={attachRef}
          type="button"
          aria-expanded={panel === "menu"}
          aria-controls={panel === "menu" ? menuId : undefined}
          onClick={() => setPanel(panel === "menu" ? null : "menu")}
          className="flex size-10 shrink-0 items-center justify-center rounded-full text-slate-600 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-emerald-700"
        >
          <PaperclipIcon />
          <span className="sr-only">Attach</span>
        </button>
        <label htmlFor="sandbox-message" className="sr-only">
          {chosen ? `Caption as ${name}` : `Message as ${name}`}
        </label>
        <input
          ref={textRef}
          id="sandbox-message"
          value={text}
          onChange={(event) => setText(event.target.value)}
          placeholder={chosen?.kind === "voice" ? "Voice note ready" : chosen ? "Add a caption" : "Message"}
          disabled={chosen?.kind === "voice"}
          autoComplete="off"
          maxLength={chosen ? 1024 : 4096}
          className="min-w-0 flex-1 rounded-full border border-slate-300 px-4 py-2 text-sm focus-visible:outline-2 focus-visible:outline-emerald-700 disabled:bg-slate-100"
        />
        <Button type="submit" loading={busy} disabled={!chosen && !text.trim()}>
          Send
        </Button>
      </form>
    </div>
  );
}
