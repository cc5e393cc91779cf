import type { ThreadMessage } from "@/lib/inbox/inbox-views";
import { ContactCards } from "./contact-cards";
import { readString } from "./content-readers";
import { ButtonContent, InteractiveContent } from "./interactive-content";
import { LinkifiedText } from "./linkified-text";
import { LocationCard } from "./location-card";
import { MEDIA_TYPES, MediaCard } from "./media-card";
import { OrderCard } from "./order-card";
import { UnsupportedCard } from "./unsupported-card";

export type MessageContentProps = { message: Pick<ThreadMessage, "type" | "text" | "content" | "errors"> };

/**
 * The body of a bubble, by Meta's type. `content` is message[type] as Meta sent it (the whole
 * message for unsupported/unknown), so every reader is defensive: a malformed payload falls back
 * to the stored text or a generic card, never an exception.
 */
export function MessageContent({ message }: MessageContentProps) {
  const { type, content, errors } = message;
  const text = message.text === "" ? null : message.text;

  if (MEDIA_TYPES.has(type)) return <MediaCard type={type} content={content} text={text} />;
  switch (type) {
    case "text": {
      const body = readString(content, "body") ?? text;
      return body ? <LinkifiedText text={body} /> : <p className="text-sm text-slate-500 italic">Empty message</p>;
    }
    case "location":
      return <LocationCard content={content} text={text} />;
    case "contacts":
      return <ContactCards content={content} text={text} />;
    case "interactive":
      return <InteractiveContent content={content} text={text} />;
    case "button":
      return <ButtonContent content={content} text={text} />;
    case "order":
      return <OrderCard content={content} />;
    case "reaction":
      return <p className="text-sm text-slate-600">Reacted {readString(content, "emoji") ?? text ?? "(removed)"}</p>;
    case "system":
      return <SystemNotice body={readString(content, "body") ?? text} />;
    case "request_welcome":
      return <SystemNotice body="Customer opened the chat" label="Chat opened" />;
    default:
      return <UnsupportedCard type={type} content={content} errors={errors} />;
  }
}

/** Types shown as a centred notice rather than as something the customer wrote. */
export const NOTICE_TYPES = new Set(["system", "request_welcome"]);

function SystemNotice({ body, label = "System" }: { body: string | null; label?: string }) {
  return (
    <div className="text-center text-sm text-slate-600 italic">
      <span className="mr-1.5 rounded bg-slate-200 px-1.5 py-0.5 text-[11px] font-medium tracking-wide text-slate-600 uppercase not-italic">
        {label}
      </span>
      <span dir="auto" className="break-words">
        {body ?? "System message"}
      </span>
    </div>
  );
}
