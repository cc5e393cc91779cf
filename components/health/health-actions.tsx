"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { requestJson } from "@/lib/queries/request-json";

export function RefreshButton() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <Button variant="secondary" loading={pending} onClick={() => startTransition(() => router.refresh())}>
      Refresh
    </Button>
  );
}

type RetryResult = { selected: number; processed: number; failed: number; retrying: number };

/** Re-processes every failed event (the events:replay tool) and shows what happened. */
export function RetryFailedButton() {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const retry = async () => {
    setBusy(true);
    setMessage(null);
    const result = await requestJson<RetryResult>("/api/webhook-events/retry", { body: {} });
    setBusy(false);
    if (!result.ok) return setMessage({ tone: "error", text: result.message });
    const { processed, failed } = result.data;
    setMessage({ tone: failed ? "error" : "success", text: `${processed} processed, ${failed} still failing.` });
    router.refresh();
  };
  return (
    <div className="flex items-center gap-3">
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <Button variant="secondary" loading={busy} onClick={retry}>
        Retry failed events
      </Button>
    </div>
  );
}

/** Lifts a pause Meta's answer caused (after the token or the account was fixed); queued replies go out. */
export function ResumeSendingButton() {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const resume = async () => {
    setBusy(true);
    setError(null);
    const result = await requestJson("/api/sending-status/resume");
    setBusy(false);
    if (!result.ok) return setError(result.message);
    router.refresh();
  };
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button variant="secondary" loading={busy} onClick={resume}>
        Resume sending
      </Button>
      {error ? <Alert tone="error">{error}</Alert> : null}
    </div>
  );
}
