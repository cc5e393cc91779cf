"use client";

import Link from "next/link";
import { type FormEvent, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { requestJson } from "@/lib/queries/request-json";

export function LoginForm() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await requestJson("/api/auth/sign-in/email", {
      body: { email: String(form.get("email") ?? ""), password: String(form.get("password") ?? ""), rememberMe: true },
    });
    if (result.ok) {
      // A full navigation: the server renders the signed-in shell with the new cookie.
      window.location.assign("/inbox");
      return;
    }
    setPending(false);
    setError(result.status === 401 ? "Wrong email or password." : result.message);
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <Field label="Email" name="email" type="email" autoComplete="username" required autoFocus />
      <Field label="Password" name="password" type="password" autoComplete="current-password" required />
      <Button type="submit" loading={pending} className="w-full">
        {pending ? "Signing in…" : "Sign in"}
      </Button>
      <p className="text-center text-sm">
        <Link href="/forgot-password" className="font-medium text-emerald-800 underline-offset-2 hover:underline">
          Forgot password?
        </Link>
      </p>
    </form>
  );
}
