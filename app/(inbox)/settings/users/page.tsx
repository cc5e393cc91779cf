import type { Metadata } from "next";
import { CreateUserForm } from "@/components/settings/create-user-form";
import { UsersTable } from "@/components/settings/users-table";
import { Card } from "@/components/ui/card";
import { findUsers } from "@/lib/accounts/find-users";
import { requireAdmin } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Users · WhatsApp Inbox" };

export default async function UsersPage() {
  const admin = await requireAdmin();
  const users = await findUsers();
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-xl font-semibold">Users</h1>
        <p className="mt-1 text-sm text-slate-600">
          Agents work the inbox; admins also manage settings and users. Deactivating someone signs them out everywhere
          at once.
        </p>
      </div>
      <UsersTable users={users} currentUserId={admin.id} />
      <Card>
        <CreateUserForm />
      </Card>
    </div>
  );
}
