import type { Metadata } from "next";
import { InboxClient } from "@/components/inbox/inbox-client";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Inbox · WhatsApp Inbox" };

type Props = { params: Promise<{ conversationId: string }> };

// A deep link to one conversation: the same island as /inbox, opened on it.
export default async function ConversationPage({ params }: Props) {
  const user = await requireUser();
  const { conversationId } = await params;
  return (
    <InboxClient
      user={{ id: user.id, name: user.name, role: user.role }}
      initialConversationId={conversationId}
      notice={null}
    />
  );
}
