import "server-only";
import { getDb } from "@/lib/db/client";
import { getUserAvailability } from "@/lib/db/users";
import type { Availability } from "@/lib/views/assignment";

/** The signed-in user's availability for the header (away if the row vanished meanwhile). */
export async function getOwnAvailability({ userId }: { userId: string }): Promise<Availability> {
  return (await getUserAvailability({ db: getDb(), id: userId })) ?? "away";
}
