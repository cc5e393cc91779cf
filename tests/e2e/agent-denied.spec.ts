import { expectAccessible } from "./support/accessibility";
import { randomBytes } from "node:crypto";
import { expect, newPerson, submitSignIn, test } from "./support/fixtures";

const ADMIN_PAGES = ["/settings", "/settings/whatsapp", "/settings/users", "/settings/health"];

test("an agent added on the users page works the inbox but is kept out of settings", async ({ adminPage, browser }) => {
  const agent = {
    name: "Alex Agent",
    email: `agent-${randomBytes(4).toString("hex")}@example.com`,
    password: `agent-pw-${randomBytes(6).toString("hex")}`,
  };

  await adminPage.goto("/settings/users");
  const form = adminPage.getByRole("form", { name: "Add a user" });
  await form.getByLabel("Name").fill(agent.name);
  await form.getByLabel("Email").fill(agent.email);
  await form.getByLabel("First password").fill(agent.password);
  await form.getByLabel("Role").selectOption("agent");
  await form.getByRole("button", { name: "Add user" }).click();
  await expect(form.getByRole("status")).toHaveText(`${agent.email} can now sign in with the password you chose.`);
  const row = adminPage.getByRole("row", { name: new RegExp(agent.email) });
  await expect(row).toContainText(agent.name);
  await expect(row.getByLabel(`Role of ${agent.name}`)).toHaveValue("agent");
  await expect(row).toContainText("Active");

  const { page, context } = await newPerson(browser);
  await page.goto("/login");
  await submitSignIn(page, agent.email, agent.password);
  await expect(page).toHaveURL(/\/inbox$/);
  await expect(page.getByTestId("current-user")).toContainText(`Agent · ${agent.email}`);
  await expectAccessible(page, "inbox · an agent's header");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Inbox" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Settings" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "Webhook health" })).toHaveCount(0);

  for (const path of ADMIN_PAGES) {
    await page.goto(path);
    await expect(page, `${path} must send an agent back to the inbox`).toHaveURL(/\/inbox\?denied=admin$/);
    // Found by its text: the inbox's live connection status is a status region too.
    const notice = page.getByRole("main").getByRole("status").filter({ hasText: "That page is for admins." });
    await expect(notice).toHaveText("That page is for admins. Ask an admin if you need access.");
    await expect(page.getByRole("heading", { name: "Inbox", level: 1 })).toBeVisible();
  }

  // The API refuses the agent's own browser too, for reading and for writing.
  const answers = await page.evaluate(async () => {
    const read = await fetch("/api/settings/whatsapp");
    const write = await fetch("/api/settings/whatsapp", {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ setting: "appSecret", value: "0123456789abcdef0123456789abcdef" }),
    });
    return [
      { status: read.status, body: (await read.json()) as unknown },
      { status: write.status, body: (await write.json()) as unknown },
    ];
  });
  for (const answer of answers) {
    expect(answer.status).toBe(403);
    expect(answer.body).toMatchObject({ error: { code: "forbidden" } });
  }
  await context.close();
});
