// GET /api/canned-replies[?conversationId=] — shared canned replies and the signed-in user's own (filled in for a conversation)
// POST — a new one: shared (admins only) or personal
import { createCannedReply } from "@/lib/canned/create-canned-reply";
import { findCannedReplies } from "@/lib/canned/find-canned-replies";
import { createCannedReplyBodySchema, findCannedRepliesQuerySchema } from "@/lib/canned/schemas";
import { withRoute } from "@/lib/http/with-route";
import { searchParamsOf } from "@/lib/inbox/schemas";

export const dynamic = "force-dynamic";

export const GET = withRoute({ role: "agent" }, async ({ request, user }) => {
  const { conversationId } = findCannedRepliesQuerySchema.parse(searchParamsOf(request));
  return findCannedReplies({ user, conversationId });
});

export const POST = withRoute({ role: "agent", body: createCannedReplyBodySchema }, async ({ body, user }) =>
  Response.json({ cannedReply: await createCannedReply({ user, body }) }, { status: 201 }),
);
