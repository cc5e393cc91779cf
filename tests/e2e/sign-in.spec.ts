import { expectAccessible } from "./support/accessibility";
import { expect, submitSignIn, test } from "./support/fixtures";

test("sign in with the form, sign out, and a wrong password is refused with a message", async ({ page, run }) => {
  await page.goto("/inbox");
  await expect(page).toHaveURL(/\/login$/);
  await expectAccessible(page, "sign-in");

  await submitSignIn(page, run.adminEmail, run.adminPassword);
  await expect(page).toHaveURL(/\/inbox$/);
  await expect(page.getByRole("heading", { name: "Inbox", level: 1 })).toBeVisible();
  await expect(page.getByTestId("current-user")).toContainText(run.adminEmail);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);
  // The session is gone on the server, not just forgotten by this page.
  await page.goto("/inbox");
  await expect(page).toHaveURL(/\/login$/);

  await submitSignIn(page, run.adminEmail, `${run.adminPassword}-wrong`);
  // Scoped to the page's content: Next's route announcer is an alert region too.
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Wrong email or password.");
  await expect(page).toHaveURL(/\/login$/);
  await expectAccessible(page, "sign-in · wrong password");

  await submitSignIn(page, run.adminEmail, run.adminPassword);
  await expect(page).toHaveURL(/\/inbox$/);
  await expect(page.getByTestId("current-user")).toContainText(run.adminEmail);
  await expect(page.getByRole("main").getByRole("alert")).toHaveCount(0);
});
