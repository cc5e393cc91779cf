import {
  AudioIcon,
  DocumentIcon,
  MicIcon,
  PersonIcon,
  PhotoIcon,
  PinIcon,
  StickerIcon,
  VideoIcon,
} from "@/components/inbox/message/icons";
import type { SandboxAttachment } from "@/lib/views/sandbox";

// Drawn, not emoji: the phone reads the same on a machine without an emoji font.
const ICONS: Record<SandboxAttachment, typeof PhotoIcon> = {
  image: PhotoIcon,
  video: VideoIcon,
  audio: AudioIcon,
  voice: MicIcon,
  document: DocumentIcon,
  sticker: StickerIcon,
  location: PinIcon,
  contacts: PersonIcon,
};

export function AttachmentIcon({ kind, className = "size-4" }: { kind: SandboxAttachment; className?: string }) {
  const Icon = ICONS[kind];
  return <Icon className={className} />;
}

export function PaperclipIcon() {
  return (
    <svg viewBox="0 0 20 20" className="size-5" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth={1.6}>
      <path
        d="M15.5 9.5 10 15a3.5 3.5 0 0 1-5-5l6-6a2.3 2.3 0 0 1 3.3 3.3l-6 6a1.1 1.1 0 0 1-1.6-1.6l5.5-5.5"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
