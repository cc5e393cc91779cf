import type { InteractiveReplyView, MessageBodyOf } from "@/lib/views/message-body";
import { FormIcon, ReplyIcon } from "./icons";

const MAX_FORM_FIELDS = 12;

/** The customer's answer to an interactive message: a button, a list row, or a Flow form. */
export function InteractiveContent({ reply }: { reply: InteractiveReplyView }) {
  switch (reply.type) {
    case "nfm_reply":
      return <FormResponse reply={reply} />;
    case "button_reply":
    case "list_reply":
      return (
        <ChosenReply
          label={reply.type === "button_reply" ? "Button reply" : "List reply"}
          title={reply.title ?? reply.id ?? "(no title)"}
          description={reply.type === "list_reply" ? reply.description : null}
        />
      );
    default:
      return (
        <div className="text-sm">
          <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">Interactive message</p>
          <p className="text-slate-700">Type: {reply.declaredType ?? "unknown"}</p>
          {reply.text ? (
            <p dir="auto" className="break-words text-slate-800">
              {reply.text}
            </p>
          ) : null}
        </div>
      );
  }
}

/** A template quick-reply button: its text, or the payload when Meta sent no text. */
export function ButtonContent({
  button,
  templateName = null,
}: {
  button: MessageBodyOf<"button">;
  /** The template whose quick-reply button this taps (from the quoted message). */
  templateName?: string | null;
}) {
  return (
    <ChosenReply
      label={templateName ? `Tapped a button of the template ${templateName}` : "Button reply"}
      title={button.text ?? button.payload ?? "(no text)"}
      description={null}
    />
  );
}

function ChosenReply({ label, title, description }: { label: string; title: string; description: string | null }) {
  return (
    <div className="flex flex-col gap-0.5">
      <p className="flex items-center gap-1 text-xs font-medium text-slate-500">
        <ReplyIcon className="size-3.5" />
        {label}
      </p>
      <p dir="auto" className="font-medium break-words text-slate-900">
        {title}
      </p>
      {description ? (
        <p dir="auto" className="text-sm break-words text-slate-600">
          {description}
        </p>
      ) : null}
    </div>
  );
}

function FormResponse({ reply }: { reply: Extract<InteractiveReplyView, { type: "nfm_reply" }> }) {
  const { name, body } = reply;
  const fields = reply.fields.slice(0, MAX_FORM_FIELDS);
  return (
    <div className="min-w-56 rounded-md border border-slate-200 bg-slate-50 p-2.5 text-sm">
      <p className="flex items-center gap-2 font-medium text-slate-800">
        <FormIcon className="size-4 text-slate-500" />
        Form response
      </p>
      {name || body ? (
        <p dir="auto" className="break-words text-slate-600">
          {[name, body].filter(Boolean).join(" · ")}
        </p>
      ) : null}
      {fields.length > 0 ? (
        <dl className="mt-1.5 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5">
          {fields.map((field) => (
            <div key={field.name} className="contents">
              <dt className="break-all text-slate-500">{field.name}</dt>
              <dd dir="auto" className="break-words text-slate-800">
                {field.value}
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
    </div>
  );
}
