// The `test` of the inbox specs (tests/e2e/inbox-*.spec.ts): pages on the inbox server (see
// global-setup.ts), its admin signed in, and agents the admin adds, each in a browser context of
// their own — as people on other computers. The specs run in parallel: every test brings its own
// customers and business number (./customers.ts), never relying on what another test left.
import {
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  test as base,
  expect,
  type Page,
} from "@playwright/test";
import { randomBytes } from "node:crypto";
import { e2eRun, type InboxServer } from "./run";

export { expect };

type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;

/** A signed-in person at their own browser. */
export type Person = { name: string; email: string; context: BrowserContext; page: Page };

type InboxFixtures = {
  inbox: InboxServer;
  /** The inbox server's admin, signed in, on a blank page. */
  admin: Person;
  /** Has the admin add an agent (POST /api/users, as the users page does) and signs them in. */
  addAgent: (name: string) => Promise<Person>;
};

export const test = base.extend<InboxFixtures, { adminState: StorageState }>({
  // eslint-disable-next-line no-empty-pattern
  baseURL: async ({}, use) => use(e2eRun().inbox.baseUrl),
  // eslint-disable-next-line no-empty-pattern
  inbox: async ({}, use) => use(e2eRun().inbox),
  // One sign-in per worker: its session serves every test of that worker.
  adminState: [
    async ({ playwright }, use) => {
      const { inbox } = e2eRun();
      const request = await playwright.request.newContext({ baseURL: inbox.baseUrl });
      await signInWithApi(request, inbox.baseUrl, inbox.adminEmail, inbox.adminPassword);
      await use(await request.storageState());
      await request.dispose();
    },
    { scope: "worker" },
  ],
  admin: async ({ browser, adminState, inbox }, use) => {
    const context = await browser.newContext({ storageState: adminState });
    await use({ name: inbox.adminName, email: inbox.adminEmail, context, page: await context.newPage() });
    await context.close();
  },
  addAgent: async ({ browser, playwright, adminState, inbox }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (name) => {
      const email = `${name.toLowerCase().replace(/[^a-z]+/g, ".")}.${randomBytes(4).toString("hex")}@example.com`;
      const password = `agent-pw-${randomBytes(8).toString("hex")}`;
      const asAdmin = await playwright.request.newContext({ baseURL: inbox.baseUrl, storageState: adminState });
      try {
        const created = await asAdmin.post("/api/users", {
          headers: { origin: inbox.baseUrl },
          data: { name, email, password, role: "agent" },
        });
        expect(created.status(), `adding the agent ${email}: ${await created.text()}`).toBe(201);
      } finally {
        await asAdmin.dispose();
      }
      const person = await signIn(browser, { name, email, password });
      contexts.push(person.context);
      return person;
    });
    for (const context of contexts) await context.close();
  },
});

/** Signs in through better-auth's endpoint (what the sign-in form posts) in a new browser context. */
export async function signIn(
  browser: Browser,
  { name, email, password }: { name: string; email: string; password: string },
): Promise<Person> {
  const { baseUrl } = e2eRun().inbox;
  const context = await browser.newContext();
  await signInWithApi(context.request, baseUrl, email, password);
  return { name, email, context, page: await context.newPage() };
}

async function signInWithApi(request: APIRequestContext, baseUrl: string, email: string, password: string) {
  // The Origin header is what a browser adds to the form's post; better-auth refuses a post without one.
  const response = await request.post(`${baseUrl}/api/auth/sign-in/email`, {
    headers: { origin: baseUrl },
    data: { email, password },
  });
  expect(response.status(), `signing in ${email}: ${await response.text()}`).toBe(200);
}
