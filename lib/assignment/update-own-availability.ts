import "server-only";
import type { CurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { updateUserAvailability } from "@/lib/db/users";
import { AppError } from "@/lib/http/app-error";
import { emptyInboxChanges } from "@/lib/realtime/changes";
import { publishRealtime } from "@/lib/realtime/server";
import type { Availability } from "@/lib/views/assignment";
import type { UpdateAvailabilityBody } from "./schemas";

/**
 * A user says they are online (auto-assignment may hand them new conversations) or away (it
 * skips them; what they have stays theirs). Colleagues' inboxes show it at once.
 */
export async function updateOwnAvailability({
  user,
  body,
}: {
  user: CurrentUser;
  body: UpdateAvailabilityBody;
}): Promise<{ availability: Availability }> {
  const updated = await updateUserAvailability({ db: getDb(), id: user.id, availability: body.availability });
  if (!updated) {
    throw new AppError("not_found", { message: `user ${user.id} not found`, userMessage: "Your account is gone." });
  }
  await publishRealtime({
    ...emptyInboxChanges(),
    availabilityChanged: [{ userId: user.id, availability: updated.availability }],
  });
  return { availability: updated.availability };
}
