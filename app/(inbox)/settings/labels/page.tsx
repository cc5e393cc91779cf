import type { Metadata } from "next";
import { LabelsManager } from "@/components/settings/labels-manager";
import { requireAdmin } from "@/lib/auth/session";
import { findLabels } from "@/lib/labels/find-labels";
import { MAX_LABELS } from "@/lib/views/labels";

export const metadata: Metadata = { title: "Labels · WhatsApp Inbox" };

export default async function LabelsPage() {
  await requireAdmin();
  const { labels } = await findLabels();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold">Labels</h1>
        <p className="mt-1 text-sm text-slate-600">
          Sort conversations by topic. Agents put labels on a conversation (
          <kbd className="rounded border border-slate-300 bg-slate-50 px-1 font-mono text-xs">l</kbd> in the thread) and
          filter the inbox by them. Up to {MAX_LABELS} labels; names are unique whatever their case.
        </p>
      </div>
      <LabelsManager initial={labels} />
    </div>
  );
}
