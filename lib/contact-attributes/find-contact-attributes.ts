import "server-only";
import { getDb } from "@/lib/db/client";
import { findContactAttributes as findRows } from "@/lib/db/contact-attributes";
import type { ContactAttributeList } from "@/lib/views/contact-attributes";

/** Every contact attribute, by name, with how many contacts have a value (anyone signed in may read them). */
export async function findContactAttributes(): Promise<ContactAttributeList> {
  return { attributes: await findRows({ db: getDb() }) };
}
