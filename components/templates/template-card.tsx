/** A template as the customer sees it: header, body with the values, footer, buttons. */
export type TemplateCardContent = {
  name?: string | null;
  header: string | null;
  headerMedia: string | null;
  body: string | null;
  footer: string | null;
  buttons: { type: string; text: string; url?: string | null }[];
};

// Plain text symbols every font has (no emoji font needed).
const BUTTON_ICONS: Record<string, string> = { URL: "↗", PHONE_NUMBER: "☏", COPY_CODE: "⧉", QUICK_REPLY: "↩" };

/** A media header's file: our stored copy on a sent bubble, the chosen file in the form's preview. */
export type TemplateHeaderFile = { url: string; mimeType: string; name: string | null };

export function TemplateCard({
  template,
  label = "Template",
  headerFile = null,
}: {
  template: TemplateCardContent;
  label?: string;
  headerFile?: TemplateHeaderFile | null;
}) {
  return (
    <div data-testid="template-card" className="min-w-52 text-sm">
      <p className="mb-1 flex items-center gap-1 text-[11px] font-medium tracking-wide text-slate-500 uppercase">
        <svg
          viewBox="0 0 16 16"
          className="size-3.5"
          aria-hidden="true"
          fill="none"
          stroke="currentColor"
          strokeWidth={1.4}
        >
          <rect x="3" y="2" width="10" height="12" rx="1.2" />
          <path d="M5.5 5.5h5M5.5 8h5M5.5 10.5h3" strokeLinecap="round" />
        </svg>
        {label}
        {template.name ? <span className="font-mono normal-case">· {template.name}</span> : null}
      </p>
      {template.headerMedia ? <HeaderMedia format={template.headerMedia} file={headerFile} /> : null}
      {template.header ? (
        <p dir="auto" className="font-semibold break-words text-slate-900">
          {template.header}
        </p>
      ) : null}
      {template.body ? (
        <p dir="auto" className="break-words whitespace-pre-wrap text-slate-900">
          {template.body}
        </p>
      ) : null}
      {template.footer ? (
        <p dir="auto" className="mt-1 text-xs break-words text-slate-500">
          {template.footer}
        </p>
      ) : null}
      {template.buttons.length > 0 ? (
        <ul className="mt-2 divide-y divide-slate-200 border-t border-slate-200" aria-label="Buttons">
          {template.buttons.map((button, index) => (
            <li
              key={index}
              className="flex items-center justify-center gap-1.5 py-1.5 text-center text-sm font-medium text-sky-700"
              title={button.url ?? undefined}
            >
              <span aria-hidden="true">{BUTTON_ICONS[button.type] ?? "•"}</span>
              {button.text}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function HeaderMedia({ format, file }: { format: string; file: TemplateHeaderFile | null }) {
  const kind = format.toLowerCase();
  if (file && kind === "image" && file.mimeType.startsWith("image/")) {
    return <img src={file.url} alt="Header image" className="mb-1 max-h-48 w-full rounded object-cover" />;
  }
  if (file && kind === "video" && file.mimeType.startsWith("video/")) {
    return (
      <video
        src={file.url}
        controls
        preload="metadata"
        aria-label="Header video"
        className="mb-1 max-h-48 w-full rounded"
      />
    );
  }
  if (file) {
    return (
      <a
        href={file.url}
        download={file.name ?? undefined}
        className="mb-1 block truncate rounded bg-slate-100 px-2 py-2 text-xs font-medium text-sky-800 underline-offset-2 hover:underline"
      >
        {file.name ?? `${kind} header`}
      </a>
    );
  }
  return <p className="mb-1 rounded bg-slate-200 px-2 py-3 text-center text-xs text-slate-600">{kind} header</p>;
}
