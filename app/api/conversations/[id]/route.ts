// GET/PATCH /api/conversations/[id] — one conversation; change its state or assignee
import { withRoute } from "@/lib/http/with-route";
import { getConversationOrThrow } from "@/lib/inbox/get-conversation-or-throw";
import { idParamsSchema, updateConversationBodySchema } from "@/lib/inbox/schemas";
import { updateConversation } from "@/lib/inbox/update-conversation";

export const dynamic = "force-dynamic";

export const GET = withRoute({ role: "agent", params: idParamsSchema }, async ({ params, user }) => ({
  conversation: await getConversationOrThrow({ id: params.id, userId: user.id }),
}));

export const PATCH = withRoute(
  { role: "agent", params: idParamsSchema, body: updateConversationBodySchema },
  async ({ params, user, body }) => ({
    conversation: await updateConversation({ id: params.id, actor: user, body }),
  }),
);
