import "server-only";

export type PhoneNumberView = {
  id: string;
  phoneNumberId: string;
  displayPhoneNumber: string | null;
  name: string | null;
  wabaId: string | null;
  firstSeenAt: string;
};

type PhoneNumberRow = {
  id: string;
  phoneNumberId: string;
  displayPhoneNumber: string | null;
  name: string | null;
  createdAt: Date;
  businessAccount: { wabaId: string } | null;
};

export function toPhoneNumberView(row: PhoneNumberRow): PhoneNumberView {
  return {
    id: row.id,
    phoneNumberId: row.phoneNumberId,
    displayPhoneNumber: row.displayPhoneNumber,
    name: row.name,
    wabaId: row.businessAccount?.wabaId ?? null,
    firstSeenAt: row.createdAt.toISOString(),
  };
}
