import "server-only";
import { findBusinessHours } from "@/lib/db/business-hours";
import { getDb } from "@/lib/db/client";
import type { BusinessHoursView } from "@/lib/views/business-hours";
import { toBusinessHoursView } from "./business-hours-view";

/** Every number's hours for the settings page (the defaults for a number without any), by number id. */
export async function findBusinessHoursSettings({
  phoneNumberIds,
}: {
  phoneNumberIds: string[];
}): Promise<Record<string, BusinessHoursView>> {
  const rows = new Map((await findBusinessHours({ db: getDb() })).map((row) => [row.phoneNumberId, row]));
  return Object.fromEntries(phoneNumberIds.map((id) => [id, toBusinessHoursView(id, rows.get(id) ?? null)]));
}
