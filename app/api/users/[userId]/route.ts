// PATCH /api/users/[userId] — admins edit a user's name and/or email
import { updateUserBodySchema } from "@/lib/accounts/schemas";
import { updateUserDetails } from "@/lib/accounts/update-user-details";
import { userIdParamsSchema } from "@/lib/http/text";
import { withRoute } from "@/lib/http/with-route";

export const dynamic = "force-dynamic";

export const PATCH = withRoute(
  { role: "admin", params: userIdParamsSchema, body: updateUserBodySchema },
  async ({ params, body, user, request }) => ({
    user: await updateUserDetails({ userId: params.userId, body, actor: user, headers: request.headers }),
  }),
);
