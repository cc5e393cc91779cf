// DELETE /api/conversations/[id]/labels/[labelId] — take a label off the conversation
import { withRoute } from "@/lib/http/with-route";
import { removeConversationLabel } from "@/lib/labels/remove-conversation-label";
import { conversationLabelParamsSchema } from "@/lib/labels/schemas";

export const dynamic = "force-dynamic";

export const DELETE = withRoute({ role: "agent", params: conversationLabelParamsSchema }, async ({ params, user }) => ({
  conversation: await removeConversationLabel({ conversationId: params.id, labelId: params.labelId, userId: user.id }),
}));
