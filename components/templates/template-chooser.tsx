"use client";

import { useEffect, useId, useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { useTemplates } from "@/lib/queries/use-templates";
import { uploadHeaderMedia } from "@/lib/queries/upload-header-media";
import { formatBytes, OUTBOUND_MEDIA_RULES } from "@/lib/views/outbound-media";
import {
  headerMediaType,
  renderTemplate,
  type TemplateField,
  templateFields,
  templateValueErrors,
  type TemplateHeaderMedia,
  type TemplateValues,
  type TemplateView,
} from "@/lib/views/template";
import { TemplateCard } from "./template-card";
import { TemplateStatusBadge } from "./template-status-badge";

type Props = {
  /** Our number the template leaves from: only its WABA's templates are offered. */
  phoneNumberId: string | null;
  /** What the app knows to prefill (a name parameter). */
  contactName: string | null;
  submitLabel: string;
  /** Something outside the form is not ready yet (e.g. the customer's number): submitting waits. */
  blockedReason?: string | null;
  /**
   * The search box takes the focus once the list has loaded (default). Off where the chooser is not
   * the form's first field: the list arrives while the agent may be typing elsewhere, and their
   * keystrokes must stay there (the new-conversation dialog's number).
   */
  focusSearch?: boolean;
  onSubmit: TemplateSubmit;
};

/** Sends the chosen template with the form's values and, for an image/video/document header, the uploaded file. */
export type TemplateSubmit = (
  template: TemplateView,
  values: TemplateValues,
  headerMedia: TemplateHeaderMedia | null,
) => Promise<{ ok: true } | { ok: false; message: string }>;

/**
 * Choose a template (search, category, language), fill every parameter it declares, see it as the
 * customer will, send. Values are checked here with the server's own rules before anything is sent.
 */
export function TemplateChooser({
  phoneNumberId,
  contactName,
  submitLabel,
  blockedReason,
  focusSearch = true,
  onSubmit,
}: Props) {
  const templates = useTemplates({ phoneNumberId, enabled: phoneNumberId !== null });
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const selected = templates.data?.templates.find((template) => template.id === selectedId) ?? null;
  if (selected) {
    return (
      <TemplateForm
        key={selected.id}
        template={selected}
        contactName={contactName}
        submitLabel={submitLabel}
        blockedReason={blockedReason ?? null}
        onBack={() => setSelectedId(null)}
        onSubmit={onSubmit}
      />
    );
  }
  if (phoneNumberId === null) return <p className="text-sm text-slate-600">Choose a business number first.</p>;
  if (templates.isPending) return <p className="text-sm text-slate-600">Loading templates…</p>;
  if (templates.isError) {
    return (
      <p role="alert" className="text-sm text-red-700">
        Templates could not be loaded: {templates.error.message}{" "}
        <button type="button" className="underline" onClick={() => void templates.refetch()}>
          Try again
        </button>
      </p>
    );
  }
  return <TemplateList templates={templates.data.templates} focusSearch={focusSearch} onSelect={setSelectedId} />;
}

function TemplateList({
  templates,
  focusSearch,
  onSelect,
}: {
  templates: TemplateView[];
  focusSearch: boolean;
  onSelect: (id: string) => void;
}) {
  const [search, setSearch] = useState("");
  const [category, setCategory] = useState("");
  const [language, setLanguage] = useState("");
  const id = useId();
  const categories = [...new Set(templates.map((template) => template.category).filter((c) => c !== null))].sort();
  const languages = [...new Set(templates.map((template) => template.language))].sort();
  const needle = search.trim().toLowerCase();
  const shown = templates.filter(
    (template) =>
      (!category || template.category === category) &&
      (!language || template.language === language) &&
      (!needle ||
        template.name.toLowerCase().includes(needle) ||
        (template.definition.body?.text.toLowerCase().includes(needle) ?? false)),
  );
  if (templates.length === 0) {
    return (
      <p className="text-sm text-slate-600">
        No templates are available for this number yet. An admin can sync them from Meta and enable them on Settings →
        Templates.
      </p>
    );
  }
  return (
    <div className="flex min-h-0 flex-col gap-3">
      <div className="grid grid-cols-1 gap-2 sm:grid-cols-[1fr_auto_auto]">
        <label htmlFor={`${id}-search`} className="sr-only">
          Search templates
        </label>
        <input
          id={`${id}-search`}
          type="search"
          value={search}
          autoFocus={focusSearch}
          onChange={(event) => setSearch(event.target.value)}
          placeholder="Search templates"
          className="rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-emerald-600 focus:ring-2 focus:ring-emerald-600/70 focus:outline-none"
        />
        <label htmlFor={`${id}-category`} className="sr-only">
          Category
        </label>
        <select
          id={`${id}-category`}
          value={category}
          onChange={(event) => setCategory(event.target.value)}
          className="rounded-md border border-slate-300 bg-white px-2 py-2 text-sm"
        >
          <option value="">All categories</option>
          {categories.map((name) => (
            <option key={name} value={name}>
              {name.toLowerCase()}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-language`} className="sr-only">
          Language
        </label>
        <select
          id={`${id}-language`}
          value={language}
          onChange={(event) => setLanguage(event.target.value)}
          className="rounded-md border border-slate-300 bg-white px-2 py-2 text-sm"
        >
          <option value="">All languages</option>
          {languages.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </div>
      {shown.length === 0 ? (
        <p className="text-sm text-slate-600">No template matches.</p>
      ) : (
        <ul
          className="min-h-0 divide-y divide-slate-100 overflow-y-auto rounded-md border border-slate-200"
          aria-label="Templates"
        >
          {shown.map((template) => (
            <li key={template.id}>
              <button
                type="button"
                data-testid="template-option"
                onClick={() => onSelect(template.id)}
                aria-describedby={template.unavailableReason ? `${id}-${template.id}-why` : undefined}
                className="flex w-full flex-col items-start gap-1 px-3 py-2 text-left hover:bg-slate-50 focus-visible:bg-slate-50 focus-visible:outline-2 focus-visible:outline-emerald-700"
              >
                <span className="flex w-full flex-wrap items-center gap-2">
                  <span className="font-mono text-sm font-medium text-slate-900">{template.name}</span>
                  <span className="text-xs text-slate-500">{template.language}</span>
                  {template.category ? (
                    <span className="text-xs text-slate-500">{template.category.toLowerCase()}</span>
                  ) : null}
                  <TemplateStatusBadge status={template.status} />
                </span>
                <span className="line-clamp-2 text-xs text-slate-600">{template.definition.body?.text}</span>
                {template.unavailableReason ? (
                  <span id={`${id}-${template.id}-why`} className="text-xs text-amber-800">
                    {template.unavailableReason}
                  </span>
                ) : null}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Prefills what the app knows: a name parameter gets the contact's (first) name. */
function initialValues(fields: TemplateField[], contactName: string | null): TemplateValues {
  const values: TemplateValues = {};
  const name = contactName?.trim() ?? "";
  for (const field of fields) {
    if (!name || field.kind === "url" || field.kind === "copy_code" || field.kind === "quick_reply") continue;
    if (/^first_?name$/i.test(field.name)) values[field.key] = name.split(/\s+/)[0]!;
    else if (/(^|_)name$/i.test(field.name)) values[field.key] = name;
  }
  return values;
}

function TemplateForm({
  template,
  contactName,
  submitLabel,
  blockedReason,
  onBack,
  onSubmit,
}: {
  template: TemplateView;
  contactName: string | null;
  submitLabel: string;
  blockedReason: string | null;
  onBack: () => void;
  onSubmit: Props["onSubmit"];
}) {
  const fields = useMemo(() => templateFields(template.definition), [template.definition]);
  const [values, setValues] = useState<TemplateValues>(() => initialValues(fields, contactName));
  const [showErrors, setShowErrors] = useState(false);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const cleaned = Object.fromEntries(Object.entries(values).filter(([, value]) => value !== ""));
  const errors = templateValueErrors(template.definition, cleaned);
  const rendered = renderTemplate(template.definition, cleaned);
  const problem = template.unavailableReason ?? blockedReason;
  const mediaType = headerMediaType(template.definition);
  const [file, setFile] = useState<File | null>(null);
  // Uploaded once per chosen file: sending again after a refusal names the same upload.
  const [uploaded, setUploaded] = useState<{ file: File; media: TemplateHeaderMedia } | null>(null);
  const fileError = mediaType ? headerFileError(mediaType, file) : null;
  const preview = useObjectUrl(file);

  async function submit() {
    // One send at a time: the button is unavailable meanwhile, and this holds even if its click is not.
    if (sending) return;
    setShowErrors(true);
    if (Object.keys(errors).length > 0 || fileError || problem) return;
    setSending(true);
    setError(null);
    let headerMedia: TemplateHeaderMedia | null = null;
    if (mediaType && file) {
      if (uploaded?.file === file) headerMedia = uploaded.media;
      else {
        const upload = await uploadHeaderMedia(file);
        if (!upload.ok) {
          setSending(false);
          setError(upload.message);
          return;
        }
        headerMedia = upload.data.upload;
        setUploaded({ file, media: headerMedia });
      }
    }
    const result = await onSubmit(template, cleaned, headerMedia);
    setSending(false);
    if (!result.ok) setError(result.message);
  }

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      className="flex min-h-0 flex-col gap-3"
    >
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          onClick={onBack}
          className="rounded px-1 text-sm text-emerald-800 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-emerald-700"
        >
          ← All templates
        </button>
        <span className="font-mono text-sm font-medium">{template.name}</span>
        <span className="text-xs text-slate-500">{template.language}</span>
        <TemplateStatusBadge status={template.status} />
      </div>
      <div className="grid min-h-0 gap-4 overflow-y-auto sm:grid-cols-2">
        <div className="space-y-3">
          {mediaType ? (
            <HeaderFileField
              id={`${id}-header-file`}
              type={mediaType}
              file={file}
              error={showErrors ? fileError : null}
              onChange={setFile}
            />
          ) : null}
          {fields.length === 0 && !mediaType ? (
            <p className="text-sm text-slate-600">This template has no parameters.</p>
          ) : null}
          {fields.map((field) => {
            const fieldError = showErrors ? errors[field.key] : undefined;
            const length = [...(values[field.key] ?? "")].length;
            return (
              <div key={field.key}>
                <label htmlFor={`${id}-${field.key}`} className="block text-sm font-medium text-slate-800">
                  {field.label}
                </label>
                <input
                  id={`${id}-${field.key}`}
                  name={field.key}
                  value={values[field.key] ?? ""}
                  placeholder={field.example ?? undefined}
                  required={field.required}
                  aria-invalid={fieldError ? true : undefined}
                  aria-describedby={`${id}-${field.key}-hint`}
                  onChange={(event) => setValues({ ...values, [field.key]: event.target.value })}
                  className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-emerald-600 focus:ring-2 focus:ring-emerald-600/70 focus:outline-none aria-invalid:border-red-500"
                />
                <p
                  id={`${id}-${field.key}-hint`}
                  className={`mt-1 text-xs ${fieldError ? "text-red-700" : "text-slate-500"}`}
                >
                  {fieldError ?? `${length} / ${field.maxLength}`}
                </p>
              </div>
            );
          })}
          {showErrors && (errors.body || errors.header) ? (
            <p className="text-xs text-red-700">{errors.header ?? errors.body}</p>
          ) : null}
        </div>
        <div>
          <p className="mb-1 text-xs font-medium text-slate-500">Preview</p>
          <div data-testid="template-preview" className="rounded-lg bg-[#e5ddd5] p-3">
            <div className="rounded-lg bg-white p-2.5 shadow-sm">
              <TemplateCard template={rendered} label="What the customer sees" headerFile={preview} />
            </div>
          </div>
        </div>
      </div>
      {problem ? (
        <p role="status" className="text-sm text-amber-800">
          {problem}
        </p>
      ) : null}
      <p role="alert" className="text-sm text-red-700 empty:hidden">
        {error ? `Not sent: ${error}` : null}
      </p>
      <div className="flex justify-end">
        <Button type="submit" loading={sending} disabled={Boolean(problem)}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}

/** What a header of this kind accepts: Meta's types for it (lib/views/outbound-media.ts). */
function acceptedTypes(type: "image" | "video" | "document"): string[] {
  return Object.entries(OUTBOUND_MEDIA_RULES)
    .filter(([, rule]) => rule.type === type)
    .map(([mime]) => mime);
}

function headerFileError(type: "image" | "video" | "document", file: File | null): string | null {
  if (!file) return `Attach the header ${type}`;
  const rule = OUTBOUND_MEDIA_RULES[file.type];
  if (!rule || rule.type !== type) {
    const labels = [...new Set(acceptedTypes(type).map((mime) => OUTBOUND_MEDIA_RULES[mime]!.label))];
    return `The header takes ${labels.join(", ")} — not ${file.type || "this file"}`;
  }
  if (file.size > rule.maxBytes)
    return `This ${rule.label} is ${formatBytes(file.size)}; WhatsApp accepts at most ${formatBytes(rule.maxBytes)}`;
  if (file.size === 0) return "The file is empty";
  return null;
}

function HeaderFileField({
  id,
  type,
  file,
  error,
  onChange,
}: {
  id: string;
  type: "image" | "video" | "document";
  file: File | null;
  error: string | null;
  onChange: (file: File | null) => void;
}) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        Header {type}
      </label>
      <input
        id={id}
        type="file"
        accept={acceptedTypes(type).join(",")}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint`}
        onChange={(event) => onChange(event.target.files?.[0] ?? null)}
        className="mt-1 block w-full text-sm text-slate-700 file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-slate-800 hover:file:bg-slate-50 focus-visible:outline-2 focus-visible:outline-emerald-700"
      />
      <p id={`${id}-hint`} className={`mt-1 text-xs ${error ? "text-red-700" : "text-slate-500"}`}>
        {error ??
          (file ? `${file.name} · ${formatBytes(file.size)}` : `The ${type} the customer sees above the message`)}
      </p>
    </div>
  );
}

/** The chosen file as a blob: URL for the preview, released when the file changes or the form closes. */
function useObjectUrl(file: File | null) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!file) return;
    const next = URL.createObjectURL(file);
    setUrl(next);
    return () => {
      URL.revokeObjectURL(next);
      setUrl(null);
    };
  }, [file]);
  return file && url ? { url, mimeType: file.type, name: file.name } : null;
}
