// GET, PATCH, DELETE /api/settings/phone-numbers/[id]/business-hours — a number's schedule, away
// message and greeting (admin); DELETE removes them (open at all hours, no automatic messages)
import { getBusinessHours } from "@/lib/hours/get-business-hours";
import { removeBusinessHours } from "@/lib/hours/remove-business-hours";
import { updateBusinessHoursBodySchema } from "@/lib/hours/schemas";
import { updateBusinessHours } from "@/lib/hours/update-business-hours";
import { idParamsSchema } from "@/lib/http/text";
import { withRoute } from "@/lib/http/with-route";

export const dynamic = "force-dynamic";

export const GET = withRoute({ role: "admin", params: idParamsSchema }, async ({ params }) => ({
  businessHours: await getBusinessHours({ phoneNumberId: params.id }),
}));

export const PATCH = withRoute(
  { role: "admin", params: idParamsSchema, body: updateBusinessHoursBodySchema, maxBodyBytes: 64 * 1024 },
  async ({ params, body, user }) => ({
    businessHours: await updateBusinessHours({ user, phoneNumberId: params.id, body }),
  }),
);

export const DELETE = withRoute({ role: "admin", params: idParamsSchema }, async ({ params, user }) => ({
  businessHours: await removeBusinessHours({ user, phoneNumberId: params.id }),
}));
