import "server-only";
import type { PhoneNumberView } from "@/lib/views/settings";

type PhoneNumberRow = {
  id: string;
  phoneNumberId: string;
  displayPhoneNumber: string | null;
  name: string | null;
  createdAt: Date;
  businessAccount: { wabaId: string } | null;
  autoAssignment: { enabled: boolean; cap: number | null } | null;
};

export function toPhoneNumberView(row: PhoneNumberRow): PhoneNumberView {
  return {
    id: row.id,
    phoneNumberId: row.phoneNumberId,
    displayPhoneNumber: row.displayPhoneNumber,
    name: row.name,
    wabaId: row.businessAccount?.wabaId ?? null,
    firstSeenAt: row.createdAt.toISOString(),
    autoAssignment: { enabled: row.autoAssignment?.enabled ?? false, cap: row.autoAssignment?.cap ?? null },
  };
}
