// The team's tools in the composer: a private note @mentioning a colleague reaches them live (and
// never the customer); `/` inserts a canned reply with the customer's name, to edit before sending.
import { expectAccessible } from "./support/accessibility";
import { randomBytes } from "node:crypto";
import type { Locator } from "@playwright/test";
import { screenshotPath } from "./support/fixtures";
import { customerWrites, newBusinessNumber, newCustomer } from "./support/customers";
import { graphRequests } from "./support/graph-control";
import { expect, test } from "./support/inbox";
import { conversationIdOf } from "./support/inbox-db";
import { composer, conversationList, expectLive, openConversation, row, thread } from "./support/inbox-ui";

/** Letters only: agent names become their email addresses (see addAgent), and must be unique here. */
const letters = () => [...randomBytes(4)].map((byte) => String.fromCharCode(97 + (byte % 26))).join("");

test("an agent's note mentioning a colleague reaches them live, and never the customer", async ({
  admin,
  addAgent,
}) => {
  const number = newBusinessNumber();
  const ana = newCustomer("Ana Ferreira");
  await customerWrites({ from: ana, to: number, text: "My parcel arrived damaged" });
  const conversationId = await conversationIdOf({ customer: ana, number });
  const noor = await addAgent(`Noor ${letters()}`);

  // Noor is in her inbox, elsewhere: no mention yet.
  await noor.page.goto("/inbox");
  await expectLive(noor.page);
  const mentionsTab = conversationList(noor.page)
    .getByRole("group", { name: "Assignee" })
    .getByRole("button", { name: /Mentions/ });
  await expect(mentionsTab.getByTestId("mentions-count")).toHaveCount(0);

  // The admin switches to Note with `n`, mentions Noor from the @ list and adds the note.
  await openConversation(admin.page, conversationId, ana.name);
  await admin.page.locator("body").press("n");
  await expect(composer(admin.page)).toHaveAttribute("data-mode", "note");
  const noteBox = composer(admin.page).getByRole("textbox", { name: "Private note for your team" });
  await expect(noteBox).toBeFocused();
  await noteBox.pressSequentially(`Refund approved. @${noor.name.split(" ")[1]}`);
  await expect(admin.page.getByTestId("composer-suggestions").getByRole("option", { name: noor.name })).toBeVisible();
  await expectAccessible(admin.page, "composer · note mode, @ mention list");
  await noteBox.press("Enter");
  await expect(noteBox).toHaveValue(`Refund approved. @${noor.name} `);
  await noteBox.pressSequentially("please call the courier <b>today</b>");
  await noteBox.press("Enter");

  const note = thread(admin.page).getByTestId("note");
  await expect(note).toContainText("Note — only your team sees this");
  await expect(note).toContainText("please call the courier <b>today</b>");
  await expect(note.getByTestId("mention")).toHaveText(`@${noor.name}`);
  await expectViewersClock(note.locator("time"));
  await expect(noteBox).toHaveValue("");
  await admin.page.screenshot({ path: screenshotPath("inbox-note-desktop") });
  await expectAccessible(admin.page, "thread · a note with a mention");

  // Noor: the Mentions count goes up live; the conversation is there with its @ badge. (A bound, not a
  // measure: on a loaded CI machine the event and the refetch it causes can take more than the default.)
  await expect(mentionsTab.getByTestId("mentions-count")).toHaveText("1", { timeout: 30_000 });
  await mentionsTab.click();
  await expect(row(noor.page, conversationId).getByTestId("unread-mention")).toBeVisible();
  await expectAccessible(noor.page, "inbox list · Mentions, an unread mention");
  await row(noor.page, conversationId).click();
  const seen = thread(noor.page).getByTestId("note");
  await expect(seen).toContainText("please call the courier <b>today</b>");
  await expect(seen.getByTestId("mention")).toHaveText(`@${noor.name}`);
  // Opening it is seeing it: the count clears.
  await expect(mentionsTab.getByTestId("mentions-count")).toHaveCount(0);
  await expect(row(noor.page, conversationId).getByTestId("unread-mention")).toHaveCount(0);

  // Nothing of the note went to Meta.
  const toCustomer = await graphRequests({ to: ana.waId });
  expect(toCustomer.filter((request) => JSON.stringify(request.body).includes("courier"))).toEqual([]);

  await noor.page.setViewportSize({ width: 390, height: 844 });
  await noor.page.screenshot({ path: screenshotPath("inbox-note-phone") });
});

/** A time written as every time in the app: the viewer's locale and zone, the full date on hover. */
async function expectViewersClock(time: Locator) {
  const viewers = await time.evaluate((element) => {
    const date = new Date(element.getAttribute("datetime") ?? "");
    return {
      clock: new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit" }).format(date),
      full: new Intl.DateTimeFormat(undefined, { dateStyle: "full", timeStyle: "medium" }).format(date),
    };
  });
  await expect(time).toHaveText(viewers.clock);
  await expect(time).toHaveAttribute("title", viewers.full);
}

test("`/` inserts a canned reply with the customer's name, edited before sending", async ({ admin, inbox }) => {
  const number = newBusinessNumber();
  const bruno = newCustomer(`Bruno Lima ${randomBytes(2).toString("hex")}`);
  await customerWrites({ from: bruno, to: number, text: "Where is my order?" });
  const conversationId = await conversationIdOf({ customer: bruno, number });
  const shortcut = `ship${randomBytes(3).toString("hex")}`;
  const created = await admin.page.request.post("/api/canned-replies", {
    headers: { origin: inbox.baseUrl },
    data: { title: "Ships today", shortcut, text: "Hi {{contact.name}}, your order ships today.", scope: "shared" },
  });
  expect(created.status(), await created.text()).toBe(201);

  await openConversation(admin.page, conversationId, bruno.name);
  const replyBox = composer(admin.page).getByRole("textbox", { name: "Reply to the customer" });
  await replyBox.click();
  await replyBox.pressSequentially(`/${shortcut.slice(0, 6)}`);
  const option = admin.page
    .getByTestId("composer-suggestions")
    .getByRole("option", { name: new RegExp(`/${shortcut} · Ships today`) });
  await expect(option).toBeVisible();
  await expect(option).toHaveAttribute("aria-selected", "true");
  await admin.page.screenshot({ path: screenshotPath("inbox-canned-picker") });
  await expectAccessible(admin.page, "composer · canned replies picker");
  await replyBox.press("Enter");
  await expect(replyBox).toHaveValue(`Hi ${bruno.name}, your order ships today.`);
  await replyBox.pressSequentially(" Tracking follows.");
  await replyBox.press("Enter");

  const text = `Hi ${bruno.name}, your order ships today. Tracking follows.`;
  await expect(thread(admin.page).getByTestId("message").filter({ hasText: text })).toBeVisible();
  await expect
    .poll(async () => (await graphRequests({ to: bruno.waId })).map((request) => request.body.text))
    .toContainEqual({ body: text, preview_url: false });

  // Escape closes the list and leaves the text as typed.
  await replyBox.pressSequentially("/nothing-like-this");
  await expect(admin.page.getByText("No canned reply matches.")).toBeVisible();
  await expectAccessible(admin.page, "composer · no canned reply matches");
  await replyBox.press("Escape");
  await expect(admin.page.getByTestId("composer-suggestions")).toHaveCount(0);
  await expect(replyBox).toHaveValue("/nothing-like-this");
});

test("Settings → Canned replies: an agent keeps their own and cannot edit the shared ones", async ({
  admin,
  addAgent,
  inbox,
}) => {
  const shortcut = `team${randomBytes(3).toString("hex")}`;
  const created = await admin.page.request.post("/api/canned-replies", {
    headers: { origin: inbox.baseUrl },
    data: { title: "Team greeting", shortcut, text: "Hello from {{business.name}}", scope: "shared" },
  });
  expect(created.status()).toBe(201);
  const agent = await addAgent(`Omar ${letters()}`);
  await agent.page.goto("/inbox");
  await agent.page.getByRole("link", { name: "Canned replies" }).click();
  await expect(agent.page.getByRole("heading", { name: "Canned replies", level: 1 })).toBeVisible();
  const shared = agent.page.getByTestId("canned-reply").filter({ hasText: `/${shortcut}` });
  await expect(shared).toContainText("Team greeting");
  await expect(shared.getByRole("button")).toHaveCount(0);
  await expectAccessible(agent.page, "settings · canned replies (agent)");

  await agent.page.getByRole("button", { name: "Add a canned reply" }).click();
  const own = `mine${randomBytes(3).toString("hex")}`;
  await agent.page.getByLabel("Title").fill("My sign-off");
  await agent.page.getByLabel("Shortcut").fill(own);
  await agent.page.getByLabel("Text").fill("Thanks, {{agent.name}}");
  await agent.page.getByRole("button", { name: "Add", exact: true }).click();
  const mine = agent.page.getByTestId("canned-reply").filter({ hasText: `/${own}` });
  await expect(mine).toContainText("My sign-off");
  await expect(mine.getByRole("button", { name: `Edit /${own}` })).toBeVisible();
  await agent.page.screenshot({ path: screenshotPath("settings-canned-replies"), fullPage: true });
  await expectAccessible(agent.page, "settings · canned replies, one added");
  await agent.page.setViewportSize({ width: 390, height: 844 });
  await agent.page.screenshot({ path: screenshotPath("settings-canned-replies-phone"), fullPage: true });

  await mine.getByRole("button", { name: `Delete /${own}` }).click();
  await expect(agent.page.getByRole("dialog")).toBeVisible();
  await expectAccessible(agent.page, "confirm dialog · delete a canned reply");
  await agent.page.getByRole("dialog").getByRole("button", { name: "Delete" }).click();
  await expect(mine).toHaveCount(0);
});
