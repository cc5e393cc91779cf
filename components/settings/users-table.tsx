"use client";

import { availabilityLabels } from "@/lib/views/assignment";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { requestJson } from "@/lib/queries/request-json";
import type { AccountUser } from "@/lib/views/accounts";
import { UserActions } from "./user-actions";

export type UserAction = (url: string, method: "POST" | "PATCH", body?: unknown) => Promise<string | null>;

/**
 * The users as an ARIA table of rows that reflow: one line per user on a wide screen, a stacked card
 * per user on a phone — nothing to scroll sideways, every action in reach.
 */
export function UsersTable({ users, currentUserId }: { users: AccountUser[]; currentUserId: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const activeAdmins = users.filter((user) => user.role === "admin" && user.active).length;

  // Runs one change; answers the server's message on failure (the list shows it too).
  const act: UserAction = async (url, method, body) => {
    setError(null);
    const result = await requestJson(url, { method, body: body ?? {} });
    router.refresh();
    if (result.ok) return null;
    setError(result.message);
    return result.message;
  };

  return (
    <div className="space-y-3">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <div role="table" aria-label="Users who can sign in" className="rounded-lg border border-slate-200 bg-white">
        <div role="rowgroup" className="hidden border-b border-slate-200 bg-slate-50 sm:block">
          <div
            role="row"
            className="grid grid-cols-[minmax(0,2fr)_minmax(0,1.4fr)_6.5rem_minmax(0,2fr)] gap-4 px-4 py-2 text-left text-xs font-medium tracking-wide text-slate-500 uppercase"
          >
            <span role="columnheader">Name</span>
            <span role="columnheader">Role</span>
            <span role="columnheader">Status</span>
            <span role="columnheader">
              <span className="sr-only">Actions</span>
            </span>
          </div>
        </div>
        <div role="rowgroup" className="divide-y divide-slate-100">
          {users.map((user) => {
            const self = user.id === currentUserId;
            const lastAdmin = user.role === "admin" && user.active && activeAdmins === 1;
            return (
              <div
                key={user.id}
                role="row"
                data-testid={`user-row-${user.email}`}
                className="grid grid-cols-[minmax(0,1fr)_auto] gap-x-4 gap-y-3 px-4 py-3 text-sm sm:grid-cols-[minmax(0,2fr)_minmax(0,1.4fr)_6.5rem_minmax(0,2fr)] sm:items-center"
              >
                <div role="cell" className="min-w-0">
                  <div className="font-medium break-words text-slate-900">
                    {user.name}
                    {self ? <span className="ml-1 text-xs font-normal text-slate-500">(you)</span> : null}
                  </div>
                  <div className="break-all text-slate-500">{user.email}</div>
                </div>
                <div role="cell" className="col-span-2 row-start-2 sm:col-span-1 sm:row-start-auto">
                  <RoleCell user={user} lastAdmin={lastAdmin} act={act} />
                </div>
                <div role="cell" className="col-start-2 row-start-1 sm:col-start-auto sm:row-start-auto">
                  {user.active ? (
                    <span className="flex flex-col items-start gap-1">
                      <span className="rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-800">
                        Active
                      </span>
                      <span className="text-xs text-slate-600" data-testid="user-availability">
                        {availabilityLabels[user.availability]}
                      </span>
                    </span>
                  ) : (
                    <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-600">
                      Deactivated
                    </span>
                  )}
                </div>
                <div role="cell" className="col-span-2 sm:col-span-1">
                  <UserActions user={user} self={self} users={users} act={act} />
                </div>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

/**
 * A role is changed with an explicit Save, so browsing the options with the keyboard changes nothing.
 * The last active admin's select is disabled with the reason beside it, instead of failing on Save.
 */
function RoleCell({ user, lastAdmin, act }: { user: AccountUser; lastAdmin: boolean; act: UserAction }) {
  const [role, setRole] = useState(user.role);
  const [saving, setSaving] = useState(false);
  // After a save (or a refused one) the list is refreshed; follow what the server says.
  const [shownFor, setShownFor] = useState(user.role);
  if (shownFor !== user.role) {
    setShownFor(user.role);
    setRole(user.role);
  }
  const reasonId = `role-reason-${user.id}`;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <label htmlFor={`role-${user.id}`} className="sr-only">
        Role of {user.name}
      </label>
      <select
        id={`role-${user.id}`}
        value={role}
        disabled={saving || lastAdmin}
        aria-describedby={lastAdmin ? reasonId : undefined}
        onChange={(event) => setRole(event.target.value as AccountUser["role"])}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm focus:border-emerald-600 focus:ring-2 focus:ring-emerald-600/70 focus:outline-none disabled:opacity-60"
      >
        <option value="agent">Agent</option>
        <option value="admin">Admin</option>
      </select>
      {lastAdmin ? (
        <span id={reasonId} className="text-xs text-slate-500">
          The only active admin: make someone else an admin first.
        </span>
      ) : null}
      {role !== user.role ? (
        <Button
          variant="secondary"
          loading={saving}
          onClick={async () => {
            setSaving(true);
            await act(`/api/users/${user.id}/role`, "PATCH", { role });
            setSaving(false);
          }}
        >
          Save
        </Button>
      ) : null}
    </div>
  );
}
