// Accounts as a person meets them: a reset link from an admin, one's own password, and deactivating
// an agent with their open conversation handed to a colleague — on the inbox server, in parallel
// with the other inbox specs (every test adds its own people and customers).
import { expectAccessible } from "./support/accessibility";
import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { customerWrites, newBusinessNumber, newCustomer } from "./support/customers";
import { screenshotPath, submitSignIn } from "./support/fixtures";
import { expect, type Person, signIn, test } from "./support/inbox";
import { conversationIdOf } from "./support/inbox-db";
import { connectionStatus, expectLive } from "./support/inbox-ui";
import { e2eRun } from "./support/run";

// Each test hashes or checks a password six to ten times (scrypt, 32 MiB each), which on a busy
// two-core machine alone can take most of the default minute.
test.describe.configure({ timeout: 180_000 });
/** A sign-in checks a scrypt hash, then the inbox renders: seconds each when the machine is busy. */
const SIGN_IN_MS = 30_000;

type NewUser = { id: string; name: string; email: string; password: string };

/** The admin adds an agent through the API the users page calls; answers their id and password. */
async function addUser(admin: Person, name: string): Promise<NewUser> {
  const email = `${name.toLowerCase().replace(/[^a-z]+/g, ".")}.${randomBytes(4).toString("hex")}@example.com`;
  const password = `pw-${randomBytes(8).toString("hex")}`;
  const response = await admin.context.request.post("/api/users", {
    headers: { origin: e2eRun().inbox.baseUrl },
    data: { name, email, password, role: "agent" },
  });
  expect(response.status(), await response.text()).toBe(201);
  const { user } = (await response.json()) as { user: { id: string } };
  return { id: user.id, name, email, password };
}

const userRow = (page: Page, email: string) => page.getByRole("row", { name: new RegExp(email.replace(/\./g, "\\.")) });

test("an admin's reset link: the agent sets a new password, is signed out elsewhere, and signs in with it", async ({
  admin,
  browser,
  inbox,
}) => {
  const agent = await addUser(admin, "Rita Reset");
  const before = await signIn(browser, agent);
  await before.page.goto("/inbox");
  await expect(before.page.getByRole("heading", { name: "Inbox", level: 1 })).toBeVisible();

  // Without SMTP the sign-in page sends a forgetful agent to an admin.
  const stranger = await browser.newContext();
  const login = await stranger.newPage();
  await login.goto(`${inbox.baseUrl}/login`);
  await login.getByRole("link", { name: "Forgot password?" }).click();
  await expect(login.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
  await expect(login.getByText("Ask an admin of this inbox for a reset link")).toBeVisible();
  await expectAccessible(login, "forgot password");
  await login.screenshot({ path: screenshotPath("forgot password") });

  const { page } = admin;
  await page.goto("/settings/users");
  await userRow(page, agent.email)
    .getByRole("button", { name: `Reset password of ${agent.name}` })
    .click();
  const dialog = page.getByRole("dialog", { name: `Make a password reset link for ${agent.name}?` });
  await expect(dialog).toContainText("once, within an hour");
  await expectAccessible(page, "confirm dialog · password reset link");
  await dialog.getByRole("button", { name: "Make link" }).click();
  const linkField = page.getByLabel(`Reset link for ${agent.name}`, { exact: true });
  await expect(linkField).toHaveValue(new RegExp(`/reset-password#[A-Za-z0-9_-]{43}$`));
  const shownOnce = page.getByRole("status").filter({ hasText: "shown once" });
  await expect(shownOnce).toBeVisible();
  // Until when, as every time in the app: hovering it shows the full date, an hour from now.
  const until = shownOnce.locator("time");
  const expiresAt = Date.parse((await until.getAttribute("datetime")) ?? "");
  expect(expiresAt - Date.now()).toBeGreaterThan(50 * 60_000);
  await expect(until).toHaveAttribute("title", new RegExp(String(new Date(expiresAt).getFullYear())));
  const link = await linkField.inputValue();
  await expectAccessible(page, "settings · users, a reset link shown");
  await page.screenshot({ path: screenshotPath("settings · users, a reset link shown"), fullPage: true });

  await login.goto(link);
  await login.getByLabel("New password", { exact: true }).fill("rita-new-password");
  await login.getByLabel("Repeat the new password").fill("rita-new-password");
  await expectAccessible(login, "reset password");
  await login.screenshot({ path: screenshotPath("reset password") });
  await login.getByRole("button", { name: "Set new password" }).click();
  await expect(login.getByText("Your password is changed.")).toBeVisible();
  // The used token is gone from the address bar.
  expect(new URL(login.url()).hash).toBe("");

  // The session from before the reset is over: its live socket was ended, and the open inbox goes
  // to sign-in by itself (no reload: one would race that navigation).
  await expect(before.page).toHaveURL(/\/login$/, { timeout: 15_000 });

  await login.getByRole("link", { name: "Sign in with it" }).click();
  await submitSignIn(login, agent.email, agent.password);
  // (Next's route announcer is an alert too: the form's is the one with the words.)
  await expect(login.getByRole("alert").filter({ hasText: "Wrong email or password." })).toBeVisible();
  await submitSignIn(login, agent.email, "rita-new-password");
  await expect(login).toHaveURL(/\/inbox$/, { timeout: SIGN_IN_MS });

  // The link worked once.
  await login.goto(link);
  await login.getByLabel("New password", { exact: true }).fill("another-password");
  await login.getByLabel("Repeat the new password").fill("another-password");
  await login.getByRole("button", { name: "Set new password" }).click();
  await expect(
    login.getByRole("alert").filter({ hasText: "This link has expired or was already used." }),
  ).toBeVisible();
  await stranger.close();
});

test("an agent changes their own password on the profile page; their other browser is signed out", async ({
  admin,
  browser,
}) => {
  const agent = await addUser(admin, "Paulo Profile");
  const laptop = await signIn(browser, agent);
  const phone = await signIn(browser, agent);
  const { page } = laptop;
  // Both browsers have the inbox open, live; the laptop changes the password in another tab.
  const laptopInbox = await laptop.context.newPage();
  await laptopInbox.goto("/inbox");
  await expectLive(laptopInbox);
  await phone.page.goto("/inbox");
  await expectLive(phone.page);
  const laptopStates = await recordConnectionStates(laptopInbox);
  await page.goto("/inbox");
  await page.getByRole("link", { name: "Your profile" }).click();
  await expect(page.getByRole("heading", { name: "Your profile", level: 1 })).toBeVisible();
  await expect(page.getByText(`You sign in as ${agent.email}`)).toBeVisible();

  await page.getByLabel("Your name").fill("Paulo P. Profile");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Name saved." })).toBeVisible();
  await expect(page.getByTestId("current-user")).toContainText("Paulo P. Profile");

  const form = page.getByRole("form", { name: "Password" });
  await form.getByLabel("Current password").fill("not-my-password");
  await form.getByLabel("New password", { exact: true }).fill("paulo-new-password");
  await form.getByLabel("Repeat the new password").fill("paulo-new-password");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByRole("alert")).toHaveText("That is not your current password.");

  await form.getByLabel("Current password").fill(agent.password);
  await form.getByLabel("New password", { exact: true }).fill("paulo-new-password");
  await form.getByLabel("Repeat the new password").fill("paulo-new-password");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByRole("status")).toHaveText("Password changed. You were signed out on every other device.");
  await expectAccessible(page, "profile");
  await page.screenshot({ path: screenshotPath("profile"), fullPage: true });

  // The other browser's live connection ended with its session: it is on the sign-in page by itself.
  await expect(phone.page).toHaveURL(/\/login$/);
  // This browser stays signed in: its inbox tab lost the socket too (Pusher ends all of a user's) and
  // connects again with the new session, without leaving the inbox.
  await expect.poll(laptopStates).toContain("disconnected");
  await expectLive(laptopInbox);
  await expect(laptopInbox).toHaveURL(/\/inbox$/);
  await page.goto("/inbox");
  await expect(page).toHaveURL(/\/inbox$/);
  await submitSignIn(phone.page, agent.email, "paulo-new-password");
  await expect(phone.page).toHaveURL(/\/inbox$/, { timeout: SIGN_IN_MS });
});

/** Every state the page's live connection goes through from now on (a reconnect can be quicker than a poll). */
async function recordConnectionStates(page: Page): Promise<() => Promise<string[]>> {
  await connectionStatus(page).evaluate((status) => {
    const seen: string[] = [];
    (window as unknown as { connectionStates: string[] }).connectionStates = seen;
    new MutationObserver(() => seen.push(status.getAttribute("data-state") ?? "")).observe(status, {
      attributes: true,
      attributeFilter: ["data-state"],
    });
  });
  return () => page.evaluate(() => (window as unknown as { connectionStates: string[] }).connectionStates);
}

test("deactivating an agent asks first, hands their open conversation to a colleague, and is on record", async ({
  admin,
}) => {
  const dana = await addUser(admin, "Dana Leaving");
  const eli = await addUser(admin, "Eli Staying");
  const number = newBusinessNumber();
  const customer = newCustomer("Olga Petrova");
  await customerWrites({ from: customer, to: number, text: "Where is my parcel?" });
  const conversationId = await conversationIdOf({ customer, number });
  const { page } = admin;
  await page.goto("/settings/users");
  const assigned = await admin.context.request.patch(`/api/conversations/${conversationId}`, {
    headers: { origin: e2eRun().inbox.baseUrl },
    data: { assigneeId: dana.id },
  });
  expect(assigned.status(), await assigned.text()).toBe(200);
  await page.reload();

  const row = userRow(page, dana.email);
  await row.getByRole("button", { name: `Deactivate ${dana.name}` }).click();
  const dialog = page.getByRole("dialog", { name: `Deactivate ${dana.name}?` });
  await expect(dialog).toContainText("What happens to their 1 open conversation?");
  // Cancel changes nothing.
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  // Focus returns to the button that opened the dialog.
  await expect(row.getByRole("button", { name: `Deactivate ${dana.name}` })).toBeFocused();
  await expect(row).toContainText("Active");

  await row.getByRole("button", { name: `Deactivate ${dana.name}` }).click();
  await dialog.getByRole("combobox", { name: "Reassign to" }).selectOption({ label: eli.name });
  await expect(dialog.getByRole("radio", { name: "Reassign to" })).toBeChecked();
  await expectAccessible(page, "deactivate dialog · reassigning");
  await page.screenshot({ path: screenshotPath("deactivate dialog · reassigning") });
  await dialog.getByRole("button", { name: "Deactivate" }).click();
  await expect(row).toContainText("Deactivated");
  await expect(row.getByRole("button", { name: `Reactivate ${dana.name}` })).toBeVisible();

  const conversation = await admin.context.request.get(`/api/conversations/${conversationId}`);
  expect(
    ((await conversation.json()) as { conversation: { assignee: { id: string } | null } }).conversation.assignee,
  ).toMatchObject({ id: eli.id });

  // The inbox server's only admin cannot be demoted: the select says why instead of failing on Save,
  // and a demotion sent anyway is refused and recorded.
  const adminRole = userRow(page, admin.email).getByLabel(`Role of ${admin.name}`);
  await expect(adminRole).toBeDisabled();
  await expect(userRow(page, admin.email)).toContainText("The only active admin: make someone else an admin first.");
  const me = (await (await admin.context.request.get("/api/users/me")).json()) as { user: { id: string } };
  const demote = await admin.context.request.patch(`/api/users/${me.user.id}/role`, {
    headers: { origin: e2eRun().inbox.baseUrl },
    data: { role: "agent" },
  });
  expect(demote.status()).toBe(409);

  await page.goto("/settings");
  await page.getByRole("link", { name: "Open the audit log" }).click();
  await page.getByLabel("What").selectOption({ label: "Role change refused" });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByRole("row", { name: /the last active admin/ }).first()).toContainText("Admin → Agent");
  await expectAccessible(page, "settings · audit log");
  await page.screenshot({ path: screenshotPath("settings · audit log"), fullPage: true });
  await page.getByLabel("What").selectOption({ label: "User deactivated" });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/kind=user\.deactivated/);
  await expect(
    page.getByRole("row", { name: new RegExp(`deactivated ${dana.name} <${dana.email.replace(/\./g, "\\.")}>`) }),
  ).toContainText(`1 open conversation reassigned to ${eli.name}`);
});
