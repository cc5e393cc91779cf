// Steps on the WhatsApp settings page, as an admin takes them.
import { expect, type Locator, type Page } from "@playwright/test";

/** One setting's section on /settings/whatsapp, found by its heading ("App Secret", "Access token"…). */
export function settingSection(page: Page, label: string): Locator {
  return page.getByRole("region", { name: label, exact: true });
}

/** Types a new value into the setting's write-only field and saves it; waits for the confirmation. */
export async function saveSetting(
  page: Page,
  {
    label,
    inputLabel,
    value,
    savedMessage,
  }: { label: string; inputLabel: string; value: string; savedMessage: string },
): Promise<void> {
  const section = settingSection(page, label);
  await section.getByLabel(inputLabel).fill(value);
  await section.getByRole("button", { name: "Save" }).click();
  await expect(section.getByRole("status").filter({ hasText: savedMessage })).toBeVisible();
  await expect(section.getByRole("alert")).toHaveCount(0);
}

export const saveAppSecret = (page: Page, value: string) =>
  saveSetting(page, {
    label: "App Secret",
    inputLabel: "New App Secret",
    value,
    savedMessage: "App Secret saved. The next webhook is checked against it.",
  });

/** How the page shows a secret: never the value, only its last four characters. */
export const masked = (value: string) => `••••••••${value.slice(-4)}`;
