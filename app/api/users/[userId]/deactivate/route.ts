// POST /api/users/[userId]/deactivate — admins deactivate a user; their sessions end at once and their
// open conversations are unassigned or reassigned ({ conversations: "unassign" | "reassign", reassignTo })
import { deactivateUser } from "@/lib/accounts/deactivate-user";
import { deactivateUserBodySchema } from "@/lib/accounts/schemas";
import { userIdParamsSchema } from "@/lib/http/text";
import { withRoute } from "@/lib/http/with-route";

export const dynamic = "force-dynamic";

export const POST = withRoute(
  { role: "admin", params: userIdParamsSchema, body: deactivateUserBodySchema },
  async ({ params, user, request, body }) => ({
    user: await deactivateUser({ userId: params.userId, actor: user, headers: request.headers, body }),
  }),
);
