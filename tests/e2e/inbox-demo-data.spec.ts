// Demo data, marked and deleted in one click: Settings → WhatsApp connection names the demo's
// numbers; "Delete demo data" asks first, then removes the demo's conversation (gone from the
// inbox, live in a tab that had it open) and leaves every other conversation where it was.
import pg from "pg";
import { expectAccessible } from "./support/accessibility";
import { customerWrites, newBusinessNumber, newCustomer } from "./support/customers";
import { expect, test } from "./support/inbox";
import { conversationIdOf } from "./support/inbox-db";
import { expectLive, rows } from "./support/inbox-ui";
import { e2eRun } from "./support/run";

/** What the sandbox demo does to its numbers when it seeds them (lib/db/demo-data.ts markDemoPhoneNumbers). */
async function markAsDemo(phoneNumberId: string, name: string) {
  const client = new pg.Client({ connectionString: e2eRun().inbox.databaseUrl });
  await client.connect();
  try {
    await client.query("UPDATE phone_numbers SET demo = true, name = $2 WHERE phone_number_id = $1", [
      phoneNumberId,
      name,
    ]);
  } finally {
    await client.end();
  }
}

test("an admin deletes the demo data after confirming: the demo's conversation leaves the inbox, the others stay", async ({
  admin: { page },
}) => {
  const demoNumber = newBusinessNumber();
  const realNumber = newBusinessNumber();
  const demoCustomer = newCustomer("Ana Demo");
  const realCustomer = newCustomer("Bruno Real");
  await customerWrites({ from: demoCustomer, to: demoNumber, text: "A question from the demo" });
  await customerWrites({ from: realCustomer, to: realNumber, text: "A real question" });
  const demoConversation = await conversationIdOf({ customer: demoCustomer, number: demoNumber });
  await conversationIdOf({ customer: realCustomer, number: realNumber });
  await markAsDemo(demoNumber.phoneNumberId, "Demo Shop Tour");

  await page.goto("/inbox");
  await expect(rows(page).filter({ hasText: demoCustomer.name })).toContainText("Demo Shop Tour");
  // Another tab has the demo's conversation open, live: it will follow without a reload.
  const other = await page.context().newPage();
  await other.goto(`/inbox/${demoConversation}`);
  await expectLive(other);
  await expect(rows(other).filter({ hasText: demoCustomer.name })).toBeVisible();

  await page.goto("/settings/whatsapp");
  const section = page.getByRole("region", { name: "Demo data" });
  await expect(section).toContainText("Demo Shop Tour");
  await section.getByRole("button", { name: "Delete demo data" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete the demo data?" });
  await expect(dialog).toBeVisible();
  await expectAccessible(page, "settings · delete the demo data?");
  // Cancel leaves everything; the second time it goes.
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(section).toContainText("Demo Shop Tour");
  await section.getByRole("button", { name: "Delete demo data" }).click();
  await dialog.getByRole("button", { name: "Delete demo data" }).click();
  await expect(section.getByRole("status")).toContainText(
    /^Demo data deleted: 1 number, 1 conversation, 1 message, 1 contact/,
  );

  // The open tab heard of it: the row is gone and the thread closed, back on the list.
  await expect(rows(other).filter({ hasText: demoCustomer.name })).toHaveCount(0);
  await expect(other).toHaveURL(/\/inbox$/);
  await expect(rows(other).filter({ hasText: realCustomer.name })).toBeVisible();

  await page.goto("/inbox");
  await expect(rows(page).filter({ hasText: realCustomer.name })).toBeVisible();
  await expect(rows(page).filter({ hasText: demoCustomer.name })).toHaveCount(0);
  const gone = await page.request.get(`/api/conversations/${demoConversation}`);
  expect(gone.status()).toBe(404);
});
