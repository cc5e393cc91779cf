// Finding conversations: by state, by who has them, by name, number or what was said.
import { expectAccessible } from "./support/accessibility";
import { customerWrites, newBusinessNumber, newCustomer } from "./support/customers";
import { expect, test } from "./support/inbox";
import { conversationIdOf } from "./support/inbox-db";
import {
  chooseFilter,
  conversationList,
  expectLive,
  expectRowsInOrder,
  row,
  rows,
  showOnlyNumber,
  thread,
} from "./support/inbox-ui";

test("state and assignee filters, search by name, number and message text, and nothing matching", async ({
  admin: { page },
}) => {
  const number = newBusinessNumber();
  const ana = newCustomer("Ana Ferreira");
  const bruno = newCustomer("Bruno Lima");
  const carla = newCustomer("Carla Mendes");
  const dmitri = newCustomer("Dmitri Volkov");
  // Newest last: the list shows Dmitri, Carla, Bruno, Ana.
  await customerWrites({ from: ana, to: number, text: "My parcel 7731 never arrived" });
  await customerWrites({ from: bruno, to: number, text: "Do you have gift cards?" });
  await customerWrites({ from: carla, to: number, text: "Thanks, all sorted" });
  await customerWrites({ from: dmitri, to: number, text: "Can I pay by invoice?" });
  const ids = {
    bruno: await conversationIdOf({ customer: bruno, number }),
    carla: await conversationIdOf({ customer: carla, number }),
    dmitri: await conversationIdOf({ customer: dmitri, number }),
  };

  await page.goto("/inbox");
  await expectLive(page);
  await showOnlyNumber(page, number);
  const status = conversationList(page).getByRole("group", { name: "Status" });
  await expect(status.getByRole("button", { name: /^Open(,|$)/ })).toHaveAttribute("aria-pressed", "true");
  await expectRowsInOrder(page, [dmitri.name, carla.name, bruno.name, ana.name]);
  await expectAccessible(page, "inbox list · four open conversations");

  // The agent works through them: Bruno waits for a colleague, Carla is done, Dmitri is theirs.
  const work = async (conversationId: string, name: string, step: () => Promise<unknown>) => {
    await row(page, conversationId).click();
    await expect(thread(page)).toHaveAccessibleName(`Conversation with ${name}`);
    await step();
  };
  await work(ids.bruno, bruno.name, () =>
    thread(page).getByRole("combobox", { name: "State" }).selectOption("Pending"),
  );
  await expect(row(page, ids.bruno)).toHaveCount(0);
  await work(ids.carla, carla.name, () =>
    thread(page).getByRole("combobox", { name: "State" }).selectOption("Resolved"),
  );
  await expect(row(page, ids.carla)).toHaveCount(0);
  await work(ids.dmitri, dmitri.name, () => thread(page).getByRole("button", { name: "Assign to me" }).click());
  await expect(thread(page).getByRole("button", { name: "Assign to me" })).toHaveCount(0);
  await expectAccessible(page, "inbox · thread open, assigned to me");

  await expectRowsInOrder(page, [dmitri.name, ana.name]);
  await chooseFilter(page, "Status", "Pending");
  await expectRowsInOrder(page, [bruno.name]);
  await chooseFilter(page, "Status", "Resolved");
  await expectRowsInOrder(page, [carla.name]);
  await chooseFilter(page, "Status", "All");
  await expectRowsInOrder(page, [dmitri.name, carla.name, bruno.name, ana.name]);

  await chooseFilter(page, "Assignee", "Mine");
  await expectRowsInOrder(page, [dmitri.name]);
  await chooseFilter(page, "Assignee", "Unassigned");
  await expectRowsInOrder(page, [carla.name, bruno.name, ana.name]);
  await chooseFilter(page, "Status", "Open");
  await expectRowsInOrder(page, [ana.name]);
  await chooseFilter(page, "Assignee", "Everyone");
  await chooseFilter(page, "Status", "All");
  await expectRowsInOrder(page, [dmitri.name, carla.name, bruno.name, ana.name]);

  const search = conversationList(page).getByRole("searchbox", { name: "Search conversations" });
  await search.fill("mendes");
  await expectRowsInOrder(page, [carla.name]);
  // The number as people write it (+55 11 9XXXX-XXXX): the digits are what counts.
  await search.fill(`+55 11 9${bruno.waId.slice(5, 9)}-${bruno.waId.slice(9)}`);
  await expectRowsInOrder(page, [bruno.name]);
  await search.fill(dmitri.waId.slice(-6));
  await expectRowsInOrder(page, [dmitri.name]);
  await search.fill("parcel 7731");
  await expectRowsInOrder(page, [ana.name]);
  await search.fill("gift card");
  await expectRowsInOrder(page, [bruno.name]);

  await search.fill("refund for order 0000");
  await expect(rows(page)).toHaveCount(0);
  await expect(conversationList(page).getByText("No conversations match")).toBeVisible();
  await search.fill("");
  await expectRowsInOrder(page, [dmitri.name, carla.name, bruno.name, ana.name]);
});

test("filters, search and the open conversation live in the URL: a reload keeps them, Back steps through them; tabs count", async ({
  admin: { page },
}) => {
  const number = newBusinessNumber();
  const ana = newCustomer("Ana Ferreira");
  const bruno = newCustomer("Bruno Lima");
  const carla = newCustomer("Carla Mendes");
  await customerWrites({ from: ana, to: number, text: "Where is my parcel?" });
  await customerWrites({ from: bruno, to: number, text: "Thanks, all sorted" });
  await customerWrites({ from: carla, to: number, text: "Do you ship to Porto?" });
  const brunoId = await conversationIdOf({ customer: bruno, number });

  await page.goto("/inbox");
  await expectLive(page);
  await showOnlyNumber(page, number);
  await expect(page).toHaveURL(/\/inbox\?number=/);
  const status = conversationList(page).getByRole("group", { name: "Status" });
  await expect(status.getByRole("button", { name: "Open, 3" })).toBeVisible();
  await row(page, brunoId).click();
  await thread(page).getByRole("combobox", { name: "State" }).selectOption("Resolved");
  // The tabs follow: two open, one resolved.
  await expect(status.getByRole("button", { name: "Open, 2" })).toBeVisible();
  await expect(status.getByRole("button", { name: "Resolved, 1" })).toBeVisible();

  await chooseFilter(page, "Status", "Resolved");
  await expect(page).toHaveURL(new RegExp(`/inbox/${brunoId}\\?status=resolved&number=`));
  const search = conversationList(page).getByRole("searchbox", { name: "Search conversations" });
  await search.fill("lima");
  await expect(page).toHaveURL(/&q=lima$/);
  await expectRowsInOrder(page, [bruno.name]);
  await expectAccessible(page, "inbox list · resolved, searched");

  await page.reload();
  await expectLive(page);
  await expect(search).toHaveValue("lima");
  await expect(status.getByRole("button", { name: /^Resolved/ })).toHaveAttribute("aria-pressed", "true");
  await expect(thread(page)).toHaveAccessibleName(`Conversation with ${bruno.name}`);
  await expectRowsInOrder(page, [bruno.name]);

  // Back: before the search, then before the Resolved tab.
  await page.goBack();
  await expect(search).toHaveValue("");
  await expect(page).not.toHaveURL(/q=/);
  await page.goBack();
  await expect(status.getByRole("button", { name: /^Open/ })).toHaveAttribute("aria-pressed", "true");
  await expectRowsInOrder(page, [carla.name, ana.name]);
});
