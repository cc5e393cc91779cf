// POST /api/conversations/[id]/labels — put a label on the conversation ({ labelId }; already there: unchanged)
import { idParamsSchema } from "@/lib/http/text";
import { withRoute } from "@/lib/http/with-route";
import { addConversationLabel } from "@/lib/labels/add-conversation-label";
import { addConversationLabelBodySchema } from "@/lib/labels/schemas";

export const dynamic = "force-dynamic";

export const POST = withRoute(
  { role: "agent", params: idParamsSchema, body: addConversationLabelBodySchema },
  async ({ params, body, user }) => ({
    conversation: await addConversationLabel({ conversationId: params.id, labelId: body.labelId, userId: user.id }),
  }),
);
