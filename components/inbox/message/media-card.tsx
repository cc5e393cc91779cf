"use client";

import { type ReactNode, useState } from "react";
import type { ThreadMessage } from "@/lib/views/inbox";
import type { MediaFileView, MessageBodyOf } from "@/lib/views/message-body";
import { useMediaRetry } from "@/lib/queries/use-media-retry";
import { AlertIcon, AudioIcon, DocumentIcon, MicIcon, PhotoIcon, StickerIcon, VideoIcon } from "./icons";
import { LinkifiedText } from "./linkified-text";
import { MediaViewer } from "./media-viewer";

/**
 * A media message: photos and stickers inline (a viewer on click), voice notes and audio with a
 * player, video with a player, documents with name, type, size and a download link — once stored.
 * Before that a card says what was sent and that it is downloading, or why it failed, with a retry.
 */
export function MediaCard({ media, message }: { media: MessageBodyOf<"media">; message: ThreadMessage }) {
  const file = message.media;
  return (
    <div className="flex flex-col gap-1.5" data-testid="media" data-media-state={file?.state ?? "none"}>
      {file?.state === "stored" && file.url !== null ? (
        <StoredMedia media={media} file={{ ...file, url: file.url }} ours={message.direction === "outbound"} />
      ) : (
        <MediaPlaceholder media={media} message={message} />
      )}
      {media.caption ? <LinkifiedText text={media.caption} /> : null}
    </div>
  );
}

function StoredMedia({
  media,
  file,
  ours,
}: {
  media: MessageBodyOf<"media">;
  file: MediaFileView & { url: string };
  /** An agent's file (the alternative text says whose it is). */
  ours: boolean;
}) {
  const from = ours ? "sent to the customer" : "from the customer";
  const [viewing, setViewing] = useState(false);
  const { label } = describe(media);
  switch (media.mediaType) {
    case "image":
    case "sticker": {
      const sticker = media.mediaType === "sticker";
      const alt = media.caption ?? (sticker ? label : `Photo ${from}`);
      return (
        <>
          <button
            type="button"
            onClick={() => setViewing(true)}
            aria-label={`Open ${sticker ? "sticker" : "photo"} full size`}
            // A fixed box until the file arrives: the thread never jumps when it loads. Strict
            // containment makes the box a relayout boundary, so a photo arriving or being decoded
            // while the agent scrolls lays out this box alone, not the thousands of bubbles around it.
            className={`block overflow-hidden rounded-md [contain:strict] focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-700 ${
              sticker ? "size-32" : "aspect-[4/3] w-64 max-w-full bg-slate-100"
            }`}
          >
            {/* Our own authenticated route: next/image's optimiser would fetch it without the session. */}
            <img
              src={file.url}
              alt={alt}
              loading="lazy"
              decoding="async"
              className={`size-full ${sticker ? "object-contain" : "object-cover"}`}
            />
          </button>
          {viewing ? <MediaViewer src={file.url} alt={alt} onClose={() => setViewing(false)} /> : null}
        </>
      );
    }
    case "audio":
      return (
        <figure className="flex min-w-56 flex-col gap-1">
          <figcaption className="flex items-center gap-1.5 text-xs font-medium text-slate-600">
            {media.voice ? <MicIcon className="size-4" /> : <AudioIcon className="size-4" />}
            {label}
          </figcaption>
          <audio controls preload="metadata" src={file.url} className="w-64 max-w-full" aria-label={label} />
        </figure>
      );
    case "video":
      return (
        <video
          controls
          preload="metadata"
          src={file.url}
          aria-label={media.caption ?? `Video ${from}`}
          className="aspect-video w-72 max-w-full rounded-md bg-slate-900"
        />
      );
    default:
      return <DocumentCard media={media} file={file} />;
  }
}

function DocumentCard({ media, file }: { media: MessageBodyOf<"media">; file: MediaFileView & { url: string } }) {
  const name = media.filename ?? "Document";
  const details = [file.mimeType ?? media.mimeType, formatBytes(file.size ?? media.fileSize)].filter(Boolean);
  return (
    <div className="flex min-w-56 items-center gap-3 rounded-md border border-slate-200 bg-slate-50 p-2.5">
      <span className="flex size-10 shrink-0 items-center justify-center rounded-full bg-white text-slate-500 ring-1 ring-slate-200">
        <DocumentIcon />
      </span>
      <div className="min-w-0 flex-1">
        <p dir="auto" className="text-sm font-medium break-all text-slate-800" title={name}>
          {name}
        </p>
        {details.length > 0 ? <p className="text-xs break-all text-slate-500">{details.join(" · ")}</p> : null}
      </div>
      <a
        href={file.url}
        download={media.filename ?? ""}
        className="shrink-0 rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-xs font-medium text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-slate-500"
        aria-label={`Download ${name}`}
      >
        Download
      </a>
    </div>
  );
}

/** Not stored (yet): what was sent, and whether it is downloading or failed. */
function MediaPlaceholder({ media, message }: { media: MessageBodyOf<"media">; message: ThreadMessage }) {
  const { label, icon } = describe(media);
  const file = message.media;
  const details = [media.mimeType, formatBytes(media.fileSize)].filter(Boolean);
  const imageLike = media.mediaType === "image" || media.mediaType === "video";
  return (
    <div
      className={`flex min-w-56 flex-col justify-center gap-2 rounded-md border border-slate-200 bg-slate-50 p-2.5 ${
        imageLike && file?.state === "pending" ? "aspect-[4/3] w-64 max-w-full" : ""
      }`}
    >
      <div className="flex items-center gap-3">
        <span className="flex size-10 shrink-0 items-center justify-center rounded-full bg-white text-slate-500 ring-1 ring-slate-200">
          {icon}
        </span>
        <div className="min-w-0 flex-1">
          <p className="text-sm font-medium text-slate-800">{label}</p>
          {media.filename ? (
            <p dir="auto" className="text-sm break-all text-slate-700" title={media.filename}>
              {media.filename}
            </p>
          ) : null}
          {details.length > 0 ? <p className="text-xs break-all text-slate-500">{details.join(" · ")}</p> : null}
        </div>
      </div>
      {file === null ? (
        <p className="text-xs text-slate-600 italic">No copy of this file is kept</p>
      ) : file.state === "pending" ? (
        <p role="status" className="flex items-center gap-1.5 text-xs text-slate-600">
          <span
            aria-hidden="true"
            className="size-3 animate-spin rounded-full border-2 border-slate-300 border-t-slate-600"
          />
          {file.error ? <span>{file.error}</span> : <span>Downloading…</span>}
        </p>
      ) : (
        <FailedDownload message={message} error={file.error} />
      )}
    </div>
  );
}

function FailedDownload({ message, error }: { message: ThreadMessage; error: string | null }) {
  const retry = useMediaRetry(message);
  return (
    <div className="flex flex-col gap-1.5" role="alert">
      <p className="flex items-start gap-1.5 text-xs text-red-700">
        <AlertIcon className="mt-px size-3.5 shrink-0" />
        <span>{error ?? "The download failed."}</span>
      </p>
      {retry.error ? <p className="text-xs text-red-700">{retry.error.message}</p> : null}
      <button
        type="button"
        disabled={retry.isPending}
        aria-busy={retry.isPending || undefined}
        onClick={() => retry.mutate(message)}
        className="self-start rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-slate-500 disabled:opacity-60"
      >
        {retry.isPending ? "Retrying…" : "Retry download"}
      </button>
    </div>
  );
}

function describe(media: MessageBodyOf<"media">): { label: string; icon: ReactNode } {
  switch (media.mediaType) {
    case "image":
      return { label: "Photo", icon: <PhotoIcon /> };
    case "video":
      return { label: "Video", icon: <VideoIcon /> };
    case "audio":
      return media.voice ? { label: "Voice message", icon: <MicIcon /> } : { label: "Audio", icon: <AudioIcon /> };
    case "document":
      return { label: "Document", icon: <DocumentIcon /> };
    default:
      return {
        label: media.animated ? "Animated sticker" : "Sticker",
        icon: <StickerIcon />,
      };
  }
}

/** "1.2 MB" from a byte count; null when there is none. */
function formatBytes(bytes: number | null): string | null {
  if (bytes === null || bytes < 0) return null;
  const units = ["bytes", "KB", "MB", "GB"];
  let size = bytes;
  let unit = 0;
  while (size >= 1024 && unit < units.length - 1) {
    size /= 1024;
    unit++;
  }
  return unit === 0 ? `${Math.round(size)} ${units[0]}` : `${size.toFixed(size < 10 ? 1 : 0)} ${units[unit]}`;
}
