// Nothing acknowledged is ever lost: an event stored by a process that died before processing it
// is picked up by the recovery loop, and events:replay re-applies stored events idempotently.
import { describe, expect, inject, it } from "vitest";
import { getDb } from "../../lib/db/client";
import { listenForRawEvents } from "../../lib/db/raw-event-notifications";
import { createRawEvent } from "../../lib/db/raw-events";
import { buildMessagesWebhook, sampleInboundMessage } from "../../lib/whatsapp/sample-payloads";
import { runScript, startNextServer } from "../support/processes";
import { eventually, postWebhook, uniqueWaId, uniqueWamid } from "../support/webhooks";

const db = () => getDb();

const eventStates = (marker: string) =>
  db().$queryRaw<{ id: bigint; state: string; error: string | null }[]>`
    SELECT id, state::text, error FROM raw_events WHERE position(${Buffer.from(marker)} in body) > 0`;

function textBody(wamid: string, text = "stored before the crash") {
  const from = uniqueWaId();
  return buildMessagesWebhook({
    contacts: [{ waId: from, name: "R" }],
    messages: [sampleInboundMessage("text", { from, wamid, text })],
  });
}

describe("crash between ack and processing", () => {
  it("processes an event whose receiving process was killed right after the 200", async () => {
    // An ack-only node that never processes and has no recovery loop, killed with SIGKILL.
    const doomed = await startNextServer({
      DATABASE_URL: inject("databaseUrl"),
      WHATSAPP_APP_SECRET: inject("appSecret"),
      WHATSAPP_WEBHOOK_KEY: inject("webhookKey"),
      WHATSAPP_VERIFY_TOKEN: inject("verifyToken"),
      PROCESS_AFTER_ACK: "false",
      RECOVERY_LOOP: "off",
    });
    const wamid = uniqueWamid();
    expect((await postWebhook(textBody(wamid), { baseUrl: doomed.url })).status).toBe(200);
    await doomed.stop("SIGKILL");
    const [stored] = await eventStates(wamid);
    expect(stored).toBeDefined(); // durable before the 200
    // The surviving server's recovery loop finds it.
    const message = await eventually(
      () => db().message.findUnique({ where: { wamid } }),
      "the recovered message",
      20_000,
    );
    expect(message.text).toBe("stored before the crash");
    expect((await eventStates(wamid))[0]?.state).toBe("processed");
  });
});

describe("waking workers", () => {
  it("notifies listening workers when stored events commit", async () => {
    let notified = 0;
    const listener = listenForRawEvents({ connectionString: inject("databaseUrl"), onInserted: () => (notified += 1) });
    try {
      // The listener connects asynchronously: store events until one is seen, a bounded number.
      await eventually(async () => {
        await createRawEvent({ body: Buffer.from(`not json ${uniqueWamid()}`) });
        return notified > 0;
      }, "a notification");
    } finally {
      await listener.close();
    }
  });
});

describe("npm run events:replay", () => {
  it("re-applies selected events without duplicating anything", async () => {
    const wamid = uniqueWamid();
    await postWebhook(textBody(wamid, "replay me"));
    await eventually(() => db().message.findUnique({ where: { wamid } }), "the message");
    const [event] = await eventually(async () => {
      const rows = await eventStates(wamid);
      return rows[0]?.state === "processed" ? rows : null;
    }, "processed event");
    const result = await runScript("events:replay", ["--id", String(event!.id)], {
      DATABASE_URL: inject("databaseUrl"),
    });
    expect(result.output).toContain("selected 1, processed 1, failed 0");
    expect(result.code).toBe(0);
    expect(await db().message.count({ where: { wamid } })).toBe(1);
  });

  it("keeps an unparseable event failed on replay, with its reason, and rejects bad options", async () => {
    const marker = uniqueWamid();
    await postWebhook(`not json ${marker}`);
    const [event] = await eventually(async () => {
      const rows = await eventStates(marker);
      return rows[0]?.state === "failed" ? rows : null;
    }, "failed event");
    const replay = await runScript("events:replay", ["--id", String(event!.id)], {
      DATABASE_URL: inject("databaseUrl"),
    });
    expect(replay.output).toContain("selected 1, processed 0, failed 1");
    expect((await eventStates(marker))[0]?.error).toMatch(/not valid JSON/);
    const bad = await runScript("events:replay", ["--from", "last tuesday"], { DATABASE_URL: inject("databaseUrl") });
    expect(bad.code).toBe(2);
    expect(bad.output).toMatch(/--from/);
  });
});
