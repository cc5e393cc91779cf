import type { Metadata } from "next";
import Link from "next/link";
import { StatusOverview } from "@/components/status/status-overview";
import { Card } from "@/components/ui/card";
import { getIngestionOverview } from "@/lib/inbox/get-ingestion-overview";
import { requireAdmin } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Settings · WhatsApp Inbox" };

export default async function SettingsPage() {
  await requireAdmin();
  const overview = await getIngestionOverview();
  return (
    <div className="space-y-8">
      <h1 className="text-xl font-semibold">Settings</h1>
      <Card>
        <h2 className="text-base font-semibold">WhatsApp connection</h2>
        <p className="mt-1 text-sm text-slate-600">
          Callback URL, verify token, App Secret, access token, phone numbers, and a connection test.
        </p>
        <Link
          href="/settings/whatsapp"
          className="mt-3 inline-block text-sm font-medium text-emerald-800 underline-offset-2 hover:underline"
        >
          Configure WhatsApp →
        </Link>
      </Card>
      <Card>
        <h2 className="text-base font-semibold">Users</h2>
        <p className="mt-1 text-sm text-slate-600">Add agents, change roles and deactivate accounts.</p>
        <Link
          href="/settings/users"
          className="mt-3 inline-block text-sm font-medium text-emerald-800 underline-offset-2 hover:underline"
        >
          Manage users →
        </Link>
      </Card>
      <StatusOverview overview={overview} />
    </div>
  );
}
