// PUT /api/contacts/[id]/attributes/[attributeId] — set a customer's value of an attribute ("" or null removes it)
import { contactAttributeParamsSchema, setContactAttributeValueBodySchema } from "@/lib/contact-attributes/schemas";
import { setContactAttributeValue } from "@/lib/contact-attributes/set-contact-attribute-value";
import { withRoute } from "@/lib/http/with-route";

export const dynamic = "force-dynamic";

export const PUT = withRoute(
  { role: "agent", params: contactAttributeParamsSchema, body: setContactAttributeValueBodySchema },
  async ({ params, body }) => ({
    contact: await setContactAttributeValue({ contactId: params.id, attributeId: params.attributeId, body }),
  }),
);
