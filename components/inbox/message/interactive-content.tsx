import { isRecord, readString, readValue } from "./content-readers";
import { FormIcon, ReplyIcon } from "./icons";

const MAX_FORM_FIELDS = 12;
const REPLY_KINDS = ["button_reply", "list_reply", "nfm_reply"];

/** The customer's answer to an interactive message: a button, a list row, or a Flow form. */
export function InteractiveContent({ content, text }: { content: unknown; text: string | null }) {
  const declared = readString(content, "type");
  // Like the parser: the declared kind first, then whichever reply object is present.
  const kind = [declared, ...REPLY_KINDS].find(
    (key): key is string => key !== null && REPLY_KINDS.includes(key) && isRecord(readValue(content, key)),
  );
  const reply = kind ? readValue(content, kind) : undefined;

  if (kind === "nfm_reply") return <FormResponse reply={reply} />;
  if (kind === "button_reply" || kind === "list_reply") {
    return (
      <ChosenReply
        label={kind === "button_reply" ? "Button reply" : "List reply"}
        title={readString(reply, "title") ?? text ?? readString(reply, "id") ?? "(no title)"}
        description={kind === "list_reply" ? readString(reply, "description") : null}
      />
    );
  }
  return (
    <div className="text-sm">
      <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">Interactive message</p>
      <p className="text-slate-700">Type: {declared ?? "unknown"}</p>
      {text ? (
        <p dir="auto" className="break-words text-slate-800">
          {text}
        </p>
      ) : null}
    </div>
  );
}

/** A template quick-reply button: its text, or the payload when Meta sent no text. */
export function ButtonContent({ content, text }: { content: unknown; text: string | null }) {
  const title = readString(content, "text") ?? readString(content, "payload") ?? text ?? "(no text)";
  return <ChosenReply label="Button reply" title={title} description={null} />;
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

function FormResponse({ reply }: { reply: unknown }) {
  const name = readString(reply, "name");
  const body = readString(reply, "body");
  const fields = formFields(readString(reply, "response_json"));
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
          {fields.map(([key, value]) => (
            <div key={key} className="contents">
              <dt className="break-all text-slate-500">{key}</dt>
              <dd dir="auto" className="break-words text-slate-800">
                {value}
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
    </div>
  );
}

/** The answers of a Flow (response_json is a JSON string); the flow_token is plumbing, not an answer. */
function formFields(json: string | null): [string, string][] {
  if (json === null) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return [];
  }
  if (!isRecord(parsed)) return [];
  return Object.entries(parsed)
    .filter(([key]) => key !== "flow_token")
    .flatMap(([key, value]): [string, string][] => {
      if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
        return [[key, String(value)]];
      }
      if (Array.isArray(value) && value.every((entry) => typeof entry === "string" || typeof entry === "number")) {
        return [[key, value.join(", ")]];
      }
      return [];
    })
    .slice(0, MAX_FORM_FIELDS);
}
