// GET /api/contact-attributes — every contact attribute, by name, with how many contacts have a value
// POST — a new attribute (admins only)
import { createContactAttribute } from "@/lib/contact-attributes/create-contact-attribute";
import { findContactAttributes } from "@/lib/contact-attributes/find-contact-attributes";
import { createContactAttributeBodySchema } from "@/lib/contact-attributes/schemas";
import { withRoute } from "@/lib/http/with-route";

export const dynamic = "force-dynamic";

export const GET = withRoute({ role: "agent" }, async () => findContactAttributes());

export const POST = withRoute({ role: "admin", body: createContactAttributeBodySchema }, async ({ body, user }) =>
  Response.json({ attribute: await createContactAttribute({ user, body }) }, { status: 201 }),
);
