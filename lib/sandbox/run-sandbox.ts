// `npm start` in sandbox mode: the Graph API stand-in on its own port, with the demo's numbers,
// templates and customers, posting Meta's webhooks to this app; the demo's history is written once.
import { randomBytes } from "node:crypto";
import { getDb } from "@/lib/db/client";
import { getSetting, updateSetting } from "@/lib/db/settings";
import { getWebhookConfig } from "@/lib/settings/webhook-config";
import { addCustomer, customerSends } from "./customers";
import { markDemoPhoneNumbers } from "@/lib/db/demo-data";
import {
  DEMO_CUSTOMERS,
  DEMO_DELETED_KEY,
  DEMO_HISTORY,
  DEMO_HOUR_MS,
  DEMO_NUMBERS,
  DEMO_SEEDED_KEY,
  DEMO_WABA_ID,
  installDemo,
} from "./demo";
import { type GraphSandbox, startGraphSandbox } from "./graph-api";
import { META_LIMITS } from "./graph-limits";
import { SANDBOX_ACCESS_TOKEN } from "./token";

/** The stand-in `npm start` runs, and the secret its webhooks are signed with. */
export type RunningSandbox = GraphSandbox & { webhookSecret: string };

export async function runSandbox({
  port,
  appPort,
  statusDelayMs,
}: {
  port: number;
  /** The app's own port: webhooks go to it on loopback, whatever APP_URL says. */
  appPort: number;
  statusDelayMs: number;
}): Promise<RunningSandbox> {
  const sandbox = await startGraphSandbox({ port });
  sandbox.tokens.set(SANDBOX_ACCESS_TOKEN, "valid");
  sandbox.simulateEveryRecipient = true;
  sandbox.statusDelayMs = statusDelayMs;
  // Meta's limits and its untidy status webhooks (the tests turn these on only where they check them).
  sandbox.limits = { ...META_LIMITS };
  sandbox.statusQuirks = { outOfOrder: 0.15, duplicate: 0.15 };
  // Never the app's App Secret, which may be a real one: a secret of this run's own, which
  // `npm start` hands the server (SANDBOX_WEBHOOK_SECRET), believed only while the sandbox is available.
  const webhookSecret = randomBytes(32).toString("base64url");
  // Asked before every post: a rotated webhook key is used within the config's TTL.
  sandbox.webhookTarget = async () => {
    const config = await getWebhookConfig();
    return { url: `http://127.0.0.1:${appPort}/api/webhooks/whatsapp/${config.webhookKey}`, appSecret: webhookSecret };
  };
  // Deleted by an admin: Meta's side starts without it too.
  if (!(await getSetting({ db: getDb(), key: DEMO_DELETED_KEY }))) {
    installDemo(sandbox, (spec) => addCustomer(sandbox, spec));
  }
  return Object.assign(sandbox, { webhookSecret });
}

/**
 * The demo's day of history, once per database (a setting remembers it), after the app answers; its
 * numbers are marked as the demo's, so an admin can delete it all in one click (lib/demo).
 */
export async function seedDemoOnce(sandbox: GraphSandbox): Promise<boolean> {
  const db = getDb();
  if (await getSetting({ db, key: DEMO_DELETED_KEY })) return false;
  // The mark first (also for a demo written before there was one): its numbers say "demo".
  await markDemoPhoneNumbers({
    db,
    wabaId: DEMO_WABA_ID,
    numbers: DEMO_NUMBERS.map((number) => ({
      phoneNumberId: number.id,
      displayPhoneNumber: number.display_phone_number.replace(/\D/g, ""),
      name: number.verified_name,
    })),
  });
  if (await getSetting({ db, key: DEMO_SEEDED_KEY })) return false;
  const now = Date.now();
  for (const line of DEMO_HISTORY) {
    const spec = DEMO_CUSTOMERS[line.customer]!;
    const customer = sandbox.customers.get((spec.waId ?? spec.userId)!)!;
    await customerSends(
      sandbox,
      customer,
      { type: "text", text: { body: line.text } },
      now - line.hoursAgo * DEMO_HOUR_MS,
    );
  }
  await updateSetting({ db, key: DEMO_SEEDED_KEY, value: new Date(now).toISOString() });
  return true;
}
