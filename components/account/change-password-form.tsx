"use client";

import { type FormEvent, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { requestJson } from "@/lib/queries/request-json";

/** One's own password, proving the current one; every other browser is signed out. */
export function ChangePasswordForm({ email }: { email: string }) {
  const [pending, setPending] = useState(false);
  const [notice, setNotice] = useState<{ tone: "error" | "success"; text: string } | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const newPassword = String(form.get("newPassword") ?? "");
    if (newPassword !== String(form.get("repeat") ?? "")) {
      setNotice({ tone: "error", text: "The new passwords do not match." });
      return;
    }
    setPending(true);
    setNotice(null);
    const result = await requestJson("/api/users/me/password", {
      body: { currentPassword: String(form.get("currentPassword") ?? ""), newPassword },
    });
    setPending(false);
    if (!result.ok) {
      // The API names the field ("currentPassword: …"); a person needs only the sentence.
      setNotice({ tone: "error", text: result.message.replace(/^\w+: /, "") });
      return;
    }
    formElement.reset();
    setNotice({ tone: "success", text: "Password changed. You were signed out on every other device." });
  }

  return (
    <form onSubmit={onSubmit} aria-labelledby="change-password-heading" className="space-y-4">
      <h2 id="change-password-heading" className="text-base font-semibold">
        Password
      </h2>
      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      {/* Lets password managers file the new password under the right account. */}
      <input type="hidden" name="username" autoComplete="username" value={email} readOnly />
      <Field label="Current password" name="currentPassword" type="password" required autoComplete="current-password" />
      <Field
        label="New password"
        name="newPassword"
        type="password"
        required
        minLength={8}
        maxLength={128}
        autoComplete="new-password"
        hint="At least 8 characters. Other devices are signed out."
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
      <Button type="submit" loading={pending}>
        Change password
      </Button>
    </form>
  );
}
