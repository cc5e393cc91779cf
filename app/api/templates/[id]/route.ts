// PATCH /api/templates/[id] — enable or disable a template for the inbox (admin)
import { withRoute } from "@/lib/http/with-route";
import { templateIdParamsSchema, updateTemplateBodySchema } from "@/lib/templates/schemas";
import { updateTemplateUsable } from "@/lib/templates/update-template-usable";

export const dynamic = "force-dynamic";

export const PATCH = withRoute(
  { role: "admin", params: templateIdParamsSchema, body: updateTemplateBodySchema },
  async ({ params, body, user }) => ({
    template: await updateTemplateUsable({ id: params.id, agentUsable: body.agentUsable, actor: user }),
  }),
);
