// PATCH /api/labels/[id] — rename or recolour a label (admins only)
// DELETE — delete it, taking it off every conversation (admins only)
import { idParamsSchema } from "@/lib/http/text";
import { withRoute } from "@/lib/http/with-route";
import { deleteLabel } from "@/lib/labels/delete-label";
import { updateLabelBodySchema } from "@/lib/labels/schemas";
import { updateLabel } from "@/lib/labels/update-label";

export const dynamic = "force-dynamic";

export const PATCH = withRoute(
  { role: "admin", params: idParamsSchema, body: updateLabelBodySchema },
  async ({ params, body, user }) => ({ label: await updateLabel({ user, id: params.id, body }) }),
);

export const DELETE = withRoute({ role: "admin", params: idParamsSchema }, async ({ params, user }) => {
  await deleteLabel({ user, id: params.id });
  return new Response(null, { status: 204 });
});
