import type { Metadata } from "next";
import { inboxTitle } from "@/components/inbox/format";
import { InboxClient } from "@/components/inbox/inbox-client";
import { requireUser } from "@/lib/auth/session";
import { getInboxStart } from "@/lib/inbox/get-inbox-start";

type Props = { params: Promise<{ conversationId: string }> };

// The title carries the unread count from the first byte (see ../page.tsx).
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const user = await requireUser();
  const { unread } = await getInboxStart({ userId: user.id, conversationId: (await params).conversationId });
  return { title: inboxTitle(unread.unreadConversations) };
}

// A deep link to one conversation: the same island as /inbox, opened on it.
export default async function ConversationPage({ params }: Props) {
  const user = await requireUser();
  const { conversationId } = await params;
  return (
    <InboxClient
      start={await getInboxStart({ userId: user.id, conversationId })}
      user={{ id: user.id, name: user.name, role: user.role }}
      initialConversationId={conversationId}
      notice={null}
    />
  );
}
