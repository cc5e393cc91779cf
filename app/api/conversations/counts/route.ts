// GET /api/conversations/counts — how many conversations each list tab holds (?phoneNumberId= for one
// number, ?labels=a,b for those carrying every one of these labels, as the list filters them)
import { withRoute } from "@/lib/http/with-route";
import { getConversationCounts } from "@/lib/inbox/get-conversation-counts";
import { conversationCountsQuerySchema, searchParamsOf } from "@/lib/inbox/schemas";

export const dynamic = "force-dynamic";

export const GET = withRoute({ role: "agent" }, async ({ request, user }) => {
  const { phoneNumberId, labels } = conversationCountsQuerySchema.parse(searchParamsOf(request));
  return getConversationCounts({ userId: user.id, phoneNumberId, labelIds: labels });
});
