// PATCH /api/settings/phone-numbers/[id] — name one of our numbers (by its row id) and set its WABA id (admin)
import { withRoute } from "@/lib/http/with-route";
import { updatePhoneNumberBodySchema } from "@/lib/settings/schemas";
import { updatePhoneNumberSettings } from "@/lib/settings/update-phone-number-settings";

export const dynamic = "force-dynamic";

export const PATCH = withRoute<"admin", typeof updatePhoneNumberBodySchema, { id: string }>(
  { role: "admin", body: updatePhoneNumberBodySchema },
  async ({ body, user, params }) => ({
    phoneNumber: await updatePhoneNumberSettings({ id: params.id, body, actor: user }),
  }),
);
