// Replying: the bubble shows at once, gets its ✓ when Meta answers with the wamid, then follows
// Meta's status webhooks; every agent (and the sender's other tabs) sees it live. Failures say why,
// Retry sends a new message, and a closed window locks the composer and the API.
import { expectAccessible } from "./support/accessibility";
import type { Page, Request } from "@playwright/test";
import { customerWrites, metaReportsStatuses, newBusinessNumber, newCustomer } from "./support/customers";
import { screenshotPath } from "./support/fixtures";
import { graphRequests, metaWill } from "./support/graph-control";
import { expect, test } from "./support/inbox";
import { closeReplyWindow, conversationIdOf } from "./support/inbox-db";
import { composer, messages, openConversation, replyBox, row, thread } from "./support/inbox-ui";

/** Types a reply and presses Enter, as an agent does. */
async function reply(page: Page, text: string): Promise<void> {
  await replyBox(page).fill(text);
  await replyBox(page).press("Enter");
}

/** The wamid Meta gave a sent bubble (its ✓ shows then). */
async function wamidOf(page: Page, text: string): Promise<string> {
  const bubble = messages(page, text);
  // The send worker paces and batches; on a loaded machine Meta's answer takes a while to land.
  await expect(bubble).toHaveAttribute("data-wamid", /^wamid\./, { timeout: 30_000 });
  return (await bubble.getAttribute("data-wamid"))!;
}

// Several pages per test on a shared machine: each step is quick, their sum is not.
test.describe.configure({ timeout: 180_000 });

test("an agent's reply: pending, ✓ with Meta's wamid, then ✓✓ and blue from status webhooks — live for every agent and tab", async ({
  admin,
  addAgent,
}) => {
  const number = newBusinessNumber();
  const customer = newCustomer("Helena Duarte");
  const { wamid: question } = await customerWrites({ from: customer, to: number, text: "Is the café open on Sunday?" });
  const conversationId = await conversationIdOf({ customer, number });
  const noor = await addAgent("Noor Haddad");
  await openConversation(noor.page, conversationId, customer.name);
  await openConversation(admin.page, conversationId, customer.name);
  const otherTab = await admin.context.newPage();
  await openConversation(otherTab, conversationId, customer.name);

  // Noor starts writing: the admin sees it, so both do not answer.
  await replyBox(noor.page).pressSequentially("Let me check", { delay: 20 });
  await expect(thread(admin.page).getByTestId("typing")).toHaveText(`${noor.name} is typing…`);
  await replyBox(noor.page).fill("");

  // The request is held a moment, so the pending clock is seen before the server answers.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await admin.page.route(`**/api/conversations/${conversationId}/messages`, async (route) => {
    if (route.request().method() === "POST") await held;
    await route.fallback();
  });
  await messages(admin.page, "Is the café open on Sunday?").hover();
  await messages(admin.page, "Is the café open on Sunday?").getByRole("button", { name: "Reply" }).click();
  await reply(admin.page, "Yes, from 9 to 14.");
  const mine = messages(admin.page, "Yes, from 9 to 14.");
  await expect(mine.getByTestId("message-ticks")).toHaveAttribute("aria-label", "Pending");
  await expect(mine.getByTestId("message-author")).toHaveText("You");
  await expect(mine.getByTestId("quoted-message")).toContainText("Is the café open on Sunday?");
  await expect(replyBox(admin.page)).toHaveValue("");
  release();

  const wamid = await wamidOf(admin.page, "Yes, from 9 to 14.");
  await expect(mine.getByTestId("message-ticks")).toHaveAttribute("aria-label", "Sent");
  await expect(mine).toHaveCount(1);
  // Sent to Meta as a reply to the customer's message.
  const [sent] = (await graphRequests({ to: customer.waId })).filter((r) => r.body.type === "text");
  expect(sent?.body).toMatchObject({
    type: "text",
    text: { body: "Yes, from 9 to 14." },
    context: { message_id: question },
  });
  // Replying assigned the conversation to the admin.
  await expect(thread(admin.page).getByRole("combobox", { name: "Assignee" })).toHaveValue(/.+/);
  await expect(composer(admin.page).getByTestId("composer-hint")).toBeEmpty();

  // Every agent sees it, named; the sender's other tab too, once.
  for (const [page, author] of [
    [noor.page, admin.name],
    [otherTab, "You"],
  ] as const) {
    const bubble = messages(page, "Yes, from 9 to 14.");
    await expect(bubble).toHaveCount(1);
    await expect(bubble.getByTestId("message-author")).toHaveText(author);
    await expect(bubble.getByTestId("message-ticks")).toHaveAttribute("aria-label", "Sent");
  }

  const sentAt = Math.floor(Date.now() / 1000);
  for (const [offset, status, label] of [
    [1, "delivered", "Delivered"],
    [2, "read", "Read"],
  ] as const) {
    await metaReportsStatuses({
      number,
      recipient: customer,
      statuses: [{ wamid, status, timestamp: sentAt + offset }],
    });
    for (const page of [admin.page, noor.page, otherTab]) {
      await expect(messages(page, "Yes, from 9 to 14.").getByTestId("message-ticks")).toHaveAttribute(
        "aria-label",
        label,
      );
    }
  }
  await expectAccessible(admin.page, "thread · our reply read");
  await admin.page.screenshot({ path: screenshotPath("thread · our reply read") });
  await noor.page.setViewportSize({ width: 390, height: 844 });
  await expectAccessible(noor.page, "thread · our reply at 390 px (a colleague's view)");
  await noor.page.screenshot({ path: screenshotPath("thread · our reply at 390 px (a colleague's view)") });
});

test("a send Meta refuses says why and what to do; Retry sends it as a new message", async ({ admin: { page } }) => {
  const number = newBusinessNumber();
  const customer = newCustomer("Ivo Pereira");
  await customerWrites({ from: customer, to: number, text: "Can you send the invoice?" });
  const conversationId = await conversationIdOf({ customer, number });
  await openConversation(page, conversationId, customer.name);

  await metaWill({
    recipient: customer.waId,
    times: 1,
    behaviour: {
      error: {
        status: 400,
        message: "(#131000) Something went wrong",
        type: "OAuthException",
        code: 131000,
        details: "Something went wrong on Meta's side",
      },
    },
  });
  await reply(page, "Here it is: INV-2291");
  const failed = messages(page, "Here it is: INV-2291");
  await expect(failed).toHaveAttribute("data-send-state", "failed");
  const problem = failed.getByTestId("send-problem");
  // Meta's message and its code once: "Something went wrong (code 131000)".
  await expect(problem.locator("p").first()).toHaveText("Something went wrong (code 131000)");
  await expect(problem).toContainText("Meta reported an internal error. Try again in a moment.");
  await expectAccessible(page, "thread · a send Meta refused");
  await page.screenshot({ path: screenshotPath("thread · a send Meta refused") });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: screenshotPath("reply-failed-390") });
  await page.setViewportSize({ width: 1280, height: 800 });

  await problem.getByRole("button", { name: "Retry" }).click();
  await expect(problem.getByTestId("retried")).toBeVisible();
  await expect(messages(page, "Here it is: INV-2291")).toHaveCount(2);
  const retried = messages(page, "Here it is: INV-2291").last();
  await expect(retried.getByTestId("message-ticks")).toHaveAttribute("aria-label", "Sent");
  const texts = (await graphRequests({ to: customer.waId })).filter((r) => r.body.type === "text");
  expect(texts).toHaveLength(2);
});

test("once the 24-hour window closed the composer is locked and the API refuses free text", async ({
  admin: { page },
}) => {
  const number = newBusinessNumber();
  const customer = newCustomer("Joana Reis");
  await customerWrites({ from: customer, to: number, text: "Thank you!" });
  const conversationId = await conversationIdOf({ customer, number });
  await closeReplyWindow(conversationId);

  await openConversation(page, conversationId, customer.name);
  await expect(composer(page)).toHaveAttribute("data-locked", "true");
  await expect(replyBox(page)).toHaveCount(0);
  const response = await page.request.post(`/api/conversations/${conversationId}/messages`, {
    headers: { origin: new URL(page.url()).origin },
    data: { clientId: crypto.randomUUID(), type: "text", text: "Are you still there?" },
  });
  expect(response.status()).toBe(422);
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe("window_closed");
  expect(await graphRequests({ to: customer.waId })).toHaveLength(0);
});

test("reactions to a customer's message: one of ours, replaced by the next, removed with an empty emoji", async ({
  admin: { page },
}) => {
  const number = newBusinessNumber();
  const customer = newCustomer("Kai Moreira");
  const { wamid } = await customerWrites({ from: customer, to: number, text: "The parcel arrived, thanks!" });
  const conversationId = await conversationIdOf({ customer, number });
  await openConversation(page, conversationId, customer.name);
  const bubble = messages(page, "The parcel arrived, thanks!");

  const react = async (name: string) => {
    await bubble.hover();
    await bubble.getByRole("button", { name: "React", exact: true }).click();
    await page.getByRole("dialog", { name: "React to this message" }).getByRole("button", { name }).click();
  };
  const reactionsSent = async () =>
    (await graphRequests({ to: customer.waId }))
      .filter((r) => r.body.type === "reaction")
      .map((r) => r.body.reaction as { message_id: string; emoji: string });

  await react("React 👍");
  await bubble.hover();
  await bubble.getByRole("button", { name: "React", exact: true }).click();
  await expect(page.getByRole("dialog", { name: "React to this message" })).toBeVisible();
  await expectAccessible(page, "reaction menu");
  await page.keyboard.press("Escape");
  await expect(bubble.getByRole("button", { name: "React", exact: true })).toBeFocused();
  await expect(bubble.getByTestId("reactions")).toHaveAccessibleName("Reactions: 👍 1");
  await expect.poll(reactionsSent).toEqual([{ message_id: wamid, emoji: "👍" }]);
  await react("React ❤️");
  await expect(bubble.getByTestId("reactions")).toHaveAccessibleName("Reactions: ❤️ 1");
  await expect.poll(async () => (await reactionsSent()).at(-1)).toEqual({ message_id: wamid, emoji: "❤️" });
  await react("Remove my reaction ❤️");
  await expect(bubble.getByTestId("reactions")).toHaveCount(0);
  await expect.poll(async () => (await reactionsSent()).at(-1)).toEqual({ message_id: wamid, emoji: "" });

  // The fuller picker loads its emoji data from the app itself.
  await bubble.hover();
  await bubble.getByRole("button", { name: "React", exact: true }).click();
  const emojiData = page.waitForResponse((response) => response.url().endsWith("/api/emoji/en/data.json"));
  await page.getByRole("button", { name: "More emoji" }).click();
  expect((await emojiData).status()).toBe(200);
  const search = page.getByRole("searchbox", { name: "Search emoji" }).or(page.getByLabel("Search emoji"));
  await expect(search).toBeVisible();
  // Opened, it takes the focus: the keyboard picks from it (arrows, Enter) without the mouse.
  await expect(search).toBeFocused();
  // Nothing cuts the picker off (the only message is at the top of the thread's page): a click on its
  // search box lands there, and so does one on its first emoji.
  await search.click({ timeout: 5_000 });
  await page.keyboard.type("party");
  await expect(search).toHaveValue("party");
  await expect(page.getByRole("gridcell").first()).toBeVisible();
  await expect
    .poll(() =>
      page
        .getByRole("gridcell")
        .first()
        .evaluate((cell) => {
          const box = cell.getBoundingClientRect();
          return cell.contains(document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2));
        }),
    )
    .toBe(true);
  await expectAccessible(page, "reaction menu · the full emoji picker");
  await page.screenshot({ path: screenshotPath("reaction menu · the full emoji picker") });
  // The keyboard alone: the first result, then Enter.
  await search.focus();
  await page.keyboard.press("ArrowDown");
  const active = page.getByRole("gridcell", { selected: true });
  await expect(active).toHaveCount(1);
  const chosen = (await active.textContent())!.trim();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("dialog", { name: "React to this message" })).toHaveCount(0);
  await expect(bubble.getByTestId("reactions")).toHaveAccessibleName(`Reactions: ${chosen} 1`);
  await expect.poll(async () => (await reactionsSent()).at(-1)).toEqual({ message_id: wamid, emoji: chosen });
  // Our own messages have no React action.
  await reply(page, "Glad to hear it!");
  const ours = messages(page, "Glad to hear it!");
  await expect(ours).toHaveAttribute("data-wamid", /^wamid\./);
  await ours.hover();
  await expect(ours.getByRole("button", { name: "React", exact: true })).toHaveCount(0);
});

test("a send that got no answer is 'Not confirmed', and Retry asks before sending it again", async ({
  admin: { page },
}) => {
  const number = newBusinessNumber();
  const customer = newCustomer("Luz Barros");
  await customerWrites({ from: customer, to: number, text: "Did you get my photos?" });
  const conversationId = await conversationIdOf({ customer, number });
  await openConversation(page, conversationId, customer.name);

  await metaWill({ recipient: customer.waId, times: 1, behaviour: { reset: true } });
  await reply(page, "Yes, all three arrived.");
  const first = messages(page, "Yes, all three arrived.");
  // Replying made it this agent's conversation: the header says so, as the list row does.
  await expect(row(page, conversationId)).toContainText("Assigned to");
  await expect(thread(page).getByRole("button", { name: "Assign to me" })).toHaveCount(0);
  await expect(composer(page).getByTestId("composer-hint")).not.toHaveText(
    "Replying assigns this conversation to you.",
  );
  await expect(first).toHaveAttribute("data-send-state", "unknown");
  await expect(first.getByTestId("send-problem")).toContainText("Not confirmed");
  // In words first; the technical account (host, error code) below it.
  await expect(first.getByTestId("send-problem")).toContainText("The connection to Meta broke before it answered");
  await expect(first.getByTestId("send-problem")).toContainText(/Technical detail: the connection to .+ ended/);
  await expectAccessible(page, "thread · a send not confirmed");
  await page.screenshot({ path: screenshotPath("thread · a send not confirmed") });

  await first.getByRole("button", { name: "Retry" }).click();
  const confirm = page.getByRole("dialog", { name: "Send it again?" });
  await expect(confirm).toContainText("This message may already have reached the customer. Send it again?");
  await expectAccessible(page, "confirm dialog · send it again?");
  await confirm.getByRole("button", { name: "Cancel" }).click();
  // Focus goes back to the Retry that opened the question.
  await expect(first.getByRole("button", { name: "Retry" })).toBeFocused();
  await expect(messages(page, "Yes, all three arrived.")).toHaveCount(1);

  await first.getByRole("button", { name: "Retry" }).click();
  await confirm.getByRole("button", { name: "Send again" }).click();
  await expect(messages(page, "Yes, all three arrived.")).toHaveCount(2);
  await expect(first.getByTestId("retried")).toBeVisible();
  await expect(messages(page, "Yes, all three arrived.").last()).toHaveAttribute("data-wamid", /^wamid\./);
});

test("a reply while the conversation is being read again leaves the header saying it is this agent's", async ({
  admin: { page },
}) => {
  const number = newBusinessNumber();
  const customer = newCustomer("Rita Sousa");
  await customerWrites({ from: customer, to: number, text: "Is my order on its way?" });
  const conversationId = await conversationIdOf({ customer, number });

  // The page reads the conversation again once it is live (anything may have changed before); that
  // answer is held until after the reply, as a slow network or a busy server would deliver it.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  let asked = () => {};
  const readAgain = new Promise<void>((resolve) => (asked = resolve));
  let reads = 0;
  let answered: (request: Request | null) => void = () => {};
  const delivered = new Promise<Request | null>((resolve) => (answered = resolve));
  await page.route(`**/api/conversations/${conversationId}`, async (route) => {
    reads += 1;
    if (route.request().method() !== "GET" || reads > 1) return route.continue();
    const response = await route.fetch(); // read now: the conversation is still unassigned
    asked();
    await held;
    // The page may have dropped it (asked again instead): then there is nothing to deliver.
    const taken = await route.fulfill({ response }).then(
      () => true,
      () => false,
    );
    answered(taken ? route.request() : null);
  });
  await openConversation(page, conversationId, customer.name);
  await readAgain;
  await expect(composer(page).getByTestId("composer-hint")).toHaveText("Replying assigns this conversation to you.");

  await reply(page, "It left the warehouse this morning.");
  await expect(row(page, conversationId)).toContainText("Assigned to");
  const assignee = thread(page).getByRole("combobox", { name: "Assignee" });
  await expect(assignee.locator("option:checked")).toContainText("(me)");

  // The answer read before the reply arrives now: it must not put "Unassigned" back.
  release();
  const stale = await delivered;
  if (stale) {
    // Delivered: its body read to the end, then a task and two frames for the cache and React.
    await (await stale.response())?.finished();
    await page.evaluate(
      () => new Promise((resolve) => setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(resolve)), 0)),
    );
  }
  await expect(assignee.locator("option:checked")).toContainText("(me)");
  await expect(thread(page).getByRole("button", { name: "Assign to me" })).toHaveCount(0);
  await expect(composer(page).getByTestId("composer-hint")).not.toHaveText(
    "Replying assigns this conversation to you.",
  );
});
