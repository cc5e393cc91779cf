// GET /api/conversations/[id]/messages — a page of the thread (oldest first), older pages by ?before=
// POST — an agent's reply: recorded and queued for sending (201), or the one this clientId made (200)
import { withRoute } from "@/lib/http/with-route";
import { findThreadMessages } from "@/lib/inbox/find-thread-messages";
import { findThreadMessagesQuerySchema, idParamsSchema, searchParamsOf } from "@/lib/inbox/schemas";
import { sendMessageBodySchema } from "@/lib/outbound/schemas";
import { sendMessage } from "@/lib/outbound/send-message";

export const dynamic = "force-dynamic";

export const GET = withRoute({ role: "agent", params: idParamsSchema }, async ({ params, request }) =>
  findThreadMessages({
    conversationId: params.id,
    query: findThreadMessagesQuerySchema.parse(searchParamsOf(request)),
  }),
);

export const POST = withRoute(
  { role: "agent", params: idParamsSchema, body: sendMessageBodySchema },
  async ({ params, body, user }) => {
    const { message, created } = await sendMessage({
      conversationId: params.id,
      author: user,
      body,
    });
    return Response.json({ message }, { status: created ? 201 : 200 });
  },
);
