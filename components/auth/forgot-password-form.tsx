"use client";

import { type FormEvent, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { requestJson } from "@/lib/queries/request-json";

/** Always the same answer: whether an address has an account is not for a stranger to learn. */
export function ForgotPasswordForm() {
  const [pending, setPending] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get("email") ?? "");
    setPending(true);
    setError(null);
    const result = await requestJson("/api/password-reset/request", { body: { email } });
    setPending(false);
    if (result.ok) setSentTo(email);
    else setError(result.message.replace(/^\w+: /, ""));
  }

  if (sentTo) {
    return (
      <Alert tone="success">
        If {sentTo} has an account here, a reset link is on its way. Check the inbox (and the spam folder).
      </Alert>
    );
  }
  return (
    <form onSubmit={onSubmit} className="space-y-4">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <Field label="Email" name="email" type="email" autoComplete="username" required autoFocus />
      <Button type="submit" loading={pending} className="w-full">
        {pending ? "Sending…" : "Send reset link"}
      </Button>
    </form>
  );
}
