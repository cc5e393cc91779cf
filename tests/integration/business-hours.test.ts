// Business hours: admins set a number's schedule, away message and greeting (validated, 403 for
// agents); a customer writing outside the hours gets the away message once per conversation and
// off-hours period — through the real reply pipeline and send worker to the fake Graph API, once,
// whatever is replayed — and a first message gets the greeting. Each test uses its own number.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "../../lib/db/client";
import { queueAutoReplies } from "../../lib/hours/queue-auto-replies";
import { emptyWeekly, hoursStateAt, type OpenInterval } from "../../lib/views/business-hours-schedule";
import { emptyInboxChanges } from "../../lib/realtime/changes";
import type { BusinessHoursView } from "../../lib/views/business-hours";
import type { InboxPhoneNumberView, MessagePage } from "../../lib/views/inbox";
import { buildMessagesWebhook } from "../../lib/whatsapp/sample-payloads";
import { sampleInboundMessage } from "../../lib/whatsapp/sample-messages";
import { createTestUser, signedIn } from "../support/accounts";
import { createFreshDatabase, type FreshDatabase } from "../support/databases";
import { type GraphSandbox, startGraphSandbox } from "@/lib/sandbox/graph-api";
import { HttpSession } from "../support/http-session";
import { type RunningServer, type RunningWorker, startNextServer, startWorker } from "../support/processes";
import { eventually, postWebhook, uniqueWaId, uniqueWamid } from "../support/webhooks";
import { appServerEnv } from "../support/app-env";

const TOKEN = `token-${randomBytes(6).toString("hex")}`;

let database: FreshDatabase;
let db: PrismaClient;
let graph: GraphSandbox;
let server: RunningServer;
let worker: RunningWorker;
let admin: HttpSession;
let agent: HttpSession;
const secret = `secret-${randomBytes(8).toString("hex")}`;
const key = `hours_key_${randomBytes(10).toString("hex")}`;

beforeAll(async () => {
  database = await createFreshDatabase();
  db = createPrismaClient(database.url, 3);
  graph = await startGraphSandbox();
  graph.tokens.set(TOKEN, "valid");
  const adminAccount = { email: `hours-admin-${randomBytes(4).toString("hex")}@example.com`, password: "hours-pw-1" };
  const env = {
    ...appServerEnv({
      databaseUrl: database.url,
      graphUrl: graph.url,
      appSecret: secret,
      webhookKey: key,
      verifyToken: "hours-verify",
      admin: adminAccount,
    }),
    WHATSAPP_ACCESS_TOKEN: TOKEN,
    WORKER_POLL_MS: "250",
  };
  server = await startNextServer({ ...env, SEND_WORKER: "off" });
  worker = startWorker(env);
  admin = await signedIn(adminAccount.email, adminAccount.password, new HttpSession({ baseUrl: server.url }));
  const account = await createTestUser(admin);
  agent = await signedIn(account.email, account.password, new HttpSession({ baseUrl: server.url }));
});

afterAll(async () => {
  await worker?.stop();
  await server?.stop();
  await graph?.close();
  await db?.$disconnect();
  await database?.drop();
});

let numberCounter = 0;
/** A WhatsApp number of our own for one test (registered by a first webhook, as in production). */
async function newNumber(): Promise<{ phoneNumberId: string; rowId: string }> {
  numberCounter += 1;
  const phoneNumberId = `1065403522${String(process.pid % 1000).padStart(3, "0")}${String(numberCounter).padStart(2, "0")}`;
  await customerWrites({ phoneNumberId, text: "registering the number" });
  return { phoneNumberId, rowId: `pn_${phoneNumberId}` };
}

async function customerWrites({
  phoneNumberId,
  waId = uniqueWaId(),
  text = "Hello, anyone there?",
  wamid = uniqueWamid(),
}: {
  phoneNumberId: string;
  waId?: string;
  text?: string;
  wamid?: string;
}) {
  const body = buildMessagesWebhook({
    phoneNumberId,
    contacts: [{ waId, name: "Night Owl" }],
    messages: [sampleInboundMessage("text", { from: waId, wamid, text })],
  });
  expect((await postWebhook(body, { secret, key, baseUrl: server.url })).status).toBe(200);
  const stored = await eventually(() => db.message.findUnique({ where: { wamid } }), "the customer's message");
  return { conversationId: stored.conversationId, waId, wamid, rawEventId: stored.rawEventId, body };
}

const hhmm = (date: Date) => date.toISOString().slice(11, 16);

/** Every day open for one minute, two hours from now (UTC): closed now, with a real period and a way back. */
function closedNowWeekly(): Record<string, OpenInterval[]> {
  const start = new Date(Date.now() + 2 * 3600_000);
  const interval = { start: hhmm(start), end: hhmm(new Date(start.getTime() + 60_000)) };
  return Object.fromEntries(Object.keys(emptyWeekly()).map((day) => [day, [interval]]));
}

const openAllDay = () =>
  Object.fromEntries(Object.keys(emptyWeekly()).map((day) => [day, [{ start: "00:00", end: "24:00" }]]));

async function setHours(rowId: string, body: Record<string, unknown>, session = admin) {
  const response = await session.request(`/api/settings/phone-numbers/${rowId}/business-hours`, {
    method: "PATCH",
    json: {
      timeZone: "UTC",
      weekly: closedNowWeekly(),
      holidays: [],
      awayEnabled: true,
      awayText: "We are closed right now.",
      greetingEnabled: false,
      greetingText: "",
      ...body,
    },
  });
  return {
    status: response.status,
    body: (await response.json()) as { businessHours: BusinessHoursView; error?: { message: string } },
  };
}

async function thread(conversationId: string) {
  const response = await agent.request(`/api/conversations/${conversationId}/messages`);
  expect(response.status).toBe(200);
  return ((await response.json()) as MessagePage).messages;
}

const automatic = async (conversationId: string) =>
  (await thread(conversationId)).filter((message) => message.author?.kind === "system");

const sentTexts = (waId: string, text: string) =>
  graph.sent.filter(
    (sent) => sent.body.to === waId && (sent.body.text as { body?: string } | undefined)?.body === text,
  );

/** Waits until the send worker has nothing left queued for the conversation. */
const drained = (conversationId: string) =>
  eventually(
    async () =>
      (await db.outboundSend.count({ where: { conversationId, state: { in: ["queued", "sending"] } } })) === 0,
    "the send queue to drain",
  );

describe("business hours settings", () => {
  it("are the admins': defaults until saved, 403 for agents, 404 for an unknown number, 422 naming the field", async () => {
    const { rowId } = await newNumber();
    const initial = await admin.request(`/api/settings/phone-numbers/${rowId}/business-hours`);
    expect(initial.status).toBe(200);
    const defaults = ((await initial.json()) as { businessHours: BusinessHoursView }).businessHours;
    expect(defaults).toMatchObject({ configured: false, timeZone: "UTC", awayEnabled: false, greetingEnabled: false });
    expect(defaults.weekly.mon).toEqual([{ start: "09:00", end: "17:00" }]);

    expect((await agent.request(`/api/settings/phone-numbers/${rowId}/business-hours`)).status).toBe(403);
    expect((await setHours(rowId, {}, agent)).status).toBe(403);
    expect((await setHours("pn_nope", {})).status).toBe(404);

    const invalid: [Record<string, unknown>, RegExp][] = [
      [{ timeZone: "Mars/Olympus_Mons" }, /^timeZone: /],
      [{ weekly: { ...openAllDay(), mon: [{ start: "9:00", end: "17:00" }] } }, /^weekly\.mon\.0\.start: /],
      [{ weekly: { ...openAllDay(), tue: [{ start: "10:00", end: "10:00" }] } }, /^weekly\.tue\.0: /],
      [{ weekly: { ...openAllDay(), funday: [] } }, /^weekly: /],
      [{ holidays: ["2026-02-30"] }, /^holidays\.0: /],
      [{ awayEnabled: true, awayText: "   " }, /^awayText: /],
      [{ greetingEnabled: true, greetingText: "" }, /^greetingText: /],
      [{ awayText: "x".repeat(4097) }, /^awayText: /],
    ];
    for (const [body, message] of invalid) {
      const result = await setHours(rowId, body);
      expect(result.status, JSON.stringify(body)).toBe(422);
      expect(result.body.error?.message).toMatch(message);
    }

    const saved = await setHours(rowId, {
      timeZone: "Europe/Berlin",
      holidays: ["2026-12-25", "2026-12-24", "2026-12-25"],
    });
    expect(saved.status).toBe(200);
    expect(saved.body.businessHours).toMatchObject({
      configured: true,
      timeZone: "Europe/Berlin",
      holidays: ["2026-12-24", "2026-12-25"],
    });
    // Every signed-in user sees the schedule (not the texts) with the inbox's numbers.
    const numbers = (await (await agent.request("/api/phone-numbers")).json()) as {
      phoneNumbers: InboxPhoneNumberView[];
    };
    const mine = numbers.phoneNumbers.find((number) => number.id === rowId)!;
    expect(mine.hours?.timeZone).toBe("Europe/Berlin");
    expect(JSON.stringify(mine)).not.toContain("We are closed");
    const audit = await db.auditLog.findFirst({
      where: { action: "business_hours.updated" },
      orderBy: { createdAt: "desc" },
    });
    expect(audit?.detail).toContain("time zone");
  });
});

describe("removing a number's business hours", () => {
  it("opens it at all hours: no away message afterwards, no hours in the inbox, audited; admins only", async () => {
    const { phoneNumberId, rowId } = await newNumber();
    expect((await setHours(rowId, { awayText: "Closed — removed soon." })).status).toBe(200);
    const remove = (session = admin) =>
      session.request(`/api/settings/phone-numbers/${rowId}/business-hours`, { method: "DELETE" });

    expect((await remove(agent)).status).toBe(403);
    const unknown = await admin.request("/api/settings/phone-numbers/pn_nope/business-hours", { method: "DELETE" });
    expect(unknown.status).toBe(404);
    const removed = await remove();
    expect(removed.status).toBe(200);
    expect(((await removed.json()) as { businessHours: BusinessHoursView }).businessHours).toMatchObject({
      configured: false,
      awayEnabled: false,
    });
    const after = await admin.request(`/api/settings/phone-numbers/${rowId}/business-hours`);
    expect(((await after.json()) as { businessHours: BusinessHoursView }).businessHours.configured).toBe(false);
    const numbers = (await (await agent.request("/api/phone-numbers")).json()) as {
      phoneNumbers: InboxPhoneNumberView[];
    };
    expect(numbers.phoneNumbers.find((number) => number.id === rowId)?.hours ?? null).toBeNull();
    const audit = await db.auditLog.findFirst({
      where: { action: "business_hours.removed" },
      orderBy: { createdAt: "desc" },
    });
    expect(audit?.target).toBe(`phone_number:${phoneNumberId}`);

    // A customer writing now (it would be outside the removed hours) gets no automatic answer.
    const { conversationId, waId } = await customerWrites({ phoneNumberId });
    await drained(conversationId);
    expect(await automatic(conversationId)).toEqual([]);
    expect(sentTexts(waId, "Closed — removed soon.")).toEqual([]);
    // Removing again changes nothing and is not audited twice.
    expect((await remove()).status).toBe(200);
    expect(await db.auditLog.count({ where: { action: "business_hours.removed", target: audit!.target } })).toBe(1);
  });
});

describe("the away message", () => {
  it("goes once per period: a second message, a Meta retry and a re-processed raw event queue nothing more", async () => {
    const { phoneNumberId, rowId } = await newNumber();
    expect((await setHours(rowId, { awayText: "Closed now — we answer from 9." })).status).toBe(200);
    const first = await customerWrites({ phoneNumberId });
    const away = await eventually(async () => (await automatic(first.conversationId))[0], "the away message");
    expect(away).toMatchObject({
      direction: "outbound",
      text: "Closed now — we answer from 9.",
      author: { kind: "system" },
    });
    await eventually(
      () => Promise.resolve(sentTexts(first.waId, "Closed now — we answer from 9.").length === 1),
      "the send",
    );

    // The customer writes again in the same period.
    await customerWrites({ phoneNumberId, waId: first.waId, text: "Hello??" });
    // Meta delivers the first message again in another envelope (same wamid).
    const retried = buildMessagesWebhook({
      phoneNumberId,
      contacts: [{ waId: first.waId, name: "Night Owl (retry)" }],
      messages: [sampleInboundMessage("text", { from: first.waId, wamid: first.wamid, text: "Hello, anyone there?" })],
    });
    expect((await postWebhook(retried, { secret, key, baseUrl: server.url })).status).toBe(200);
    // The first raw event is processed a second time (a replay after a fix).
    const before = await db.rawEvent.findUniqueOrThrow({ where: { id: first.rawEventId! } });
    await db.rawEvent.update({ where: { id: first.rawEventId! }, data: { state: "pending" } });
    await eventually(async () => {
      const event = await db.rawEvent.findUniqueOrThrow({ where: { id: first.rawEventId! } });
      return event.state === "processed" && event.processedAt! > before.processedAt!;
    }, "the replayed event processed");
    await drained(first.conversationId);
    await eventually(
      async () => (await db.rawEvent.count({ where: { state: "pending" } })) === 0,
      "all events processed",
    );

    expect(await automatic(first.conversationId)).toHaveLength(1);
    expect(sentTexts(first.waId, "Closed now — we answer from 9.")).toHaveLength(1);
    expect(await db.autoReply.count({ where: { conversationId: first.conversationId } })).toBe(1);
  });

  it("goes again in a new off-hours period, and never inside the hours", async () => {
    const { phoneNumberId, rowId } = await newNumber();
    // Inside the hours: nothing.
    expect((await setHours(rowId, { weekly: openAllDay() })).status).toBe(200);
    const open = await customerWrites({ phoneNumberId });
    await drained(open.conversationId);
    expect(await automatic(open.conversationId)).toEqual([]);

    // Weekdays 09:00–17:00 in Berlin: the periods of two evenings, judged at each message's time.
    const nineToFive = [{ start: "09:00", end: "17:00" }];
    const hours = {
      timeZone: "Europe/Berlin",
      weekly: { ...emptyWeekly(), mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive },
      holidays: [],
    };
    expect((await setHours(rowId, hours)).status).toBe(200);
    const customer = await customerWrites({ phoneNumberId, text: "in hours, by the server's clock or not" });
    await drained(customer.conversationId);
    const already = (await automatic(customer.conversationId)).length;
    // June: Berlin is UTC+2, so 17:00 there is 15:00 UTC.
    const tuesdayNight = new Date("2026-06-02T21:00:00Z");
    const tuesdayLater = new Date("2026-06-02T23:30:00Z");
    const wednesdayNight = new Date("2026-06-03T19:00:00Z");
    const wednesdayNoon = new Date("2026-06-03T10:00:00Z");
    expect(hoursStateAt(hours, wednesdayNoon).open).toBe(true);
    const run = (at: Date) =>
      db.$transaction((tx) =>
        queueAutoReplies({
          db: tx,
          messages: [{ id: `msg_test_${at.getTime()}`, conversationId: customer.conversationId, timestamp: at }],
          changes: emptyInboxChanges(),
          now: at,
        }),
      );
    await run(tuesdayNight);
    await run(tuesdayLater); // the same period
    await run(wednesdayNoon); // open
    await run(wednesdayNight); // a new period
    await drained(customer.conversationId);
    const periods = await db.autoReply.findMany({
      where: {
        conversationId: customer.conversationId,
        kind: "away",
        periodStart: { lt: new Date("2026-07-01T00:00:00Z") },
      },
      orderBy: { periodStart: "asc" },
    });
    expect(periods.map((period) => period.periodStart.toISOString())).toEqual([
      "2026-06-02T15:00:00.000Z",
      "2026-06-03T15:00:00.000Z",
    ]);
    expect((await automatic(customer.conversationId)).length).toBe(already + 2);
  });
});

describe("the greeting", () => {
  it("greets a customer's first message once; outside the hours only the away message goes", async () => {
    const { phoneNumberId, rowId } = await newNumber();
    expect(
      (await setHours(rowId, { weekly: openAllDay(), greetingEnabled: true, greetingText: "Welcome to Demo Shop!" }))
        .status,
    ).toBe(200);
    const first = await customerWrites({ phoneNumberId });
    await eventually(async () => (await automatic(first.conversationId)).length === 1, "the greeting");
    await customerWrites({ phoneNumberId, waId: first.waId, text: "second message" });
    await drained(first.conversationId);
    const greetings = await automatic(first.conversationId);
    expect(greetings.map((message) => message.text)).toEqual(["Welcome to Demo Shop!"]);
    await eventually(
      () => Promise.resolve(sentTexts(first.waId, "Welcome to Demo Shop!").length === 1),
      "the greeting sent",
    );

    // Both on and closed now: the away message alone.
    expect(
      (
        await setHours(rowId, {
          greetingEnabled: true,
          greetingText: "Welcome to Demo Shop!",
          awayText: "Closed, back soon.",
        })
      ).status,
    ).toBe(200);
    const night = await customerWrites({ phoneNumberId });
    await eventually(async () => (await automatic(night.conversationId)).length === 1, "the away message");
    await drained(night.conversationId);
    expect((await automatic(night.conversationId)).map((message) => message.text)).toEqual(["Closed, back soon."]);
    expect(sentTexts(night.waId, "Welcome to Demo Shop!")).toEqual([]);
  });
});
