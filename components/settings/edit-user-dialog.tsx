"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field } from "@/components/ui/field";
import type { AccountUser } from "@/lib/views/accounts";
import type { UserAction } from "./users-table";

/** An admin corrects a name or an email (the email is what they sign in with). */
export function EditUserDialog({
  user,
  open,
  onClose,
  act,
}: {
  user: AccountUser;
  open: boolean;
  onClose: () => void;
  act: UserAction;
}) {
  const [name, setName] = useState(user.name);
  const [email, setEmail] = useState(user.email);
  const [error, setError] = useState<string | null>(null);
  const cancel = () => {
    setName(user.name);
    setEmail(user.email);
    setError(null);
    onClose();
  };
  return (
    <ConfirmDialog
      open={open}
      title={`Edit ${user.name}`}
      confirmLabel="Save"
      tone="primary"
      onCancel={cancel}
      onConfirm={async () => {
        const failure = await act(`/api/users/${user.id}`, "PATCH", { name, email });
        if (failure) setError(failure);
        else {
          setError(null);
          onClose();
        }
      }}
    >
      {error ? <Alert tone="error">{error}</Alert> : null}
      <Field label="Name" value={name} onChange={(event) => setName(event.target.value)} maxLength={100} />
      <Field
        label="Email"
        type="email"
        value={email}
        onChange={(event) => setEmail(event.target.value)}
        hint="They sign in with this address from now on."
      />
    </ConfirmDialog>
  );
}
