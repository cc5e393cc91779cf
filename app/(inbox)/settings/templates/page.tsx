import type { Metadata } from "next";
import { TemplatesSettings } from "@/components/settings/templates/templates-settings";
import { requireAdmin } from "@/lib/auth/session";
import { findTemplates } from "@/lib/templates/find-templates";

export const metadata: Metadata = { title: "Templates · WhatsApp Inbox" };

export default async function TemplatesPage() {
  await requireAdmin();
  const initial = await findTemplates({ role: "admin" });
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold">Templates</h1>
        <p className="mt-1 text-sm text-slate-600">
          Message templates of every WhatsApp Business Account your numbers belong to, as Meta has them. Only approved
          templates can be sent, and only those you enable here are offered in the inbox (none until you enable them).
        </p>
      </div>
      <TemplatesSettings initial={initial} />
    </div>
  );
}
