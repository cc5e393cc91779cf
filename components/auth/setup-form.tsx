"use client";

import { type FormEvent, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { requestJson } from "@/lib/queries/request-json";

export function SetupForm() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [mismatch, setMismatch] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const name = String(form.get("name") ?? "");
    const email = String(form.get("email") ?? "");
    const password = String(form.get("password") ?? "");
    if (password !== String(form.get("confirm") ?? "")) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    setPending(true);
    setError(null);
    const created = await requestJson("/api/auth/setup", { body: { name, email, password } });
    if (!created.ok) {
      setPending(false);
      setError(created.message);
      return;
    }
    const signedIn = await requestJson("/api/auth/sign-in/email", { body: { email, password } });
    window.location.assign(signedIn.ok ? "/settings/users" : "/login");
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <Field label="Your name" name="name" autoComplete="name" required maxLength={100} autoFocus />
      <Field label="Email" name="email" type="email" autoComplete="username" required />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={8}
        maxLength={128}
        hint="At least 8 characters."
      />
      <Field
        label="Repeat the password"
        name="confirm"
        type="password"
        autoComplete="new-password"
        required
        error={mismatch ? "The passwords do not match." : undefined}
      />
      <Button type="submit" loading={pending} className="w-full">
        {pending ? "Creating the admin…" : "Create admin account"}
      </Button>
    </form>
  );
}
