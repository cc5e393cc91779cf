"use client";

import { useId, useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { AccountUser } from "@/lib/views/accounts";
import type { DeactivateUserRequest } from "@/lib/views/accounts";

/**
 * Deactivation asks first, and says what happens to the person's open conversations: left
 * unassigned for anyone to pick up, or handed to a colleague.
 */
export function DeactivateUserDialog({
  user,
  candidates,
  open,
  onCancel,
  onConfirm,
}: {
  user: AccountUser;
  candidates: AccountUser[];
  open: boolean;
  onCancel: () => void;
  onConfirm: (body: DeactivateUserRequest) => void;
}) {
  const [handling, setHandling] = useState<"unassign" | "reassign">("unassign");
  const [reassignTo, setReassignTo] = useState(candidates[0]?.id ?? "");
  const name = useId();
  const count = user.openConversations;
  const canReassign = count > 0 && candidates.length > 0;
  return (
    <ConfirmDialog
      open={open}
      title={`Deactivate ${user.name}?`}
      confirmLabel="Deactivate"
      onCancel={onCancel}
      onConfirm={() =>
        onConfirm(
          canReassign && handling === "reassign"
            ? { conversations: "reassign", reassignTo }
            : { conversations: "unassign" },
        )
      }
    >
      <p>
        {user.name} is signed out everywhere at once and cannot sign in until an admin reactivates them. The audit log
        records it.
      </p>
      {count === 0 ? (
        <p>They have no open conversations.</p>
      ) : (
        <fieldset className="space-y-2">
          <legend className="font-medium text-slate-900">
            {count === 1
              ? "What happens to their 1 open conversation?"
              : `What happens to their ${count} open conversations?`}
          </legend>
          <label className="flex items-center gap-2">
            <input
              type="radio"
              name={name}
              checked={handling === "unassign"}
              onChange={() => setHandling("unassign")}
            />
            Leave unassigned, for anyone to pick up
          </label>
          {canReassign ? (
            <div className="flex flex-wrap items-center gap-2">
              <label className="flex items-center gap-2">
                <input
                  type="radio"
                  name={name}
                  checked={handling === "reassign"}
                  onChange={() => setHandling("reassign")}
                />
                Reassign to
              </label>
              <select
                aria-label="Reassign to"
                value={reassignTo}
                onChange={(event) => {
                  setReassignTo(event.target.value);
                  setHandling("reassign");
                }}
                className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
              >
                {candidates.map((candidate) => (
                  <option key={candidate.id} value={candidate.id}>
                    {candidate.name}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
        </fieldset>
      )}
    </ConfirmDialog>
  );
}
