import type { Metadata } from "next";
import Link from "next/link";
import { StatusOverview } from "@/components/status/status-overview";
import { Card } from "@/components/ui/card";
import { getIngestionOverview } from "@/lib/ingest/get-ingestion-overview";
import { requireAdmin } from "@/lib/auth/session";
import { getSandboxMode } from "@/lib/sandbox/sandbox-mode";

export const metadata: Metadata = { title: "Settings · WhatsApp Inbox" };

export default async function SettingsPage() {
  await requireAdmin();
  const [overview, sandbox] = await Promise.all([getIngestionOverview(), getSandboxMode()]);
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
        <h2 className="text-base font-semibold">Templates</h2>
        <p className="mt-1 text-sm text-slate-600">
          Message templates synced from Meta, their status and quality, and which ones agents may send.
        </p>
        <Link
          href="/settings/templates"
          className="mt-3 inline-block text-sm font-medium text-emerald-800 underline-offset-2 hover:underline"
        >
          Manage templates →
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
      <Card>
        <h2 className="text-base font-semibold">Canned replies</h2>
        <p className="mt-1 text-sm text-slate-600">
          The team&apos;s prepared answers, inserted with / in the composer, with the customer&apos;s name filled in.
        </p>
        <Link
          href="/settings/canned-replies"
          className="mt-3 inline-block text-sm font-medium text-emerald-800 underline-offset-2 hover:underline"
        >
          Manage canned replies →
        </Link>
      </Card>
      <Card>
        <h2 className="text-base font-semibold">Labels</h2>
        <p className="mt-1 text-sm text-slate-600">
          Labels agents put on conversations to sort them by topic and filter the inbox.
        </p>
        <Link
          href="/settings/labels"
          className="mt-3 inline-block text-sm font-medium text-emerald-800 underline-offset-2 hover:underline"
        >
          Manage labels →
        </Link>
      </Card>
      <Card>
        <h2 className="text-base font-semibold">Contact attributes</h2>
        <p className="mt-1 text-sm text-slate-600">
          Fields such as an order number or VIP that agents fill in on each customer&apos;s contact panel.
        </p>
        <Link
          href="/settings/contact-attributes"
          className="mt-3 inline-block text-sm font-medium text-emerald-800 underline-offset-2 hover:underline"
        >
          Manage contact attributes →
        </Link>
      </Card>
      <Card>
        <h2 className="text-base font-semibold">Webhook health</h2>
        <p className="mt-1 text-sm text-slate-600">
          What Meta delivered, what was refused, and failed events to retry.
        </p>
        <Link
          href="/settings/health"
          className="mt-3 inline-block text-sm font-medium text-emerald-800 underline-offset-2 hover:underline"
        >
          Open webhook health →
        </Link>
      </Card>
      <Card>
        <h2 className="text-base font-semibold">Audit log</h2>
        <p className="mt-1 text-sm text-slate-600">
          Every administrative act: users created, edited, deactivated, passwords reset, settings changed.
        </p>
        <Link
          href="/settings/audit-log"
          className="mt-3 inline-block text-sm font-medium text-emerald-800 underline-offset-2 hover:underline"
        >
          Open the audit log →
        </Link>
      </Card>
      {sandbox.available ? (
        // With real credentials under SANDBOX=on the header has no Simulator link: this is the way there.
        <Card>
          <h2 className="text-base font-semibold">Customer simulator</h2>
          <p className="mt-1 text-sm text-slate-600">
            Simulated customers&apos; phones: write to the inbox as a customer would, and see what agents send.
          </p>
          <Link
            href="/sandbox"
            className="mt-3 inline-block text-sm font-medium text-emerald-800 underline-offset-2 hover:underline"
          >
            Open the simulator →
          </Link>
        </Card>
      ) : null}
      <StatusOverview overview={overview} />
    </div>
  );
}
