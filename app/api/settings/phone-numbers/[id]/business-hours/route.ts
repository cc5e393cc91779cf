// GET, PATCH /api/settings/phone-numbers/[id]/business-hours — a number's schedule, away message and greeting (admin)
import { getBusinessHours } from "@/lib/hours/get-business-hours";
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
