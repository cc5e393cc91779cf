import "server-only";
import { type Db } from "@/lib/db/client";
import { getPhoneNumber } from "@/lib/db/phone-numbers";
import { AppError } from "@/lib/http/app-error";
import { phoneNumberTarget } from "@/lib/views/audit";

export type PhoneNumberRecord = NonNullable<Awaited<ReturnType<typeof getPhoneNumber>>>;

/** One of our numbers by its row id; 404 (the same answer on every route that names one) when there is none. */
export async function getPhoneNumberOrThrow({ db, id }: { db: Db; id: string }): Promise<PhoneNumberRecord> {
  const number = await getPhoneNumber({ db, id });
  if (!number)
    throw new AppError("not_found", {
      message: `phone number ${id} not found`,
      userMessage: "This phone number does not exist.",
    });
  return number;
}

/** How the audit log names a number: its Meta id as the target, its name (or display number) as the label. */
export const phoneNumberAuditTarget = (
  number: Pick<PhoneNumberRecord, "phoneNumberId" | "name" | "displayPhoneNumber">,
) => ({
  target: phoneNumberTarget(number.phoneNumberId),
  targetLabel: number.name ?? number.displayPhoneNumber ?? number.phoneNumberId,
});
