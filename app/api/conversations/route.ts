// GET /api/conversations — the inbox list: filters, search, keyset pages; or exactly ?ids=a,b,c
import { withRoute } from "@/lib/http/with-route";
import { findConversations } from "@/lib/inbox/find-conversations";
import { findConversationsQuerySchema, searchParamsOf } from "@/lib/inbox/schemas";

export const dynamic = "force-dynamic";

export const GET = withRoute({ role: "agent" }, async ({ request, user }) =>
  findConversations({ userId: user.id, query: findConversationsQuerySchema.parse(searchParamsOf(request)) }),
);
