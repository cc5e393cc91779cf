// PATCH /api/settings/phone-numbers/[id] — name one of our numbers (by its row id) and set its WABA id (admin)
import { idParamsSchema } from "@/lib/http/text";
import { withRoute } from "@/lib/http/with-route";
import { updatePhoneNumberBodySchema } from "@/lib/settings/schemas";
import { updatePhoneNumberSettings } from "@/lib/settings/update-phone-number-settings";

export const dynamic = "force-dynamic";

export const PATCH = withRoute(
  { role: "admin", params: idParamsSchema, body: updatePhoneNumberBodySchema },
  async ({ body, user, params }) => ({
    phoneNumber: await updatePhoneNumberSettings({ id: params.id, body, actor: user }),
  }),
);
