// PATCH /api/users/[userId]/role — admins change a user's role (the last active admin stays)
import { updateUserRoleBodySchema } from "@/lib/accounts/schemas";
import { updateUserRole } from "@/lib/accounts/update-user-role";
import { withRoute } from "@/lib/http/with-route";

export const dynamic = "force-dynamic";

export const PATCH = withRoute<"admin", typeof updateUserRoleBodySchema, { userId: string }>(
  { role: "admin", body: updateUserRoleBodySchema },
  async ({ body, params, request }) => ({
    user: await updateUserRole({ userId: params.userId, role: body.role, headers: request.headers }),
  }),
);
