"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { SettingView } from "@/lib/views/settings";
import { saveWhatsAppSetting } from "./save-setting";
import { SettingStatus } from "./setting-status";

export type ReadReceiptsValue = "on_reply" | "on_open" | "never";

const OPTIONS: { value: ReadReceiptsValue; label: string; description: string }[] = [
  {
    value: "on_reply",
    label: "When an agent starts replying (default)",
    description: "The customer sees blue ticks and “typing…” as soon as someone writes an answer.",
  },
  {
    value: "on_open",
    label: "When an agent opens the conversation",
    description: "Blue ticks as soon as an agent has the conversation on screen.",
  },
  { value: "never", label: "Never", description: "Customers never see that their messages were read." },
];

/** When the customer's messages are marked read on WhatsApp (their blue ticks). */
export function ReadReceiptsForm({ setting }: { setting: SettingView }) {
  const router = useRouter();
  const initial = (OPTIONS.find((option) => option.value === setting.display)?.value ??
    "on_reply") as ReadReceiptsValue;
  const [value, setValue] = useState<ReadReceiptsValue>(initial);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    setSaved(null);
    const result = await saveWhatsAppSetting("readReceipts", value);
    setPending(false);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    setSaved(`Read receipts: ${OPTIONS.find((option) => option.value === value)!.label.toLowerCase()}.`);
    router.refresh();
  }

  return (
    <section aria-labelledby="read-receipts-heading" className="space-y-3">
      <div>
        <h3 id="read-receipts-heading" className="text-sm font-semibold text-slate-900">
          Read receipts
        </h3>
        <p className="mt-1 text-sm text-slate-600">
          When the customer&apos;s messages show as read (blue ticks) on their phone.
        </p>
      </div>
      <SettingStatus setting={setting} emptyText="Default (when an agent starts replying)" />
      {setting.source === "env" ? (
        <p className="text-sm text-slate-600">Locked: change {setting.envVar} on the server.</p>
      ) : (
        <form onSubmit={(event) => void onSubmit(event)} className="space-y-3">
          <fieldset className="space-y-2">
            <legend className="sr-only">Send the customer&apos;s blue ticks</legend>
            {OPTIONS.map((option) => (
              <label key={option.value} className="flex items-start gap-2 text-sm">
                <input
                  type="radio"
                  name="readReceipts"
                  value={option.value}
                  checked={value === option.value}
                  onChange={() => setValue(option.value)}
                  className="mt-0.5 accent-emerald-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-700"
                />
                <span>
                  <span className="font-medium text-slate-900">{option.label}</span>
                  <span className="block text-slate-600">{option.description}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <Button type="submit" loading={pending} disabled={pending || value === initial}>
            {pending ? "Saving…" : "Save"}
          </Button>
        </form>
      )}
      {error ? <Alert tone="error">{error}</Alert> : null}
      {saved ? <Alert tone="success">{saved}</Alert> : null}
    </section>
  );
}
