import type { ThreadMessage } from "@/lib/views/inbox";
import { ContactCards } from "./contact-cards";
import { ButtonContent, InteractiveContent } from "./interactive-content";
import { LinkifiedText } from "./linkified-text";
import { LocationCard } from "./location-card";
import { MediaCard } from "./media-card";
import { OrderCard } from "./order-card";
import { UnsupportedCard } from "./unsupported-card";
import { TemplateCard } from "@/components/templates/template-card";

export type MessageContentProps = { message: ThreadMessage };

/**
 * The body of a bubble, from the view the server built out of Meta's payload: a malformed payload
 * already became absent fields, the stored text or an "unsupported" body there.
 */
export function MessageContent({ message }: MessageContentProps) {
  const { body } = message;
  const templateName = message.replyTo?.templateName ?? null;
  switch (body.kind) {
    case "text":
      return body.text ? (
        <LinkifiedText text={body.text} />
      ) : (
        <p className="text-sm text-slate-500 italic">Empty message</p>
      );
    case "media":
      return <MediaCard media={body} message={message} />;
    case "location":
      return <LocationCard location={body} />;
    case "contacts":
      return <ContactCards contacts={body.contacts} />;
    case "interactive":
      return <InteractiveContent reply={body.reply} />;
    case "button":
      return <ButtonContent button={body} templateName={templateName} />;
    case "template":
      return <TemplateCard template={body} headerFile={templateHeaderFile(message)} />;
    case "order":
      return <OrderCard order={body} />;
    case "reaction":
      return <p className="text-sm text-slate-600">Reacted {body.emoji ?? "(removed)"}</p>;
    case "system":
      return <SystemNotice body={body.text} />;
    case "request_welcome":
      return <SystemNotice body="Customer opened the chat" label="Chat opened" />;
    case "unsupported":
      return <UnsupportedCard unsupported={body} />;
    default:
      return null;
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

/** A sent template's header file, served from our store like an attachment. */
function templateHeaderFile(message: ThreadMessage) {
  const media = message.media;
  if (!media?.url || !media.mimeType) return null;
  return { url: media.url, mimeType: media.mimeType, name: null };
}
