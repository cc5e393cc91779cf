import type { Metadata } from "next";
import { InboxClient } from "@/components/inbox/inbox-client";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Inbox · WhatsApp Inbox" };

type Props = { searchParams: Promise<{ denied?: string }> };

export default async function InboxPage({ searchParams }: Props) {
  const user = await requireUser();
  const { denied } = await searchParams;
  return (
    <InboxClient
      user={{ id: user.id, name: user.name, role: user.role }}
      initialConversationId={null}
      notice={denied ? "That page is for admins. Ask an admin if you need access." : null}
    />
  );
}
