import type { Metadata } from "next";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Inbox · WhatsApp Inbox" };

type Props = { searchParams: Promise<{ denied?: string }> };

export default async function InboxPage({ searchParams }: Props) {
  const user = await requireUser();
  const { denied } = await searchParams;
  return (
    <div className="space-y-6">
      {denied ? <Alert tone="info">That page is for admins. Ask an admin if you need access.</Alert> : null}
      <h1 className="text-xl font-semibold">Inbox</h1>
      <EmptyState
        title="Inbox coming next"
        icon={
          <svg
            aria-hidden="true"
            viewBox="0 0 24 24"
            className="size-10"
            fill="none"
            stroke="currentColor"
            strokeWidth={1.5}
          >
            <path d="M3 13h4l2 3h6l2-3h4M5 5h14l2 8v6H3v-6l2-8z" strokeLinejoin="round" />
          </svg>
        }
      >
        <p>
          Hi {user.name.split(" ")[0]} — conversations from your WhatsApp numbers will appear here. Messages are already
          being received and stored.
        </p>
      </EmptyState>
    </div>
  );
}
