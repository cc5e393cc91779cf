import "server-only";
import { getDb } from "@/lib/db/client";
import { findPhoneNumbers } from "@/lib/db/phone-numbers";
import { type PhoneNumberView, toPhoneNumberView } from "./phone-number-view";

/** Our numbers, as registered by the first signed webhook naming each, oldest first. */
export async function findPhoneNumberSettings(): Promise<PhoneNumberView[]> {
  return (await findPhoneNumbers({ db: getDb() })).map(toPhoneNumberView);
}
