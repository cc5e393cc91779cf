// What the E2E global setup started, handed to the test workers through one environment variable.
import { join } from "node:path";

export const E2E_DIR = join(import.meta.dirname, "..", "..", "..", ".data", "e2e");
export const RUN_ENV = "INBOX_E2E_RUN";
/** The admin's signed-in browser state, saved by the first-run test for the tests after it. */
export const ADMIN_STATE = join(E2E_DIR, "admin-state.json");

/**
 * The inbox specs' own server and database (tests/e2e/inbox-*.spec.ts). They post signed webhooks
 * all the time, so they need an App Secret that stays put — in the environment, unlike the main
 * server, whose App Secret the settings specs change — and a list no other spec adds to.
 */
export type InboxServer = {
  baseUrl: string;
  /** For the few rows a test seeds itself (messages sent before a test started, a window closed long ago). */
  databaseUrl: string;
  webhookKey: string;
  appSecret: string;
  /** The first admin, created by the server from ADMIN_EMAIL/ADMIN_PASSWORD at start-up. */
  adminName: string;
  adminEmail: string;
  adminPassword: string;
};

export type E2eRun = {
  baseUrl: string;
  /** Programs the fake Graph API and reads what it was sent (./graph-control.ts). */
  graphControlUrl: string;
  webhookKey: string;
  verifyToken: string;
  adminName: string;
  adminEmail: string;
  adminPassword: string;
  inbox: InboxServer;
};

export function e2eRun(): E2eRun {
  const raw = process.env[RUN_ENV];
  if (!raw) throw new Error(`${RUN_ENV} is not set: run the E2E tests with \`npm run test:e2e\``);
  return JSON.parse(raw) as E2eRun;
}
