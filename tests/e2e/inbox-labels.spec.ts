// Labels: an admin defines one in Settings → Labels; in the thread `l` opens a searchable picker
// that puts it on the conversation; the list filters by it (in the URL); and a colleague's inbox
// follows every change live.
import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { screenshotPath } from "./support/fixtures";
import { customerWrites, newBusinessNumber, newCustomer } from "./support/customers";
import { expect, test } from "./support/inbox";
import { conversationIdOf } from "./support/inbox-db";
import {
  conversationList,
  expectLive,
  expectRowsInOrder,
  openConversation,
  row,
  showOnlyNumber,
  thread,
} from "./support/inbox-ui";

const letters = () => [...randomBytes(4)].map((byte) => String.fromCharCode(97 + (byte % 26))).join("");

const threadLabels = (page: Page) => thread(page).getByRole("group", { name: "Labels" });
const labelFilter = (page: Page) => conversationList(page).getByRole("group", { name: "Label filter" });

/** A label made by the admin through the API, as Settings → Labels does. */
async function createLabel(page: Page, baseUrl: string, name: string): Promise<string> {
  const response = await page.request.post("/api/labels", {
    headers: { origin: baseUrl },
    data: { name, color: "teal" },
  });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { label: { id: string } }).label.id;
}

/** The admin puts a label on a conversation or takes it off through the API (as the thread does). */
async function setLabel(page: Page, baseUrl: string, conversationId: string, labelId: string, on: boolean) {
  const response = on
    ? await page.request.post(`/api/conversations/${conversationId}/labels`, {
        headers: { origin: baseUrl },
        data: { labelId },
      })
    : await page.request.delete(`/api/conversations/${conversationId}/labels/${labelId}`, {
        headers: { origin: baseUrl },
      });
  expect(response.status(), await response.text()).toBe(200);
}

test("Settings → Labels: an admin adds a label with a colour named in words", async ({ admin }) => {
  const name = `Refund ${letters()}`;
  await admin.page.goto("/settings");
  await admin.page.getByRole("link", { name: "Manage labels →" }).click();
  await expect(admin.page.getByRole("heading", { name: "Labels", level: 1 })).toBeVisible();
  await admin.page.getByRole("button", { name: "Add a label" }).click();
  await admin.page.getByLabel("Name").fill(name);
  await admin.page.getByRole("radio", { name: "Purple" }).check();
  await admin.page.getByRole("button", { name: "Add", exact: true }).click();
  const settingsRow = admin.page.getByTestId("label-row").filter({ hasText: name });
  await expect(settingsRow).toContainText("Purple");
  await expect(settingsRow).toContainText("0 conversations");
  await admin.page.screenshot({ path: screenshotPath("settings-labels"), fullPage: true });
  await admin.page.setViewportSize({ width: 390, height: 844 });
  await admin.page.screenshot({ path: screenshotPath("settings-labels-phone"), fullPage: true });
});

test("`l` opens a searchable picker that puts a label on; a colleague's row shows it live", async ({
  admin,
  addAgent,
  inbox,
}) => {
  // Several pages and a live round trip each: on a loaded machine this outlasts the default 60 s.
  test.slow();
  const number = newBusinessNumber();
  const ana = newCustomer(`Ana Sousa ${letters()}`);
  await customerWrites({ from: ana, to: number, text: "I want my money back" });
  const anaId = await conversationIdOf({ customer: ana, number });
  const name = `Refund ${letters()}`;
  await createLabel(admin.page, inbox.baseUrl, name);

  const noor = await addAgent(`Noor ${letters()}`);
  await noor.page.goto("/inbox");
  await expectLive(noor.page);
  await showOnlyNumber(noor.page, number);
  await expect(row(noor.page, anaId).getByTestId("label-chip")).toHaveCount(0);

  // `l` opens the picker with the search focused; typing narrows it; Enter puts the label on.
  await openConversation(admin.page, anaId, ana.name);
  await admin.page.locator("body").press("l");
  const search = admin.page.getByRole("combobox", { name: "Labels of this conversation: search" });
  await expect(search).toBeFocused();
  await search.pressSequentially(name.slice(0, 8).toLowerCase());
  const option = admin.page.getByRole("option", { name });
  await expect(option).toHaveAttribute("aria-selected", "false");
  await search.press("Enter");
  await expect(option).toHaveAttribute("aria-selected", "true");
  await admin.page.screenshot({ path: screenshotPath("inbox-label-picker") });
  await search.press("Escape");
  await expect(admin.page.getByTestId("label-picker")).toHaveCount(0);
  await expect(threadLabels(admin.page).getByRole("button", { name: /\+ Label|edit labels/ })).toBeFocused();
  await expect(threadLabels(admin.page).getByTestId("label-chip")).toHaveText([new RegExp(name)]);

  // Noor's row shows it, live; the chip's × takes it off, and her row loses it live.
  await expect(row(noor.page, anaId).getByTestId("label-chip")).toHaveText(name, { timeout: 30_000 });
  await threadLabels(admin.page)
    .getByRole("button", { name: `Remove label ${name}` })
    .click();
  await expect(threadLabels(admin.page).getByTestId("label-chip")).toHaveCount(0);
  await expect(row(noor.page, anaId).getByTestId("label-chip")).toHaveCount(0, { timeout: 30_000 });
});

test("the list filters by a label (kept in the URL) and gains and loses rows live as colleagues label them", async ({
  admin,
  addAgent,
  inbox,
}) => {
  // Several pages and a live round trip each: on a loaded machine this outlasts the default 60 s.
  test.slow();
  const number = newBusinessNumber();
  const ana = newCustomer(`Ana Reis ${letters()}`);
  const bruno = newCustomer(`Bruno Dias ${letters()}`);
  await customerWrites({ from: ana, to: number, text: "I want my money back" });
  await customerWrites({ from: bruno, to: number, text: "Where is my parcel?" });
  const anaId = await conversationIdOf({ customer: ana, number });
  const brunoId = await conversationIdOf({ customer: bruno, number });
  const name = `Late ${letters()}`;
  const labelId = await createLabel(admin.page, inbox.baseUrl, name);
  await setLabel(admin.page, inbox.baseUrl, anaId, labelId, true);

  const noor = await addAgent(`Noor ${letters()}`);
  await noor.page.goto("/inbox");
  await expectLive(noor.page);
  await showOnlyNumber(noor.page, number);
  await expectRowsInOrder(noor.page, [bruno.name, ana.name]);

  // The picker counts the label's conversations; choosing it keeps Ana only, and the URL says so.
  await labelFilter(noor.page).getByRole("button", { name: "Labels" }).click();
  const filterOption = noor.page.getByRole("option", { name: new RegExp(name) });
  await expect(filterOption).toContainText("1");
  await filterOption.click();
  await noor.page.keyboard.press("Escape");
  await expectRowsInOrder(noor.page, [ana.name]);
  await expect(noor.page).toHaveURL(/[?&]labels=/);

  // A colleague labels Bruno's conversation: it joins the filtered list live; unlabelling Ana drops her.
  await setLabel(admin.page, inbox.baseUrl, brunoId, labelId, true);
  await expect(row(noor.page, brunoId)).toBeVisible({ timeout: 30_000 });
  await expectRowsInOrder(noor.page, [bruno.name, ana.name]);
  await noor.page.screenshot({ path: screenshotPath("inbox-labels-filtered") });
  await setLabel(admin.page, inbox.baseUrl, anaId, labelId, false);
  await expect(row(noor.page, anaId)).toHaveCount(0, { timeout: 30_000 });
  await expectRowsInOrder(noor.page, [bruno.name]);
  // The tabs count what they would list under the label filter: Bruno alone now.
  const statusTabs = conversationList(noor.page).getByRole("group", { name: "Status" });
  await expect(statusTabs.getByRole("button", { name: /^Open, / })).toHaveAccessibleName("Open, 1");
  await expect(statusTabs.getByRole("button", { name: /^All, / })).toHaveAccessibleName("All, 1");

  // A reload keeps the filter (it is in the URL).
  await noor.page.reload();
  await expect(labelFilter(noor.page).getByTestId("label-chip")).toHaveText([new RegExp(name)]);
  await expectRowsInOrder(noor.page, [bruno.name]);
  await noor.page.setViewportSize({ width: 390, height: 844 });
  await noor.page.screenshot({ path: screenshotPath("inbox-labels-phone") });
});

test("an agent is turned away from Settings → Labels (admins define labels)", async ({ addAgent }) => {
  const agent = await addAgent(`Omar ${letters()}`);
  await agent.page.goto("/settings/labels");
  await expect(agent.page).toHaveURL(/\/inbox\?denied=admin/);
});
