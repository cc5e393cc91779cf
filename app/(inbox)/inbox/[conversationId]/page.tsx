import type { Metadata } from "next";
import { inboxTitle } from "@/components/inbox/format";
import { InboxClient } from "@/components/inbox/inbox-client";
import { ThreadInPage } from "@/components/inbox/thread-in-page";
import { requireUser } from "@/lib/auth/session";
import { getInboxStart } from "@/lib/inbox/get-inbox-start";
import { getSandboxMode } from "@/lib/sandbox/sandbox-mode";
import { filtersFromSearch, searchParamsReader } from "@/lib/views/inbox";

type Props = {
  params: Promise<{ conversationId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// The title carries the unread count from the first byte (see ../page.tsx).
export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const user = await requireUser();
  const filters = filtersFromSearch(searchParamsReader(await searchParams));
  const { conversationId } = await params;
  const { unread } = await getInboxStart({ userId: user.id, conversationId, filters });
  return { title: inboxTitle(unread.unreadConversations) };
}

// A deep link to one conversation: the same island as /inbox, opened on it, with the thread's code
// brought by the page (ThreadInPage) so the thread is in the first HTML.
export default async function ConversationPage({ params, searchParams }: Props) {
  const user = await requireUser();
  const { conversationId } = await params;
  const filters = filtersFromSearch(searchParamsReader(await searchParams));
  return (
    <ThreadInPage>
      <InboxClient
        start={await getInboxStart({ userId: user.id, conversationId, filters })}
        user={{ id: user.id, name: user.name, role: user.role }}
        sandbox={(await getSandboxMode()).active}
        initialConversationId={conversationId}
        notice={null}
      />
    </ThreadInPage>
  );
}
