"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { CopyButton } from "@/components/ui/copy-button";
import { Time } from "@/components/ui/time";
import { requestJson } from "@/lib/queries/request-json";
import type { AccountUser } from "@/lib/views/accounts";
import type { PasswordResetLink } from "@/lib/views/accounts";

/**
 * "Reset password": asks, then shows the one-time link once — the server keeps only its hash, so
 * closing this is the last anyone sees of it.
 */
export function ResetLinkAction({ user }: { user: AccountUser }) {
  const [asking, setAsking] = useState(false);
  const [pending, setPending] = useState(false);
  const [reset, setReset] = useState<PasswordResetLink | null>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <Button
        variant="secondary"
        loading={pending}
        aria-label={`Reset password of ${user.name}`}
        onClick={() => setAsking(true)}
      >
        Reset password
      </Button>
      <ConfirmDialog
        open={asking}
        title={`Make a password reset link for ${user.name}?`}
        confirmLabel="Make link"
        tone="primary"
        onCancel={() => setAsking(false)}
        onConfirm={async () => {
          setAsking(false);
          setPending(true);
          setError(null);
          const result = await requestJson<{ reset: PasswordResetLink }>(`/api/users/${user.id}/password-reset`);
          setPending(false);
          if (result.ok) setReset(result.data.reset);
          else setError(result.message);
        }}
      >
        <p>
          The link lets whoever opens it choose a new password for {user.email}, once, within an hour. Their current
          password keeps working until then; links made before stop working.
        </p>
      </ConfirmDialog>
      {error ? (
        <div className="order-last basis-full">
          <Alert tone="error">{error}</Alert>
        </div>
      ) : null}
      {reset ? (
        <div className="order-last basis-full space-y-2 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-950">
          <p role="status">
            Reset link for {user.name}, shown once: copy it now and hand it over privately. It works once, until{" "}
            <Time iso={reset.expiresAt} style="clock" />.{reset.emailed ? ` It was also emailed to ${user.email}.` : ""}
          </p>
          <input
            readOnly
            aria-label={`Reset link for ${user.name}`}
            value={reset.link}
            onFocus={(event) => event.currentTarget.select()}
            className="block w-full rounded-md border border-amber-300 bg-white px-2 py-1 font-mono text-xs"
          />
          <div className="flex gap-2">
            <CopyButton value={reset.link} label="Copy link" />
            <Button variant="ghost" onClick={() => setReset(null)}>
              Done
            </Button>
          </div>
        </div>
      ) : null}
    </>
  );
}
