// `npm start` in sandbox mode: the Graph API stand-in on its own port, with the demo's numbers,
// templates and customers, posting Meta's webhooks to this app; the demo's history is written once.
import { getDb } from "@/lib/db/client";
import { getSetting, updateSetting } from "@/lib/db/settings";
import { getWebhookConfig } from "@/lib/settings/webhook-config";
import { addCustomer, customerSends } from "./customers";
import { DEMO_CUSTOMERS, DEMO_HISTORY, DEMO_HOUR_MS, installDemo } from "./demo";
import { type GraphSandbox, startGraphSandbox } from "./graph-api";
import { SANDBOX_ACCESS_TOKEN } from "./token";

const DEMO_SEEDED_KEY = "sandbox.demo_seeded_at";

export async function runSandbox({
  port,
  appPort,
  statusDelayMs,
}: {
  port: number;
  /** The app's own port: webhooks go to it on loopback, whatever APP_URL says. */
  appPort: number;
  statusDelayMs: number;
}): Promise<GraphSandbox> {
  const sandbox = await startGraphSandbox({ port });
  sandbox.tokens.set(SANDBOX_ACCESS_TOKEN, "valid");
  sandbox.simulateEveryRecipient = true;
  sandbox.statusDelayMs = statusDelayMs;
  // Asked before every post: a rotated key or a saved App Secret is used within the config's TTL.
  sandbox.webhookTarget = async () => {
    const config = await getWebhookConfig();
    return {
      url: `http://127.0.0.1:${appPort}/api/webhooks/whatsapp/${config.webhookKey}`,
      appSecret: config.appSecret,
    };
  };
  installDemo(sandbox, (spec) => addCustomer(sandbox, spec));
  return sandbox;
}

/** The demo's day of history, once per database (a setting remembers it), after the app answers. */
export async function seedDemoOnce(sandbox: GraphSandbox): Promise<boolean> {
  const db = getDb();
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
