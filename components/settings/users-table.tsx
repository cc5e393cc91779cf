"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { requestJson } from "@/components/ui/request-json";
import type { AccountUser } from "@/lib/accounts/account-user";

type RowAction = { userId: string; kind: "role" | "active" };

export function UsersTable({ users, currentUserId }: { users: AccountUser[]; currentUserId: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState<RowAction | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function run(action: RowAction, url: string, method: "POST" | "PATCH", body?: unknown) {
    setBusy(action);
    setError(null);
    const result = await requestJson(url, { method, body: body ?? {} });
    setBusy(null);
    if (!result.ok) setError(result.message);
    router.refresh();
  }

  return (
    <div className="space-y-3">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <caption className="sr-only">Users who can sign in</caption>
          <thead className="bg-slate-50 text-left text-xs font-medium tracking-wide text-slate-500 uppercase">
            <tr>
              <th scope="col" className="px-4 py-2">
                Name
              </th>
              <th scope="col" className="px-4 py-2">
                Role
              </th>
              <th scope="col" className="px-4 py-2">
                Status
              </th>
              <th scope="col" className="px-4 py-2">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {users.map((user) => {
              const self = user.id === currentUserId;
              const rowBusy = busy?.userId === user.id;
              return (
                <tr key={user.id} data-testid={`user-row-${user.email}`}>
                  <td className="px-4 py-3">
                    <div className="font-medium text-slate-900">
                      {user.name}
                      {self ? <span className="ml-1 text-xs font-normal text-slate-500">(you)</span> : null}
                    </div>
                    <div className="text-slate-500">{user.email}</div>
                  </td>
                  <td className="px-4 py-3">
                    <RoleCell
                      user={user}
                      busy={rowBusy}
                      saving={rowBusy && busy?.kind === "role"}
                      onSave={(role) =>
                        run({ userId: user.id, kind: "role" }, `/api/users/${user.id}/role`, "PATCH", { role })
                      }
                    />
                  </td>
                  <td className="px-4 py-3">
                    {user.active ? (
                      <span className="rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-800">
                        Active
                      </span>
                    ) : (
                      <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-600">
                        Deactivated
                      </span>
                    )}
                  </td>
                  <td className="px-4 py-3 text-right">
                    {self ? null : user.active ? (
                      <Button
                        variant="danger"
                        loading={rowBusy && busy?.kind === "active"}
                        disabled={rowBusy}
                        aria-label={`Deactivate ${user.name}`}
                        onClick={() =>
                          run({ userId: user.id, kind: "active" }, `/api/users/${user.id}/deactivate`, "POST")
                        }
                      >
                        Deactivate
                      </Button>
                    ) : (
                      <Button
                        variant="secondary"
                        loading={rowBusy && busy?.kind === "active"}
                        disabled={rowBusy}
                        aria-label={`Reactivate ${user.name}`}
                        onClick={() =>
                          run({ userId: user.id, kind: "active" }, `/api/users/${user.id}/reactivate`, "POST")
                        }
                      >
                        Reactivate
                      </Button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** A role is changed with an explicit Save, so browsing the options with the keyboard changes nothing. */
function RoleCell({
  user,
  busy,
  saving,
  onSave,
}: {
  user: AccountUser;
  busy: boolean;
  saving: boolean;
  onSave: (role: AccountUser["role"]) => void;
}) {
  const [role, setRole] = useState(user.role);
  // After a save (or a refused one) the list is refreshed; follow what the server says.
  const [shownFor, setShownFor] = useState(user.role);
  if (shownFor !== user.role) {
    setShownFor(user.role);
    setRole(user.role);
  }
  return (
    <div className="flex items-center gap-2">
      <label htmlFor={`role-${user.id}`} className="sr-only">
        Role of {user.name}
      </label>
      <select
        id={`role-${user.id}`}
        value={role}
        disabled={busy}
        onChange={(event) => setRole(event.target.value as AccountUser["role"])}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm focus:border-emerald-600 focus:ring-2 focus:ring-emerald-600/30 focus:outline-none disabled:opacity-60"
      >
        <option value="agent">Agent</option>
        <option value="admin">Admin</option>
      </select>
      {role !== user.role ? (
        <Button variant="secondary" loading={saving} disabled={busy} onClick={() => onSave(role)}>
          Save
        </Button>
      ) : null}
    </div>
  );
}
