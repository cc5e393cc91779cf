"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { requestJson } from "@/lib/queries/request-json";

/** Invite = create the account with a first password the admin hands over. */
export function CreateUserForm() {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setPending(true);
    setError(null);
    setCreated(null);
    const result = await requestJson<{ user: { email: string } }>("/api/users", {
      body: {
        name: String(form.get("name") ?? ""),
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
        role: String(form.get("role") ?? "agent"),
      },
    });
    setPending(false);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    formElement.reset();
    setCreated(`${result.data.user.email} can now sign in with the password you chose.`);
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} aria-labelledby="create-user-heading" className="space-y-4">
      <h2 id="create-user-heading" className="text-base font-semibold">
        Add a user
      </h2>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {created ? <Alert tone="success">{created}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Name" name="name" required maxLength={100} autoComplete="off" />
        <Field label="Email" name="email" type="email" required autoComplete="off" />
        <Field
          label="First password"
          name="password"
          type="password"
          required
          minLength={8}
          maxLength={128}
          autoComplete="new-password"
          hint="At least 8 characters. Share it with them privately."
        />
        <div>
          <label htmlFor="new-user-role" className="block text-sm font-medium text-slate-800">
            Role
          </label>
          <select
            id="new-user-role"
            name="role"
            defaultValue="agent"
            className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm focus:border-emerald-600 focus:ring-2 focus:ring-emerald-600/70 focus:outline-none"
          >
            <option value="agent">Agent — works the inbox</option>
            <option value="admin">Admin — also manages settings and users</option>
          </select>
        </div>
      </div>
      <Button type="submit" loading={pending}>
        {pending ? "Adding…" : "Add user"}
      </Button>
    </form>
  );
}
