// PATCH /api/settings/phone-numbers/[id]/auto-assignment — turn auto-assignment of a number on/off, set its cap (admin)
import { updateAutoAssignmentBodySchema } from "@/lib/assignment/schemas";
import { updateAutoAssignment } from "@/lib/assignment/update-auto-assignment";
import { idParamsSchema } from "@/lib/http/text";
import { withRoute } from "@/lib/http/with-route";

export const dynamic = "force-dynamic";

export const PATCH = withRoute(
  { role: "admin", params: idParamsSchema, body: updateAutoAssignmentBodySchema },
  async ({ body, user, params }) => ({
    autoAssignment: await updateAutoAssignment({ id: params.id, body, actor: user }),
  }),
);
