import type { ReactNode } from "react";
import { formatBytes, isRecord, readNumber, readString } from "./content-readers";
import { AudioIcon, DocumentIcon, MicIcon, PhotoIcon, StickerIcon, VideoIcon } from "./icons";
import { LinkifiedText } from "./linkified-text";

export const MEDIA_TYPES = new Set(["image", "video", "audio", "document", "sticker"]);

/** Until media is downloaded and stored, a card says what was sent: kind, format, name, size, caption. */
export function MediaCard({ type, content, text }: { type: string; content: unknown; text: string | null }) {
  const { label, icon } = describe(type, content);
  const fileName = type === "document" ? readString(content, "filename") : null;
  const details = [readString(content, "mime_type"), formatBytes(readNumber(content, "file_size"))].filter(Boolean);
  // The stored text is the caption, or for a document without one its file name (already shown).
  const caption = isRecord(content) ? readString(content, "caption") : text;

  return (
    <div className="flex flex-col gap-1.5">
      <div className="flex min-w-56 items-center gap-3 rounded-md border border-slate-200 bg-slate-50 p-2.5">
        <span className="flex size-10 shrink-0 items-center justify-center rounded-full bg-white text-slate-500 ring-1 ring-slate-200">
          {icon}
        </span>
        <div className="min-w-0 flex-1">
          <p className="text-sm font-medium text-slate-800">{label}</p>
          {fileName ? (
            <p dir="auto" className="text-sm break-all text-slate-700" title={fileName}>
              {fileName}
            </p>
          ) : null}
          {details.length > 0 ? <p className="text-xs break-all text-slate-500">{details.join(" · ")}</p> : null}
          <p className="text-xs text-slate-400 italic">Media download not available yet</p>
        </div>
      </div>
      {caption ? <LinkifiedText text={caption} /> : null}
    </div>
  );
}

function describe(type: string, content: unknown): { label: string; icon: ReactNode } {
  switch (type) {
    case "image":
      return { label: "Photo", icon: <PhotoIcon /> };
    case "video":
      return { label: "Video", icon: <VideoIcon /> };
    case "audio":
      return isRecord(content) && content.voice === true
        ? { label: "Voice message", icon: <MicIcon /> }
        : { label: "Audio", icon: <AudioIcon /> };
    case "document":
      return { label: "Document", icon: <DocumentIcon /> };
    default:
      return {
        label: isRecord(content) && content.animated === true ? "Animated sticker" : "Sticker",
        icon: <StickerIcon />,
      };
  }
}
