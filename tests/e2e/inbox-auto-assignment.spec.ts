// Availability and auto-assignment: two agents say they are online with the header's switch (by
// keyboard), each sees the other's availability in the assignee picker, live; the admin turns on
// auto-assignment for a number in Settings → WhatsApp; three customers write and their new
// conversations go to the agents in turn — A, B, A — as both agents' lists show.
// New users start away (README → Auto-assignment), so the agents of the specs running alongside
// never take part in this number's round-robin.
import type { Page } from "@playwright/test";
import { screenshotPath } from "./support/fixtures";
import { customerWrites, newBusinessNumber, newCustomer } from "./support/customers";
import { expect, test } from "./support/inbox";
import { conversationIdOf } from "./support/inbox-db";
import { expectLive, openConversation, row, showOnlyNumber, thread } from "./support/inbox-ui";

const availability = (page: Page) => page.getByTestId("availability");

/** The header's switch, operated from the keyboard; waits until it says `to`. */
async function switchAvailability(page: Page, key: "Enter" | " ", to: "Online" | "Away") {
  await availability(page).focus();
  await page.keyboard.press(key);
  await expect(availability(page)).toHaveText(to);
  await expect(availability(page)).toHaveAccessibleName(new RegExp(`^Availability: ${to}\\.`));
}

test("auto-assignment hands three new conversations to two online agents in turn", async ({ admin, addAgent }) => {
  test.slow(); // three people's pages, settings and several live round trips
  const number = newBusinessNumber();
  const first = newCustomer("Olga Petrova");
  await customerWrites({ from: first, to: number, text: "Hello?" });
  const firstId = await conversationIdOf({ customer: first, number });

  // Created one after the other: Ana is first in the round-robin's order, then Bruno.
  const ana = await addAgent("Ana Auto");
  const bruno = await addAgent("Bruno Auto");

  // Ana comes online by keyboard; she starts away, like every new user. Her page's first list of
  // agents is read while she is still away and answered only after she has switched: the page must
  // not let that late answer say she is away (a real race on a slow network or a busy server).
  let releaseFirstAgents = () => {};
  const firstAgentsHeld = new Promise<void>((resolve) => (releaseFirstAgents = resolve));
  let agentRequests = 0;
  await ana.page.route("**/api/agents", async (route) => {
    agentRequests += 1;
    if (agentRequests > 1) return route.continue();
    const response = await route.fetch();
    await firstAgentsHeld;
    await route.fulfill({ response }).catch(() => undefined); // the page may have dropped it
  });
  await openConversation(ana.page, firstId, first.name);
  await expect(availability(ana.page)).toHaveText("Away");
  await switchAvailability(ana.page, "Enter", "Online");
  await ana.page.screenshot({ path: screenshotPath("availability-header") });
  const picker = thread(ana.page).getByRole("combobox", { name: "Assignee" });
  await expect(picker.getByRole("option", { name: `${ana.name} (me) — online` })).toHaveCount(1);
  releaseFirstAgents();

  // Ana's assignee picker shows Bruno away, then online the moment he switches (no reload).
  await expect(picker.getByRole("option", { name: `${bruno.name} — away` })).toHaveCount(1);
  await bruno.page.goto("/inbox");
  await switchAvailability(bruno.page, " ", "Online");
  await expect(picker.getByRole("option", { name: `${bruno.name} — online` })).toHaveCount(1);
  await expect(picker.getByRole("option", { name: `${ana.name} (me) — online` })).toHaveCount(1);

  // The admin turns auto-assignment on for this number.
  await admin.page.goto("/settings/whatsapp");
  const numberItem = admin.page.getByRole("listitem").filter({ hasText: number.phoneNumberId });
  const form = numberItem.getByRole("form", { name: /^Auto-assignment of / });
  await form.getByRole("checkbox", { name: "Auto-assign new conversations" }).check();
  await form.getByRole("button", { name: "Save auto-assignment" }).click();
  await expect(form.getByText("Auto-assignment saved.")).toBeVisible();
  await expect(
    admin.page.getByRole("cell", { name: `set auto-assignment of phone number ${number.phoneNumberId} to on, no cap` }),
  ).toBeVisible();
  await form.scrollIntoViewIfNeeded();
  await admin.page.screenshot({ path: screenshotPath("auto-assignment-settings") });

  // Both agents watch the number's conversations.
  for (const person of [ana, bruno]) {
    await person.page.goto("/inbox");
    await showOnlyNumber(person.page, number);
    await expectLive(person.page);
  }

  // Three customers write, one after another: Ana, Bruno, Ana.
  const customers = [newCustomer("Carla Mendes"), newCustomer("Diego Ramos"), newCustomer("Elif Kaya")];
  const expected = [ana, bruno, ana];
  for (const [index, customer] of customers.entries()) {
    await customerWrites({ from: customer, to: number, text: `Question ${index + 1}` });
    const id = await conversationIdOf({ customer, number });
    for (const person of [ana, bruno]) {
      await expect(row(person.page, id)).toContainText(customer.name);
      await expect(row(person.page, id)).toContainText(`Assigned to ${expected[index]!.name}`);
    }
  }
  // The conversation from before auto-assignment was on stays unassigned.
  await expect(row(ana.page, firstId)).not.toContainText("Assigned to");
  await ana.page.screenshot({ path: screenshotPath("auto-assignment-list") });

  await ana.page.setViewportSize({ width: 390, height: 844 });
  await expect(availability(ana.page)).toBeVisible();
  await ana.page.screenshot({ path: screenshotPath("auto-assignment-list-phone") });
  await admin.page.setViewportSize({ width: 390, height: 844 });
  await form.scrollIntoViewIfNeeded();
  await admin.page.screenshot({ path: screenshotPath("auto-assignment-settings-phone") });
  // Settings → Users says who is online too.
  await admin.page.goto("/settings/users");
  await expect(admin.page.getByTestId(`user-row-${ana.email}`).getByTestId("user-availability")).toHaveText("Online");
  await admin.page.getByTestId(`user-row-${ana.email}`).scrollIntoViewIfNeeded();
  await admin.page.screenshot({ path: screenshotPath("availability-users") });

  await admin.page.goto("/inbox");
  await expect(availability(admin.page)).toHaveText("Away");
  await admin.page.screenshot({ path: screenshotPath("availability-header-admin-phone") });

  // Away again: the switch goes back by keyboard too.
  await switchAvailability(bruno.page, "Enter", "Away");
});
