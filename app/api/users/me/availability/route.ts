// PATCH /api/users/me/availability — set oneself online (takes auto-assigned conversations) or away
import { updateAvailabilityBodySchema } from "@/lib/assignment/schemas";
import { updateOwnAvailability } from "@/lib/assignment/update-own-availability";
import { withRoute } from "@/lib/http/with-route";

export const dynamic = "force-dynamic";

export const PATCH = withRoute({ role: "agent", body: updateAvailabilityBodySchema }, async ({ user, body }) =>
  updateOwnAvailability({ user, body }),
);
