// Working the inbox from the keyboard: j/k through the list, / to search, e to resolve, ? for help.
import { customerWrites, newBusinessNumber, newCustomer } from "./support/customers";
import { expect, test } from "./support/inbox";
import { conversationIdOf } from "./support/inbox-db";
import {
  chooseFilter,
  conversationList,
  expectLive,
  expectRowsInOrder,
  row,
  showOnlyNumber,
  thread,
} from "./support/inbox-ui";

test("j and k move through the list, / searches, e resolves, ? shows the shortcuts and Escape hides them", async ({
  admin: { page },
}) => {
  const number = newBusinessNumber();
  const ana = newCustomer("Ana Ferreira");
  const bruno = newCustomer("Bruno Lima");
  const carla = newCustomer("Carla Mendes");
  await customerWrites({ from: ana, to: number, text: "Is the shop open today?" });
  await customerWrites({ from: bruno, to: number, text: "I need a receipt" });
  await customerWrites({ from: carla, to: number, text: "Can I return shoes?" });
  const ids = {
    ana: await conversationIdOf({ customer: ana, number }),
    bruno: await conversationIdOf({ customer: bruno, number }),
    carla: await conversationIdOf({ customer: carla, number }),
  };

  await page.goto("/inbox");
  await expectLive(page);
  await showOnlyNumber(page, number);
  await expectRowsInOrder(page, [carla.name, bruno.name, ana.name]);
  // Keys typed into the Number menu are the menu's: the agent leaves it first.
  await conversationList(page).getByRole("combobox", { name: "Number" }).blur();

  const selected = (id: string, name: string) =>
    Promise.all([
      expect(row(page, id)).toHaveAttribute("aria-current", "page"),
      expect(thread(page)).toHaveAccessibleName(`Conversation with ${name}`),
      expect(page).toHaveURL(new RegExp(`/inbox/${id}(\\?|$)`)),
    ]);
  await page.keyboard.press("j");
  await selected(ids.carla, carla.name);
  await page.keyboard.press("j");
  await selected(ids.bruno, bruno.name);
  await expect(row(page, ids.carla)).not.toHaveAttribute("aria-current", "page");
  await page.keyboard.press("j");
  await selected(ids.ana, ana.name);
  await page.keyboard.press("k");
  await selected(ids.bruno, bruno.name);
  await expect(row(page, ids.ana)).not.toHaveAttribute("aria-current", "page");

  await page.keyboard.press("e");
  // Resolved: Bruno leaves the Open list, the next conversation opens, and a notice offers an undo.
  await expect(row(page, ids.bruno)).toHaveCount(0);
  await expectRowsInOrder(page, [carla.name, ana.name]);
  await selected(ids.ana, ana.name);
  const notice = page.getByTestId("undo-toast");
  await expect(notice).toContainText(`${bruno.name} resolved`);
  // z takes it back: Bruno is open again, and open on screen.
  await page.keyboard.press("z");
  await expect(notice).toBeHidden();
  await selected(ids.bruno, bruno.name);
  await expect(row(page, ids.bruno)).toBeVisible();
  await expect(thread(page).getByRole("combobox", { name: "State" })).toHaveValue("open");

  await page.keyboard.press("e");
  await expect(row(page, ids.bruno)).toHaveCount(0);
  await selected(ids.ana, ana.name);
  await expect(notice).toContainText(`${bruno.name} resolved`);
  await chooseFilter(page, "Status", "Resolved");
  await expectRowsInOrder(page, [bruno.name]);
  await chooseFilter(page, "Status", "Open");
  await expectRowsInOrder(page, [carla.name, ana.name]);

  await page.keyboard.press("/");
  const search = conversationList(page).getByRole("searchbox", { name: "Search conversations" });
  await expect(search).toBeFocused();
  // In the search box letters are letters: the e's of "ferreira" resolve nothing, move nothing.
  await page.keyboard.type("ferreira");
  await expect(search).toHaveValue("ferreira");
  await expectRowsInOrder(page, [ana.name]);
  await expect(page).toHaveURL(new RegExp(`/inbox/${ids.ana}\\?`));
  await search.fill("");
  await search.blur();

  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();
});
