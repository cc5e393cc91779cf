// GET /api/labels — every label, by name, with how many conversations carry it
// POST — a new label (admins only)
import { withRoute } from "@/lib/http/with-route";
import { createLabel } from "@/lib/labels/create-label";
import { findLabels } from "@/lib/labels/find-labels";
import { createLabelBodySchema } from "@/lib/labels/schemas";

export const dynamic = "force-dynamic";

export const GET = withRoute({ role: "agent" }, async () => findLabels());

export const POST = withRoute({ role: "admin", body: createLabelBodySchema }, async ({ body, user }) =>
  Response.json({ label: await createLabel({ user, body }) }, { status: 201 }),
);
