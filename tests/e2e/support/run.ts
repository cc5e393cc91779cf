// What the E2E global setup started, handed to the test workers through one environment variable.
import { join } from "node:path";

export const E2E_DIR = join(import.meta.dirname, "..", "..", "..", ".data", "e2e");
export const RUN_ENV = "INBOX_E2E_RUN";
/** The admin's signed-in browser state, saved by the first-run test for the tests after it. */
export const ADMIN_STATE = join(E2E_DIR, "admin-state.json");

export type E2eRun = {
  baseUrl: string;
  webhookKey: string;
  verifyToken: string;
  adminName: string;
  adminEmail: string;
  adminPassword: string;
};

export function e2eRun(): E2eRun {
  const raw = process.env[RUN_ENV];
  if (!raw) throw new Error(`${RUN_ENV} is not set: run the E2E tests with \`npm run test:e2e\``);
  return JSON.parse(raw) as E2eRun;
}
