// GET/PATCH /api/conversations/[id] — one conversation; change its state or assignee
import { withRoute } from "@/lib/http/with-route";
import { getConversationOrThrow } from "@/lib/inbox/get-conversation-or-throw";
import { idParamsSchema, updateConversationBodySchema } from "@/lib/inbox/schemas";
import { updateConversation } from "@/lib/inbox/update-conversation";

export const dynamic = "force-dynamic";

export const GET = withRoute<"agent", undefined, { id: string }>({ role: "agent" }, async ({ params, user }) => ({
  conversation: await getConversationOrThrow({ id: idParamsSchema.parse(params).id, userId: user.id }),
}));

export const PATCH = withRoute<"agent", typeof updateConversationBodySchema, { id: string }>(
  { role: "agent", body: updateConversationBodySchema },
  async ({ params, user, body }) => ({
    conversation: await updateConversation({ id: idParamsSchema.parse(params).id, userId: user.id, body }),
  }),
);
