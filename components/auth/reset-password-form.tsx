"use client";

import Link from "next/link";
import { type FormEvent, useState, useSyncExternalStore } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { requestJson } from "@/lib/queries/request-json";

const subscribeToHash = (onChange: () => void) => {
  window.addEventListener("hashchange", onChange);
  return () => window.removeEventListener("hashchange", onChange);
};

export function ResetPasswordForm() {
  const token = useSyncExternalStore(
    subscribeToHash,
    () => window.location.hash.slice(1),
    () => null,
  );
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get("password") ?? "");
    if (password !== String(form.get("repeat") ?? "")) {
      setError("The passwords do not match.");
      return;
    }
    setPending(true);
    setError(null);
    const result = await requestJson("/api/password-reset", { body: { token, password } });
    setPending(false);
    if (!result.ok) {
      setError(result.message.replace(/^\w+: /, ""));
      return;
    }
    // The token is used up: drop it from the address bar and history.
    window.history.replaceState(null, "", "/reset-password");
    setDone(true);
  }

  if (done) {
    return (
      <div className="space-y-4">
        <Alert tone="success">Your password is changed.</Alert>
        <Link href="/login" className="inline-block text-sm font-medium text-emerald-800 underline">
          Sign in with it
        </Link>
      </div>
    );
  }
  if (token === "") {
    return (
      <Alert tone="error">
        This page needs the whole reset link. Open the link you were given, or ask for a new one on the{" "}
        <Link href="/forgot-password" className="underline">
          sign-in page
        </Link>
        .
      </Alert>
    );
  }
  return (
    <form onSubmit={onSubmit} className="space-y-4">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <Field
        label="New password"
        name="password"
        type="password"
        required
        minLength={8}
        maxLength={128}
        autoComplete="new-password"
        hint="At least 8 characters."
        autoFocus
      />
      <Field
        label="Repeat the new password"
        name="repeat"
        type="password"
        required
        minLength={8}
        maxLength={128}
        autoComplete="new-password"
      />
      <Button type="submit" loading={pending} disabled={token === null} className="w-full">
        Set new password
      </Button>
    </form>
  );
}
