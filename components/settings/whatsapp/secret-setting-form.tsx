"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, type ReactNode, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { CopyButton } from "@/components/ui/copy-button";
import { Field } from "@/components/ui/field";
import type { SettingView } from "@/lib/views/settings";
import { randomToken, saveWhatsAppSetting } from "./save-setting";
import { Note, SettingStatus } from "./setting-status";

/**
 * One secret: its masked value, and a write-only field to replace it. The browser only ever holds
 * the value the admin typed or generated; the server answers with masks.
 */
export function SecretSettingForm({
  setting,
  description,
  inputLabel,
  hint,
  savedMessage,
  canGenerate = false,
  canRemove = false,
  generatedNote,
}: {
  setting: SettingView;
  description: ReactNode;
  inputLabel: string;
  hint?: string;
  savedMessage: string;
  canGenerate?: boolean;
  canRemove?: boolean;
  /** What to do about a value the app generated at first start. */
  generatedNote?: string;
}) {
  const router = useRouter();
  const [value, setValue] = useState("");
  const [generated, setGenerated] = useState(false);
  const [pending, setPending] = useState<"save" | "remove" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const locked = setting.source === "env";

  async function save(next: string | null) {
    setPending(next === null ? "remove" : "save");
    setError(null);
    setSaved(null);
    const result = await saveWhatsAppSetting(setting.name, next);
    setPending(null);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    setValue("");
    setGenerated(false);
    setSaved(next === null ? `${setting.label} removed.` : savedMessage);
    router.refresh();
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void save(value);
  }

  const headingId = `${setting.name}-heading`;
  return (
    <section aria-labelledby={headingId} className="space-y-3">
      <div>
        <h3 id={headingId} className="text-sm font-semibold text-slate-900">
          {setting.label}
        </h3>
        <div className="mt-1 text-sm text-slate-600">{description}</div>
      </div>
      <SettingStatus setting={setting} />
      {setting.problem ? <Alert tone="error">{setting.problem}</Alert> : null}
      {setting.generated && generatedNote && !locked ? <Note>{generatedNote}</Note> : null}
      {locked ? (
        <p className="text-sm text-slate-600">
          Locked: the server&apos;s environment sets it, which wins over this page. Change {setting.envVar} to replace
          it.
        </p>
      ) : (
        <form onSubmit={onSubmit} className="space-y-3" noValidate>
          <div className="flex flex-wrap items-end gap-2">
            <Field
              label={inputLabel}
              name={setting.name}
              type={generated ? "text" : "password"}
              value={value}
              onChange={(event) => {
                setValue(event.target.value);
                setGenerated(false);
              }}
              autoComplete="off"
              spellCheck={false}
              required
              hint={hint}
              error={error ?? undefined}
              className="min-w-64 flex-1"
            />
          </div>
          {generated ? (
            <div className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
              <CopyButton value={value} label="Copy token" />
              <span>Save it here, then paste it into Meta&apos;s dashboard. It is not shown again after saving.</span>
            </div>
          ) : null}
          <div className="flex flex-wrap gap-2">
            <Button type="submit" loading={pending === "save"} disabled={pending !== null || value === ""}>
              {pending === "save" ? "Saving…" : "Save"}
            </Button>
            {canGenerate ? (
              <Button
                type="button"
                variant="secondary"
                disabled={pending !== null}
                onClick={() => {
                  setValue(randomToken(24));
                  setGenerated(true);
                  setError(null);
                  setSaved(null);
                }}
              >
                Generate
              </Button>
            ) : null}
            {canRemove && setting.source === "stored" ? (
              <Button
                type="button"
                variant="danger"
                loading={pending === "remove"}
                disabled={pending !== null}
                onClick={() => setConfirmRemove(true)}
              >
                Remove
              </Button>
            ) : null}
          </div>
          {saved ? <Alert tone="success">{saved}</Alert> : null}
          {canRemove ? (
            <ConfirmDialog
              open={confirmRemove}
              title={`Remove the ${setting.label}?`}
              confirmLabel="Remove"
              onCancel={() => setConfirmRemove(false)}
              onConfirm={() => {
                setConfirmRemove(false);
                void save(null);
              }}
            >
              <p>The app cannot call the Graph API without it until you save a new one.</p>
            </ConfirmDialog>
          ) : null}
        </form>
      )}
    </section>
  );
}
