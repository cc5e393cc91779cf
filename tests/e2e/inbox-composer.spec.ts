// The reply box before anything is sent: drafts that survive switching and reloading, the quote,
// the keyboard, what another agent sees while one types, and the lock once the window closed.
import { expectAccessible } from "./support/accessibility";
import { customerWrites, newBusinessNumber, newCustomer } from "./support/customers";
import { screenshotPath } from "./support/fixtures";
import { expect, test } from "./support/inbox";
import { closeReplyWindow, conversationIdOf } from "./support/inbox-db";
import { composer, messages, openConversation, replyBox, row, showOnlyNumber, thread } from "./support/inbox-ui";

// Several pages per test on a shared machine: each step is quick, their sum is not.
test.describe.configure({ timeout: 180_000 });

test("drafts stay with their conversation through switching and a reload; r, q and Escape work the quote", async ({
  admin: { page },
}) => {
  const number = newBusinessNumber();
  const ana = newCustomer("Ana Ferreira");
  const bruno = newCustomer("Bruno Lima");
  await customerWrites({ from: bruno, to: number, text: "Do you have size 42?" });
  await customerWrites({ from: ana, to: number, text: "Can I change the delivery address?" });
  await customerWrites({ from: ana, to: number, text: "It is Rua Augusta 12 now" });
  const anaId = await conversationIdOf({ customer: ana, number });
  const brunoId = await conversationIdOf({ customer: bruno, number });

  await openConversation(page, anaId, ana.name);
  await expect(composer(page).getByTestId("composer-hint")).toHaveText("Replying assigns this conversation to you.");
  await expect(composer(page).getByRole("button", { name: "Send" })).toBeDisabled();

  // r writes a reply; q quotes the customer's latest message; Escape drops the quote, not the text.
  await page.keyboard.press("r");
  await expect(replyBox(page)).toBeFocused();
  await page.keyboard.type("Sure, I will change it");
  await replyBox(page).blur();
  await page.keyboard.press("q");
  const quote = composer(page).getByTestId("composer-quote");
  await expect(quote).toContainText("It is Rua Augusta 12 now");
  await expect(replyBox(page)).toBeFocused();
  await page.keyboard.press("Shift+Enter");
  await page.keyboard.type("to Rua Augusta 12.");
  await expect(replyBox(page)).toHaveValue("Sure, I will change it\nto Rua Augusta 12.");
  await expectAccessible(page, "composer · a reply quoting a message");
  await page.screenshot({ path: screenshotPath("composer · a reply quoting a message") });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: screenshotPath("composer-quote-390") });
  await page.setViewportSize({ width: 1280, height: 800 });

  // Another conversation has its own (empty) draft; coming back brings both text and quote back.
  await showOnlyNumber(page, number);
  await row(page, brunoId).click();
  await expect(thread(page)).toHaveAccessibleName(`Conversation with ${bruno.name}`);
  await expect(replyBox(page)).toHaveValue("");
  await replyBox(page).fill("We do, in black and white");
  await row(page, anaId).click();
  await expect(thread(page)).toHaveAccessibleName(`Conversation with ${ana.name}`);
  await expect(replyBox(page)).toHaveValue("Sure, I will change it\nto Rua Augusta 12.");
  await expect(quote).toContainText("It is Rua Augusta 12 now");
  await page.reload();
  await expect(replyBox(page)).toHaveValue("Sure, I will change it\nto Rua Augusta 12.");
  await expect(quote).toContainText("It is Rua Augusta 12 now");
  await replyBox(page).focus();
  await page.keyboard.press("Escape");
  await expect(quote).toHaveCount(0);
  await expect(replyBox(page)).toHaveValue("Sure, I will change it\nto Rua Augusta 12.");

  // The hover action quotes a specific message.
  const first = messages(page, "Can I change the delivery address?");
  await first.hover();
  await first.getByRole("button", { name: "Reply" }).click();
  await expect(quote).toContainText("Can I change the delivery address?");

  // Near the limit a counter shows; over it, Send is off and says why — and the text stays.
  await replyBox(page).fill("x".repeat(4_100));
  await expect(composer(page).getByTestId("composer-counter")).toHaveText("4,100 / 4,096");
  await expect(composer(page).getByRole("button", { name: "Send" })).toBeDisabled();
  await expect(composer(page).getByTestId("composer-hint")).toContainText("4,096 characters");
});

test("an agent writing a reply shows as typing to the other, never to themselves", async ({ admin, addAgent }) => {
  const number = newBusinessNumber();
  const carla = newCustomer("Carla Mendes");
  await customerWrites({ from: carla, to: number, text: "Is the blue jacket back in stock?" });
  const carlaId = await conversationIdOf({ customer: carla, number });
  const noor = await addAgent("Noor Haddad");

  await openConversation(admin.page, carlaId, carla.name);
  await openConversation(noor.page, carlaId, carla.name);
  await expect(admin.page.getByTestId("presence")).toHaveText(`${noor.name} is also viewing`);

  await replyBox(noor.page).pressSequentially("Let me check the stock", { delay: 20 });
  await expect(thread(admin.page).getByTestId("typing")).toHaveText(`${noor.name} is typing…`);
  await expect(thread(noor.page).getByTestId("typing")).toBeEmpty();
  await expectAccessible(admin.page, "thread · a colleague typing");
  await admin.page.screenshot({ path: screenshotPath("thread · a colleague typing") });
  await admin.page.setViewportSize({ width: 390, height: 844 });
  await replyBox(noor.page).pressSequentially(" for you", { delay: 20 });
  await expect(thread(admin.page).getByTestId("typing")).toHaveText(`${noor.name} is typing…`);
  await admin.page.screenshot({ path: screenshotPath("composer-typing-390") });
  // Without a new keystroke the line goes after a few seconds.
  await expect(thread(admin.page).getByTestId("typing")).toBeEmpty({ timeout: 10_000 });
});

test("once the 24-hour window closed the composer is locked and says why", async ({ admin: { page } }) => {
  const number = newBusinessNumber();
  const dora = newCustomer("Dora Santos");
  await customerWrites({ from: dora, to: number, text: "Thanks for yesterday!" });
  const doraId = await conversationIdOf({ customer: dora, number });
  await closeReplyWindow(doraId);

  await openConversation(page, doraId, dora.name);
  await expect(composer(page)).toHaveAttribute("data-locked", "true");
  await expect(composer(page)).toContainText("The 24-hour reply window closed");
  await expect(replyBox(page)).toHaveCount(0);
  await expect(thread(page).getByTestId("reply-window")).toHaveAttribute("data-state", "closed");
  // No reply or reaction actions on the customer's message either.
  await expect(messages(page, "Thanks for yesterday!").getByTestId("message-actions")).toHaveCount(0);
  await expectAccessible(page, "composer · window closed");
  await page.screenshot({ path: screenshotPath("composer · window closed") });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: screenshotPath("composer-locked-390") });
});

test("a reply that cannot reach the server says so on its bubble, and the text comes back", async ({
  admin: { page },
}) => {
  const number = newBusinessNumber();
  const eva = newCustomer("Eva Rocha");
  await customerWrites({ from: eva, to: number, text: "Do you deliver on Saturdays?" });
  const evaId = await conversationIdOf({ customer: eva, number });
  await openConversation(page, evaId, eva.name);

  await page.route(`**/api/conversations/${evaId}/messages`, (route) =>
    route.request().method() === "POST" ? route.abort("internetdisconnected") : route.fallback(),
  );
  await replyBox(page).fill("Yes, until 14:00");
  await replyBox(page).press("Enter");
  const bubble = messages(page, "Yes, until 14:00");
  await expect(bubble).toHaveAttribute("data-send-state", "failed");
  await expect(bubble.getByTestId("send-problem")).toContainText("Could not reach the server");
  await expect(composer(page).getByRole("alert")).toContainText("Not sent: Could not reach the server");
  await expect(replyBox(page)).toHaveValue("Yes, until 14:00");
  await expect(bubble.getByRole("button", { name: "Retry" })).toBeVisible();
  await expectAccessible(page, "composer · a reply that could not reach the server");
  await page.screenshot({ path: screenshotPath("composer · a reply that could not reach the server") });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: screenshotPath("composer-failed-390") });

  await bubble.getByRole("button", { name: "Discard" }).click();
  await expect(bubble).toHaveCount(0);
  await expect(replyBox(page)).toHaveValue("Yes, until 14:00");
});

test("while sending is paused everyone sees why; admins get the way to fix it", async ({ admin, addAgent }) => {
  const number = newBusinessNumber();
  const gil = newCustomer("Gil Nunes");
  await customerWrites({ from: gil, to: number, text: "Hello?" });
  const gilId = await conversationIdOf({ customer: gil, number });
  const noor = await addAgent("Noor Haddad");
  // Pausing the shared server would hold every other test's replies: this shows the browser's side
  // of a pause, as GET /api/sending-status reports one.
  const paused = {
    paused: true,
    accessTokenMissing: false,
    problem: {
      code: 190,
      title: "Error validating access token: Session has expired",
      advice: "The access token has expired or is invalid, so sending is paused for everyone.",
      since: new Date().toISOString(),
    },
  };
  for (const page of [admin.page, noor.page]) {
    await page.route("**/api/sending-status", (route) => route.fulfill({ json: paused }));
    await openConversation(page, gilId, gil.name);
    const banner = page.getByRole("alert").filter({ hasText: "Sending is paused" });
    await expect(banner).toContainText("The access token has expired or is invalid");
    await expect(composer(page).getByRole("button", { name: "Send" })).toBeDisabled();
  }
  await expect(admin.page.getByRole("link", { name: "Settings → WhatsApp connection" })).toHaveAttribute(
    "href",
    "/settings/whatsapp",
  );
  await expect(admin.page.getByRole("button", { name: "Resume sending" })).toBeVisible();
  await expect(noor.page.getByRole("link", { name: "Settings → WhatsApp connection" })).toHaveCount(0);
  await expect(noor.page.getByText("Tell an admin.")).toBeVisible();
  await replyBox(noor.page).fill("I will answer as soon as it works");
  await expect(composer(noor.page).getByTestId("composer-hint")).toContainText("Sending is paused");
  await expectAccessible(admin.page, "inbox · sending paused (admin)");
  await admin.page.screenshot({ path: screenshotPath("inbox · sending paused (admin)") });
});
