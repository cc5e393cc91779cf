// PATCH /api/users/[userId]/role — admins change a user's role (the last active admin stays)
import { updateUserRoleBodySchema } from "@/lib/accounts/schemas";
import { updateUserRole } from "@/lib/accounts/update-user-role";
import { userIdParamsSchema } from "@/lib/http/text";
import { withRoute } from "@/lib/http/with-route";

export const dynamic = "force-dynamic";

export const PATCH = withRoute(
  { role: "admin", params: userIdParamsSchema, body: updateUserRoleBodySchema },
  async ({ body, params, request, user }) => ({
    user: await updateUserRole({ userId: params.userId, role: body.role, actor: user, headers: request.headers }),
  }),
);
