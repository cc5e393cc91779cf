// Two agents on one conversation know of each other, so they do not both answer the customer.
import { customerWrites, newBusinessNumber, newCustomer } from "./support/customers";
import { expect, test } from "./support/inbox";
import { conversationIdOf } from "./support/inbox-db";
import { openConversation, row, showOnlyNumber } from "./support/inbox-ui";

test("agents viewing the same conversation see each other, and the name goes when one leaves", async ({
  admin,
  addAgent,
}) => {
  const number = newBusinessNumber();
  const ana = newCustomer("Ana Ferreira");
  const bruno = newCustomer("Bruno Lima");
  await customerWrites({ from: bruno, to: number, text: "Where is my order?" });
  await customerWrites({ from: ana, to: number, text: "My parcel arrived damaged" });
  const anaId = await conversationIdOf({ customer: ana, number });
  const brunoId = await conversationIdOf({ customer: bruno, number });
  const noor = await addAgent("Noor Haddad");

  const adminPresence = (await openConversation(admin.page, anaId, ana.name)).getByTestId("presence");
  await expect(adminPresence).toBeEmpty();
  const noorPresence = (await openConversation(noor.page, anaId, ana.name)).getByTestId("presence");
  await expect(adminPresence).toHaveText(`${noor.name} is also viewing`);
  await expect(noorPresence).toHaveText(`${admin.name} is also viewing`);

  // Noor moves on to another conversation: she is no longer on Ana's.
  await showOnlyNumber(noor.page, number);
  await row(noor.page, brunoId).click();
  await expect(noor.page.getByTestId("thread")).toHaveAccessibleName(`Conversation with ${bruno.name}`);
  await expect(noorPresence).toBeEmpty();
  await expect(adminPresence).toBeEmpty();

  // Back again, then she closes the tab.
  await row(noor.page, anaId).click();
  await expect(adminPresence).toHaveText(`${noor.name} is also viewing`);
  await expect(noorPresence).toHaveText(`${admin.name} is also viewing`);
  await noor.page.close();
  await expect(adminPresence).toBeEmpty();
});
