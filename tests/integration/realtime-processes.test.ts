// Realtime wherever processing runs: a `npm run worker` process publishes what it processed, and a
// Pusher server that is down costs liveness only — processing goes on, and the outage is logged once.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import Pusher from "pusher";
import PusherClient from "pusher-js";
import { afterEach, describe, expect, inject, it } from "vitest";
import pg from "pg";
import { INBOX_CHANNEL, type ConversationCreatedEvent, realtimeEvents } from "../../lib/realtime/channels";
import { startPusherServer } from "../../lib/realtime/pusher-server";
import { buildMessagesWebhook, sampleInboundMessage } from "../../lib/whatsapp/sample-payloads";
import { createFreshDatabase } from "../support/databases";
import { freePort, root, startNextServer } from "../support/processes";
import { recordEvents, subscribed, within } from "../support/realtime";
import { eventually, postWebhook, uniqueWaId, uniqueWamid } from "../support/webhooks";

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function textWebhook(wamid: string) {
  const from = uniqueWaId();
  return buildMessagesWebhook({
    contacts: [{ waId: from, name: "Worker Customer" }],
    messages: [sampleInboundMessage("text", { from, wamid, text: "processed by a worker" })],
  });
}

/** A Pusher-protocol server of this test's own, so only the process under test publishes to it. */
async function ownPusherServer() {
  const app = { appId: "own", key: `own-${randomBytes(4).toString("hex")}`, secret: randomBytes(24).toString("hex") };
  const server = await startPusherServer({ ...app, host: "127.0.0.1", port: 0 });
  cleanups.push(() => server.close());
  const env = {
    PUSHER_APP_ID: app.appId,
    PUSHER_KEY: app.key,
    PUSHER_SECRET: app.secret,
    PUSHER_HOST: "127.0.0.1",
    PUSHER_PORT: String(server.port),
    PUSHER_USE_TLS: "false",
  };
  const signer = new Pusher({ ...app, host: "127.0.0.1", port: String(server.port), useTLS: false });
  const client = new PusherClient(app.key, {
    cluster: "",
    wsHost: "127.0.0.1",
    wsPort: server.port,
    forceTLS: false,
    enabledTransports: ["ws"],
    disableStats: true,
    channelAuthorization: {
      customHandler: ({ socketId, channelName }, callback) =>
        callback(null, signer.authorizeChannel(socketId, channelName)),
    },
  });
  cleanups.push(() => client.disconnect());
  return { env, client };
}

function startWorker(env: Record<string, string> & { DATABASE_URL: string }): Promise<ChildProcess> {
  const worker = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", join(root, "lib/cli/worker.ts")],
    {
      cwd: root,
      env: { ...process.env, WORKER_POLL_MS: "250", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        if (worker.exitCode !== null) return resolve();
        worker.once("exit", () => resolve());
        worker.kill("SIGTERM");
      }),
  );
  let output = "";
  return within<ChildProcess>(60_000, "the worker to start", (resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("processing stored events")) resolve(worker);
    };
    worker.stdout?.on("data", onData);
    worker.stderr?.on("data", onData);
    worker.once("exit", (code) => reject(new Error(`worker exited (${code}):\n${output}`)));
  });
}

describe("realtime from a processing worker", () => {
  // A database of its own: the test server's recovery loop must not process the event instead.
  it("publishes the events of what `npm run worker` processed", { timeout: 120_000 }, async () => {
    const database = await createFreshDatabase();
    cleanups.push(() => database.drop());
    const sql = new pg.Client({ connectionString: database.url });
    await sql.connect();
    cleanups.push(() => sql.end());
    const pusher = await ownPusherServer();
    await within(10_000, "pusher-js to connect", (resolve) => pusher.client.connection.bind("connected", resolve));
    const inbox = await subscribed(pusher.client, INBOX_CHANNEL);
    const created = recordEvents<ConversationCreatedEvent>(inbox, realtimeEvents.conversationCreated);
    await startWorker({ ...pusher.env, DATABASE_URL: database.url });

    // Stored as the ack path stores it; the worker picks it up (woken by Postgres, or its poll).
    const wamid = uniqueWamid();
    await sql.query("INSERT INTO raw_events (body) VALUES ($1)", [Buffer.from(JSON.stringify(textWebhook(wamid)))]);
    const conversationId = await eventually(async () => {
      const { rows } = await sql.query<{ conversation_id: string }>(
        "SELECT conversation_id FROM messages WHERE wamid = $1",
        [wamid],
      );
      return rows[0]?.conversation_id;
    }, "the processed message");
    await created.waitFor((event) => event.conversationId === conversationId, "conversation-created");
  });
});

describe("a Pusher server that is down", () => {
  // A database of its own, so that this server is the one that processes (and publishes) its events.
  it("does not stop processing, and is logged once per outage", { timeout: 120_000 }, async () => {
    const database = await createFreshDatabase();
    cleanups.push(() => database.drop());
    const deadPort = await freePort();
    const server = await startNextServer({
      DATABASE_URL: database.url,
      WHATSAPP_APP_SECRET: inject("appSecret"),
      WHATSAPP_WEBHOOK_KEY: inject("webhookKey"),
      WHATSAPP_VERIFY_TOKEN: inject("verifyToken"),
      RECOVERY_LOOP: "off",
      PUSHER_APP_ID: "down",
      PUSHER_KEY: "down-key",
      PUSHER_SECRET: "down-secret-down-secret",
      PUSHER_HOST: "127.0.0.1",
      PUSHER_PORT: String(deadPort),
      PUSHER_USE_TLS: "false",
    });
    cleanups.push(() => server.stop());
    const sql = new pg.Client({ connectionString: database.url });
    await sql.connect();
    cleanups.push(() => sql.end());
    const wamids = [uniqueWamid(), uniqueWamid(), uniqueWamid()];
    for (const wamid of wamids) {
      expect((await postWebhook(textWebhook(wamid), { baseUrl: server.url })).status).toBe(200);
      await eventually(
        async () => (await sql.query("SELECT 1 FROM messages WHERE wamid = $1", [wamid])).rowCount === 1,
        `message ${wamid}`,
      );
    }
    await eventually(async () => server.output().includes("[realtime] publishing to Pusher failed"), "the log line");
    expect(server.output().match(/\[realtime\] publishing to Pusher failed/g)).toHaveLength(1);
    expect(server.output()).not.toContain("down-secret-down-secret");
  });
});
