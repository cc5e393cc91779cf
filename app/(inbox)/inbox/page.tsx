import type { Metadata } from "next";
import { inboxTitle } from "@/components/inbox/format";
import { InboxClient } from "@/components/inbox/inbox-client";
import { requireUser } from "@/lib/auth/session";
import { getInboxStart } from "@/lib/inbox/get-inbox-start";

// The title carries the unread count from the first byte; the inbox keeps it current afterwards
// (a static title here would be put back over the live one when Next streams the metadata).
export async function generateMetadata(): Promise<Metadata> {
  const user = await requireUser();
  const { unread } = await getInboxStart({ userId: user.id, conversationId: null });
  return { title: inboxTitle(unread.unreadConversations) };
}

type Props = { searchParams: Promise<{ denied?: string }> };

export default async function InboxPage({ searchParams }: Props) {
  const user = await requireUser();
  const { denied } = await searchParams;
  return (
    <InboxClient
      start={await getInboxStart({ userId: user.id, conversationId: null })}
      user={{ id: user.id, name: user.name, role: user.role }}
      initialConversationId={null}
      notice={denied ? "That page is for admins. Ask an admin if you need access." : null}
    />
  );
}
