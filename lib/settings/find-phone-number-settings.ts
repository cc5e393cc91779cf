import "server-only";
import { getDb } from "@/lib/db/client";
import { findPhoneNumbers } from "@/lib/db/phone-numbers";
import { toPhoneNumberView } from "./phone-number-view";
import type { PhoneNumberView } from "@/lib/views/settings";

/** Our numbers, as registered by the first signed webhook naming each, oldest first. */
export async function findPhoneNumberSettings(): Promise<PhoneNumberView[]> {
  return (await findPhoneNumbers({ db: getDb() })).map(toPhoneNumberView);
}
