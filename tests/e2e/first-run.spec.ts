// Runs first, on a database with no user: the first-run setup creates the admin the other tests use.
import { ADMIN_STATE } from "./support/run";
import { expectAccessible } from "./support/accessibility";
import { expect, newPerson, test } from "./support/fixtures";

test("first run: / leads to setup, which creates the first admin and signs them in", async ({ page, browser, run }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole("heading", { name: "Welcome" })).toBeVisible();
  await expectAccessible(page, "first-run setup");

  await page.getByLabel("Your name").fill(run.adminName);
  await page.getByLabel("Email").fill(run.adminEmail);
  await page.getByLabel("Password", { exact: true }).fill(run.adminPassword);
  await page.getByLabel("Repeat the password").fill(`${run.adminPassword}-typo`);
  await page.getByRole("button", { name: "Create admin account" }).click();
  await expect(page.getByText("The passwords do not match.")).toBeVisible();
  await expect(page).toHaveURL(/\/setup$/);
  await expectAccessible(page, "first-run setup · passwords differ");

  await page.getByLabel("Repeat the password").fill(run.adminPassword);
  await page.getByRole("button", { name: "Create admin account" }).click();

  // Signed in as the new admin, on the page where agents are added.
  await expect(page).toHaveURL(/\/settings\/users$/);
  await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
  await expect(page.getByTestId("current-user")).toContainText(run.adminName);
  await expect(page.getByTestId("current-user")).toContainText(`Admin · ${run.adminEmail}`);
  await expect(page.getByRole("row", { name: new RegExp(run.adminEmail) })).toContainText("(you)");
  await page.context().storageState({ path: ADMIN_STATE });
  await expectAccessible(page, "settings · users");

  // Setup is closed from now on: anyone else is sent to sign in.
  const other = await newPerson(browser);
  await other.page.goto("/setup");
  await expect(other.page).toHaveURL(/\/login$/);
  await expect(other.page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await other.context.close();
});

test("a fresh install's inbox says how messages arrive, not that a filter matched nothing", async ({ adminPage }) => {
  await adminPage.goto("/inbox");
  const list = adminPage.getByRole("navigation", { name: "Conversations" });
  await expect(list.getByText("No open conversations")).toBeVisible();
  // Not in sandbox mode (this server has no stand-in): the words are about connecting Meta.
  await expect(list).toContainText("the moment Meta delivers it");
  await expect(list).toContainText("Settings → WhatsApp connection");
  await expect(list.getByRole("link", { name: "Simulator" })).toHaveCount(0);
  await expect(list).toContainText("npm run simulate -- text");
  await expect(list.getByText("No conversations match")).toHaveCount(0);
  await expect(list.getByText("Try another filter")).toHaveCount(0);
  await expectAccessible(adminPage, "inbox · fresh install, empty");
});
