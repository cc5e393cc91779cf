import "server-only";
import { getDb } from "@/lib/db/client";
import { getPhoneNumber } from "@/lib/db/phone-numbers";
import { findTemplates as findTemplateRows } from "@/lib/db/templates";
import { AppError } from "@/lib/http/app-error";
import type { TemplateList } from "@/lib/views/template";
import { toTemplateView } from "./template-view";

/**
 * The templates the picker and Settings → Templates show: all of them, or those of one number's
 * WABA (the ones that number can send). Agents see only those an admin enabled for the inbox.
 */
export async function findTemplates({
  phoneNumberId,
  role,
}: {
  phoneNumberId?: string;
  role: "admin" | "agent";
}): Promise<TemplateList> {
  const db = getDb();
  let wabaIds: string[] | undefined;
  if (phoneNumberId) {
    const number = await getPhoneNumber({ db, id: phoneNumberId });
    if (!number) {
      throw new AppError("not_found", {
        message: `phone number ${phoneNumberId} not found`,
        userMessage: "That business number does not exist.",
      });
    }
    wabaIds = number.businessAccount ? [number.businessAccount.wabaId] : [];
  }
  const rows = await findTemplateRows({ db, wabaIds });
  const visible = role === "admin" ? rows : rows.filter((row) => row.agentUsable);
  return { templates: visible.map(toTemplateView) };
}
