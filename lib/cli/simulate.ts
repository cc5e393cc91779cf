// npm run simulate -- <type> [options] — signs and posts a realistic Meta webhook to the local app,
// the troubleshooting guide's curl test done right (raw bytes signed with the App Secret).
import { parseArgs } from "node:util";
import { z } from "zod";
import {
  buildFieldWebhook,
  buildMessagesWebhook,
  SAMPLE_CUSTOMER_WA_ID,
  SAMPLE_MESSAGE_TYPES,
  samplePhoneNumberQualityUpdate,
  sampleInboundMessage,
  sampleStatus,
  sampleTemplateStatusUpdate,
} from "@/lib/whatsapp/sample-payloads";
import { signPayload } from "@/lib/whatsapp/signature";
import { readRuntimeFile, useDatabaseOfRunningApp } from "@/lib/runtime-file";

const STATUSES = ["sent", "delivered", "read", "played", "failed"] as const;
const usage = `Usage: npm run simulate -- <kind> [options]
  kinds:   ${SAMPLE_MESSAGE_TYPES.join(" | ")}
           status (with --wamid and --status ${STATUSES.join("|")})
           template-status | quality-update | verify
  options: --from <wa_id> --name <profile name> --text <text> --wamid <id> --status <status>
           --reply-to <wamid> --target <wamid> --emoji <emoji> --repeat <n> (same bytes n times: retries)
           --bad-signature   --url <app url> --secret <app secret>`;

const optionsSchema = z.object({
  from: z
    .string()
    .regex(/^\d{6,20}$/, "--from must be a wa_id (digits only)")
    .default(SAMPLE_CUSTOMER_WA_ID),
  // No default here: without --name an existing contact keeps its name (see contactName()).
  name: z.string().min(1).optional(),
  text: z.string().optional(),
  wamid: z.string().min(1).optional(),
  status: z.enum(STATUSES).optional(),
  "reply-to": z.string().min(1).optional(),
  target: z.string().min(1).optional(),
  emoji: z.string().optional(),
  repeat: z.coerce.number().int().min(1).max(1000).default(1),
  "bad-signature": z.boolean().default(false),
  url: z.url().optional(),
  secret: z.string().min(1).optional(),
});
type Options = z.infer<typeof optionsSchema>;

function buildBody(kind: string, options: Options & { name: string }): object {
  if (kind === "status") {
    if (!options.wamid || !options.status) throw new UsageError("status needs --wamid and --status");
    return buildMessagesWebhook({
      statuses: [sampleStatus({ wamid: options.wamid, status: options.status, recipientId: options.from })],
    });
  }
  if (kind === "template-status")
    return buildFieldWebhook("message_template_status_update", sampleTemplateStatusUpdate());
  if (kind === "quality-update")
    return buildFieldWebhook("phone_number_quality_update", samplePhoneNumberQualityUpdate());
  const type = SAMPLE_MESSAGE_TYPES.find((candidate) => candidate === kind);
  if (!type) throw new UsageError(`unknown kind "${kind}"`);
  const message = sampleInboundMessage(type, {
    from: options.from,
    ...(options.wamid ? { wamid: options.wamid } : {}),
    ...(options.text !== undefined ? { text: options.text } : {}),
    ...(options["reply-to"] ? { contextWamid: options["reply-to"] } : {}),
    ...(options.target ? { targetWamid: options.target } : {}),
    ...(options.emoji !== undefined ? { emoji: options.emoji } : {}),
  });
  return buildMessagesWebhook({
    contacts: type === "system" ? [] : [{ waId: options.from, name: options.name }],
    messages: [message],
  });
}

class UsageError extends Error {}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      from: { type: "string" },
      name: { type: "string" },
      text: { type: "string" },
      wamid: { type: "string" },
      status: { type: "string" },
      "reply-to": { type: "string" },
      target: { type: "string" },
      emoji: { type: "string" },
      repeat: { type: "string" },
      "bad-signature": { type: "boolean" },
      url: { type: "string" },
      secret: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  const kind = positionals[0];
  if (!kind || values.help) {
    console.log(usage);
    process.exit(kind || values.help ? 0 : 2);
  }
  const parsed = optionsSchema.safeParse(values);
  if (!parsed.success)
    throw new UsageError(parsed.error.issues.map((issue) => `--${issue.path.join(".")}: ${issue.message}`).join("\n"));
  const options = parsed.data;

  const target = await resolveTarget(options);
  const name = options.name ?? (await contactName(options.from));
  if (kind === "verify") {
    const challenge = String(Date.now());
    const url = `${target.callbackUrl}?hub.mode=subscribe&hub.verify_token=${encodeURIComponent(target.verifyToken ?? "")}&hub.challenge=${challenge}`;
    const response = await fetch(url).catch(() => {
      throw notRunning(`the app at ${new URL(url).origin}`);
    });
    const body = await response.text();
    console.log(`GET verify → ${response.status} ${body === challenge ? "(challenge echoed)" : body}`);
    process.exit(response.ok ? 0 : 1);
  }
  const raw = JSON.stringify(buildBody(kind, { ...options, name }));
  const signature = options["bad-signature"]
    ? signPayload(raw, "not-the-app-secret")
    : signPayload(raw, target.appSecret);
  // --bad-signature asks for a refusal: 401 is then the answer that passes, anything else fails.
  const expected = options["bad-signature"] ? "a 401 refusal" : "a 200";
  const passed = (status: number) => (options["bad-signature"] ? status === 401 : status >= 200 && status < 300);
  let failures = 0;
  for (let attempt = 0; attempt < options.repeat; attempt += 1) {
    const response = await post(target.callbackUrl, raw, signature);
    const ok = passed(response.status);
    const note = options["bad-signature"]
      ? ok
        ? " (refused, as --bad-signature asked)"
        : ` (expected ${expected})`
      : "";
    console.log(`POST ${kind} → ${response.status} ${await response.text()}${note}`);
    if (!ok) failures += 1;
  }
  const wamids = [...raw.matchAll(/"id":"(wamid\.[^"]+)"/g)].map((match) => match[1]);
  if (wamids.length && !options["bad-signature"]) console.log(`wamid: ${wamids.join(", ")}`);
  if (failures > 0) console.error(`${failures} of ${options.repeat} did not get ${expected}.`);
  process.exit(failures > 0 ? 1 : 0);
}

const notRunning = (what: string) =>
  new Error(`Could not reach ${what}. Is \`npm start\` running? (Start it in another terminal, then try again.)`);

async function post(url: string, body: string, signature: string): Promise<Response> {
  try {
    return await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-hub-signature-256": signature },
      body,
    });
  } catch {
    throw notRunning(`the app at ${new URL(url).origin}`);
  }
}

/** The contact's current name when it exists (so --from alone renames nobody), else a sample one. */
async function contactName(waId: string): Promise<string> {
  const { getDb } = await import("@/lib/db/client");
  const contact = await fromDatabase(() =>
    getDb().contact.findUnique({ where: { waId }, select: { profileName: true } }),
  );
  return contact?.profileName ?? (waId === SAMPLE_CUSTOMER_WA_ID ? "Maria Souza" : `Customer ${waId.slice(-4)}`);
}

/** Where to post and with which secret: flags, else the running app's own configuration. */
async function resolveTarget(options: Options) {
  try {
    useDatabaseOfRunningApp();
  } catch (error) {
    // No DATABASE_URL and no runtime file: the embedded database is not running.
    if (error instanceof Error && /no embedded database is running/.test(error.message)) {
      throw notRunning("the app's database");
    }
    throw error;
  }
  const { appUrl, getEnv } = await import("@/lib/env");
  const { getWebhookConfig } = await import("@/lib/settings/webhook-config");
  const config = await fromDatabase(() => getWebhookConfig());
  const base = options.url ?? readRuntimeFile(getEnv().DATA_DIR)?.appUrl ?? appUrl();
  return {
    callbackUrl: `${base.replace(/\/$/, "")}/api/webhooks/whatsapp/${config.webhookKey}`,
    appSecret: options.secret ?? config.appSecret,
    verifyToken: config.verifyToken,
  };
}

/** Database work: a refused connection means the app is stopped (its embedded database runs only with it). */
async function fromDatabase<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isConnectionError(error)) throw notRunning("the app's database");
    throw error;
  }
}

function isConnectionError(error: unknown): boolean {
  const text = `${(error as { code?: unknown })?.code ?? ""} ${error instanceof Error ? error.message : String(error)}`;
  return /ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|Can't reach database|connect|P1001|DatabaseNotReachable/i.test(
    text,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  if (error instanceof UsageError) console.log(usage);
  process.exit(error instanceof UsageError ? 2 : 1);
});
