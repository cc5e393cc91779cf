// PATCH /api/contact-attributes/[id] — rename an attribute or change a list's options (admins only)
// DELETE — delete it with every contact's value of it (admins only)
import { deleteContactAttribute } from "@/lib/contact-attributes/delete-contact-attribute";
import { updateContactAttributeBodySchema } from "@/lib/contact-attributes/schemas";
import { updateContactAttribute } from "@/lib/contact-attributes/update-contact-attribute";
import { idParamsSchema } from "@/lib/http/text";
import { withRoute } from "@/lib/http/with-route";

export const dynamic = "force-dynamic";

export const PATCH = withRoute(
  { role: "admin", params: idParamsSchema, body: updateContactAttributeBodySchema },
  async ({ params, body, user }) => ({ attribute: await updateContactAttribute({ user, id: params.id, body }) }),
);

export const DELETE = withRoute({ role: "admin", params: idParamsSchema }, async ({ params, user }) => {
  await deleteContactAttribute({ user, id: params.id });
  return new Response(null, { status: 204 });
});
