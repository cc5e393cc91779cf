// GET /api/contacts/[id] — the contact panel: who the customer is and all their conversations
// PATCH — the team's name for the customer and/or its notes about them
import { getContactPanel } from "@/lib/contacts/get-contact-panel";
import { updateContactBodySchema } from "@/lib/contacts/schemas";
import { updateContact } from "@/lib/contacts/update-contact";
import { idParamsSchema } from "@/lib/http/text";
import { withRoute } from "@/lib/http/with-route";

export const dynamic = "force-dynamic";

export const GET = withRoute({ role: "agent", params: idParamsSchema }, async ({ params }) => ({
  contact: await getContactPanel({ id: params.id }),
}));

export const PATCH = withRoute(
  { role: "agent", params: idParamsSchema, body: updateContactBodySchema },
  async ({ params, body }) => ({ contact: await updateContact({ id: params.id, body }) }),
);
