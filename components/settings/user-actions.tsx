"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { AccountUser } from "@/lib/views/accounts";
import { DeactivateUserDialog } from "./deactivate-user-dialog";
import { EditUserDialog } from "./edit-user-dialog";
import { ResetLinkAction } from "./reset-link-action";
import type { UserAction } from "./users-table";

/** Edit, reset password, deactivate or reactivate: each asks first, in a dialog of its own. */
export function UserActions({
  user,
  self,
  users,
  act,
}: {
  user: AccountUser;
  self: boolean;
  users: AccountUser[];
  act: UserAction;
}) {
  const [dialog, setDialog] = useState<"edit" | "deactivate" | null>(null);
  const [busy, setBusy] = useState(false);
  const close = () => setDialog(null);
  return (
    <div className="flex flex-wrap items-start gap-2 sm:justify-end">
      <Button variant="secondary" aria-label={`Edit ${user.name}`} onClick={() => setDialog("edit")}>
        Edit
      </Button>
      {self ? null : user.active ? (
        <>
          <ResetLinkAction user={user} />
          <Button
            variant="danger"
            loading={busy}
            aria-label={`Deactivate ${user.name}`}
            onClick={() => setDialog("deactivate")}
          >
            Deactivate
          </Button>
        </>
      ) : (
        <Button
          variant="secondary"
          loading={busy}
          aria-label={`Reactivate ${user.name}`}
          onClick={async () => {
            setBusy(true);
            await act(`/api/users/${user.id}/reactivate`, "POST");
            setBusy(false);
          }}
        >
          Reactivate
        </Button>
      )}
      <EditUserDialog user={user} open={dialog === "edit"} onClose={close} act={act} />
      {user.active && !self ? (
        <DeactivateUserDialog
          user={user}
          candidates={users.filter((candidate) => candidate.active && candidate.id !== user.id)}
          open={dialog === "deactivate"}
          onCancel={close}
          onConfirm={async (body) => {
            close();
            setBusy(true);
            await act(`/api/users/${user.id}/deactivate`, "POST", body);
            setBusy(false);
          }}
        />
      ) : null}
    </div>
  );
}
