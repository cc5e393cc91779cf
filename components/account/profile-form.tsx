"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { requestJson } from "@/lib/queries/request-json";

/** One's own display name: what colleagues see in assignments and "also viewing". */
export function ProfileForm({ name }: { name: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [notice, setNotice] = useState<{ tone: "error" | "success"; text: string } | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setNotice(null);
    const result = await requestJson("/api/users/me", { method: "PATCH", body: { name: String(form.get("name")) } });
    setPending(false);
    setNotice(result.ok ? { tone: "success", text: "Name saved." } : { tone: "error", text: result.message });
    if (result.ok) router.refresh();
  }

  return (
    <form onSubmit={onSubmit} aria-labelledby="profile-name-heading" className="space-y-4">
      <h2 id="profile-name-heading" className="text-base font-semibold">
        Name
      </h2>
      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      <Field label="Your name" name="name" defaultValue={name} required maxLength={100} autoComplete="name" />
      <Button type="submit" loading={pending}>
        Save name
      </Button>
    </form>
  );
}
