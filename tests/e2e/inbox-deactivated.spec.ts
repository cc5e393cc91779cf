// An agent deactivated while their inbox is open is taken to sign-in: the Pusher server closes
// their socket (terminate_connections), and the page, finding its session gone, leaves — no "Live"
// badge on a page that can no longer load anything.
import { expect, test } from "./support/inbox";

test("a deactivated agent's open inbox goes to the sign-in page", async ({ admin, addAgent, inbox }) => {
  const noor = await addAgent("Noor Deactivated");
  await noor.page.goto("/inbox");
  await expect(noor.page.getByTestId("connection-status")).toHaveText("Live");

  const users = (await (await admin.context.request.get("/api/users")).json()) as {
    users: { id: string; email: string }[];
  };
  const id = users.users.find((user) => user.email === noor.email)?.id;
  expect(id).toBeTruthy();
  const deactivated = await admin.context.request.post(`/api/users/${id}/deactivate`, {
    headers: { origin: inbox.baseUrl },
    data: {},
  });
  expect(deactivated.status()).toBe(200);

  await expect(noor.page).toHaveURL(/\/login/);
});
