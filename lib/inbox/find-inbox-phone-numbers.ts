import "server-only";
import { getDb } from "@/lib/db/client";
import { findPhoneNumbers } from "@/lib/db/phone-numbers";
import type { PhoneNumberView } from "@/lib/views/inbox";

/** Our numbers for the inbox's number filter: what any agent may see (no WABA ids). */
export async function findInboxPhoneNumbers(): Promise<PhoneNumberView[]> {
  return (await findPhoneNumbers({ db: getDb() })).map((row) => ({
    id: row.id,
    displayPhoneNumber: row.displayPhoneNumber,
    name: row.name,
  }));
}
