// GET /api/conversations — the inbox list: filters, search, keyset pages; or exactly ?ids=a,b,c
// POST — start a conversation: a customer's number, one of our numbers and an approved template (201)
import { withRoute } from "@/lib/http/with-route";
import { findConversations } from "@/lib/inbox/find-conversations";
import { findConversationsQuerySchema, searchParamsOf } from "@/lib/inbox/schemas";
import { startConversationBodySchema } from "@/lib/outbound/schemas";
import { startConversation } from "@/lib/outbound/start-conversation";

export const dynamic = "force-dynamic";

export const GET = withRoute({ role: "agent" }, async ({ request, user }) =>
  findConversations({ userId: user.id, query: findConversationsQuerySchema.parse(searchParamsOf(request)) }),
);

export const POST = withRoute({ role: "agent", body: startConversationBodySchema }, async ({ body, user }) => {
  const { conversationId, message, created } = await startConversation({ author: user, body });
  return Response.json({ conversationId, message }, { status: created ? 201 : 200 });
});
