import type { Metadata } from "next";
import { inboxTitle } from "@/components/inbox/format";
import { InboxClient } from "@/components/inbox/inbox-client";
import { requireUser } from "@/lib/auth/session";
import { getInboxStart } from "@/lib/inbox/get-inbox-start";
import { getSandboxMode } from "@/lib/sandbox/sandbox-mode";
import { filtersFromSearch, searchParamsReader } from "@/lib/views/inbox";

// The title carries the unread count from the first byte; the inbox keeps it current afterwards
// (a static title here would be put back over the live one when Next streams the metadata).
export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const user = await requireUser();
  const filters = filtersFromSearch(searchParamsReader(await searchParams));
  const { unread } = await getInboxStart({ userId: user.id, conversationId: null, filters });
  return { title: inboxTitle(unread.unreadConversations) };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function InboxPage({ searchParams }: Props) {
  const user = await requireUser();
  const params = searchParamsReader(await searchParams);
  const filters = filtersFromSearch(params);
  return (
    <InboxClient
      start={await getInboxStart({ userId: user.id, conversationId: null, filters })}
      user={{ id: user.id, name: user.name, role: user.role }}
      sandbox={(await getSandboxMode()).active}
      initialConversationId={null}
      notice={params.get("denied") ? "That page is for admins. Ask an admin if you need access." : null}
    />
  );
}
