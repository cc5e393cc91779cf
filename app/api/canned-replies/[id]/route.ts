// PATCH /api/canned-replies/[id] — edit one (admins: shared ones; everyone: their own)
// DELETE — remove one (the same rule)
import { deleteCannedReply } from "@/lib/canned/delete-canned-reply";
import { updateCannedReplyBodySchema } from "@/lib/canned/schemas";
import { updateCannedReply } from "@/lib/canned/update-canned-reply";
import { idParamsSchema } from "@/lib/http/text";
import { withRoute } from "@/lib/http/with-route";

export const dynamic = "force-dynamic";

export const PATCH = withRoute(
  { role: "agent", params: idParamsSchema, body: updateCannedReplyBodySchema },
  async ({ params, body, user }) => ({ cannedReply: await updateCannedReply({ user, id: params.id, body }) }),
);

export const DELETE = withRoute({ role: "agent", params: idParamsSchema }, async ({ params, user }) => {
  await deleteCannedReply({ user, id: params.id });
  return new Response(null, { status: 204 });
});
