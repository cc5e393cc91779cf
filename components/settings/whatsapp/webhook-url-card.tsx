"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { CopyButton } from "@/components/ui/copy-button";
import type { SettingView } from "@/lib/views/settings";
import { randomToken, saveWhatsAppSetting } from "./save-setting";
import { Note, SettingStatus } from "./setting-status";

/**
 * The callback URL for Meta. Its key is a secret like the others, so the page shows it masked; a
 * rotation creates the new key in this browser and shows the full new URL once, to copy into Meta.
 */
export function WebhookUrlCard({
  setting,
  callbackUrlMasked,
  callbackUrlBase,
}: {
  setting: SettingView;
  callbackUrlMasked: string;
  callbackUrlBase: string;
}) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [newUrl, setNewUrl] = useState<string | null>(null);
  const locked = setting.source === "env";

  async function rotate() {
    setConfirming(false);
    setPending(true);
    setError(null);
    const key = randomToken(24);
    const result = await saveWhatsAppSetting("webhookKey", key);
    setPending(false);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    setNewUrl(`${callbackUrlBase}${key}`);
    router.refresh();
  }

  return (
    <section aria-labelledby="callback-url-heading" className="space-y-3">
      <div>
        <h3 id="callback-url-heading" className="text-sm font-semibold text-slate-900">
          Callback URL
        </h3>
        <p className="mt-1 text-sm text-slate-600">
          Meta posts every message and status here (app dashboard → WhatsApp → Configuration → Callback URL). The last
          part is the webhook key, a non-guessable path that turns away probes before any signature check.
        </p>
      </div>
      <p className="font-mono text-sm break-all text-slate-800" data-testid="callback-url">
        {callbackUrlMasked}
      </p>
      <SettingStatus setting={setting} showValue={false} />
      {setting.generated && !newUrl ? (
        <Note>
          The app generated this key at first start and never shows it in full. Rotate it to get a callback URL to paste
          into Meta.
        </Note>
      ) : null}
      {newUrl ? (
        <div className="space-y-2 rounded-md border border-emerald-200 bg-emerald-50 p-3" role="status">
          <p className="text-sm font-medium text-emerald-900">
            New callback URL — copy it into Meta now; it is shown only this once.
          </p>
          <div className="flex flex-wrap items-center gap-2">
            <label htmlFor="new-callback-url" className="sr-only">
              New callback URL
            </label>
            <input
              id="new-callback-url"
              readOnly
              value={newUrl}
              onFocus={(event) => event.currentTarget.select()}
              className="min-w-64 flex-1 rounded-md border border-emerald-300 bg-white px-3 py-2 font-mono text-sm"
            />
            <CopyButton value={newUrl} label="Copy URL" />
          </div>
          <p className="text-xs text-emerald-900">
            Until Meta has it, deliveries to the old URL get 404 and Meta retries them (for up to 7 days).
          </p>
        </div>
      ) : null}
      {error ? <Alert tone="error">{error}</Alert> : null}
      {locked ? (
        <p className="text-sm text-slate-600">Locked: change {setting.envVar} on the server to rotate it.</p>
      ) : (
        <Button type="button" variant="secondary" loading={pending} onClick={() => setConfirming(true)}>
          {pending ? "Rotating…" : "Rotate webhook key"}
        </Button>
      )}
      <ConfirmDialog
        open={confirming}
        title="Rotate the webhook key?"
        confirmLabel="Rotate key"
        onCancel={() => setConfirming(false)}
        onConfirm={() => void rotate()}
      >
        <p>
          The current callback URL stops working at once. Meta&apos;s deliveries to it fail until you paste the new URL
          into the app dashboard (WhatsApp → Configuration → Edit) and Meta verifies it.
        </p>
        <p>Do this when the URL has leaked, or before Meta is configured.</p>
      </ConfirmDialog>
    </section>
  );
}
