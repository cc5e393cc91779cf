"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { SettingView } from "@/lib/views/settings";
import { saveWhatsAppSetting } from "./save-setting";
import { SettingStatus } from "./setting-status";

export function GraphVersionForm({
  setting,
  effectiveVersion,
  defaultVersion,
}: {
  setting: SettingView;
  effectiveVersion: string;
  defaultVersion: string;
}) {
  const router = useRouter();
  const [value, setValue] = useState(effectiveVersion);
  const [pending, setPending] = useState<"save" | "reset" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  async function save(next: string | null) {
    setPending(next === null ? "reset" : "save");
    setError(null);
    setSaved(null);
    const result = await saveWhatsAppSetting("graphApiVersion", next);
    setPending(null);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    if (next === null) setValue(defaultVersion);
    setSaved(next === null ? `Using the default, ${defaultVersion}.` : `Graph API calls now use ${next.trim()}.`);
    router.refresh();
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void save(value);
  }

  return (
    <section aria-labelledby="graph-version-heading" className="space-y-3">
      <div>
        <h3 id="graph-version-heading" className="text-sm font-semibold text-slate-900">
          Graph API version
        </h3>
        <p className="mt-1 text-sm text-slate-600">
          The version in every Graph API path. Meta supports each for about two years; the default is {defaultVersion}.
        </p>
      </div>
      <SettingStatus setting={setting} emptyText={`Default (${defaultVersion})`} />
      {setting.source === "env" ? (
        <p className="text-sm text-slate-600">Locked: change {setting.envVar} on the server to use another version.</p>
      ) : (
        <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-end gap-2">
          <Field
            label="Version"
            name="graphApiVersion"
            value={value}
            onChange={(event) => setValue(event.target.value)}
            placeholder={defaultVersion}
            required
            autoComplete="off"
            spellCheck={false}
            error={error ?? undefined}
            className="w-40"
          />
          <Button type="submit" loading={pending === "save"} disabled={pending !== null}>
            {pending === "save" ? "Saving…" : "Save"}
          </Button>
          {setting.source === "stored" ? (
            <Button
              type="button"
              variant="ghost"
              loading={pending === "reset"}
              disabled={pending !== null}
              onClick={() => void save(null)}
            >
              Use default
            </Button>
          ) : null}
        </form>
      )}
      {saved ? <Alert tone="success">{saved}</Alert> : null}
    </section>
  );
}
