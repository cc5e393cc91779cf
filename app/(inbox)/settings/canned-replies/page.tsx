import type { Metadata } from "next";
import { CannedRepliesManager } from "@/components/settings/canned-replies-manager";
import { requireUser } from "@/lib/auth/session";
import { findCannedReplies } from "@/lib/canned/find-canned-replies";

export const metadata: Metadata = { title: "Canned replies · WhatsApp Inbox" };

// Open to agents too: they keep their own replies here; only admins edit the shared list.
export default async function CannedRepliesPage() {
  const user = await requireUser();
  const { cannedReplies } = await findCannedReplies({ user });
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold">Canned replies</h1>
        <p className="mt-1 text-sm text-slate-600">
          Type <kbd className="rounded border border-slate-300 bg-slate-50 px-1 font-mono text-xs">/</kbd> at the start
          of a reply to pick one; its variables are filled in and you can edit the text before sending.{" "}
          {user.role === "admin"
            ? "Shared replies are the team's; every agent can also keep their own."
            : "Shared replies are managed by admins; your own are yours alone."}
        </p>
      </div>
      <CannedRepliesManager initial={cannedReplies} isAdmin={user.role === "admin"} />
    </div>
  );
}
