import { messagePreview, type PreviewIcon, previewIcon } from "@/lib/views/message-preview";
import {
  AudioIcon,
  CartIcon,
  ChatIcon,
  DocumentIcon,
  PersonIcon,
  PhotoIcon,
  PinIcon,
  StickerIcon,
  VideoIcon,
} from "./icons";

const ICONS: Record<PreviewIcon, (props: { className?: string }) => React.ReactNode> = {
  photo: PhotoIcon,
  video: VideoIcon,
  audio: AudioIcon,
  document: DocumentIcon,
  sticker: StickerIcon,
  location: PinIcon,
  contact: PersonIcon,
  order: CartIcon,
  chat: ChatIcon,
};

/** A message in one line (list rows, quotes): the type's icon, then its words. */
export function MessagePreviewLine({ type, text }: { type: string | null; text: string | null }) {
  const icon = previewIcon(type);
  const Icon = icon ? ICONS[icon] : null;
  return (
    <>
      {Icon ? <Icon className="mr-1 inline size-3.5 -translate-y-px align-middle text-slate-500" /> : null}
      {messagePreview({ type, text })}
    </>
  );
}
