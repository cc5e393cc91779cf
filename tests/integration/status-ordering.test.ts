// Ticks never go backwards: statuses arrive in any order (read before delivered, failed next to
// delivered from another device, before the message itself is known) and the final tick is the
// same as if they had come in order.
import { describe, expect, it } from "vitest";
import { getDb } from "../../lib/db/client";
import { ensureContact } from "../../lib/db/contacts";
import { ensureConversation } from "../../lib/db/conversations";
import { ensurePhoneNumber } from "../../lib/db/phone-numbers";
import { recordOutboundMessage } from "../support/record-outbound-message";
import { MESSAGE_STATUSES } from "../../lib/views/inbox";
import { buildMessagesWebhook, sampleStatus, type SampleStatusName } from "../../lib/whatsapp/sample-payloads";
import { eventually, postWebhook, uniqueWaId, uniqueWamid } from "../support/webhooks";

const db = () => getDb();
const T0 = 1764230000;

async function seedOutbound(wamid = uniqueWamid()) {
  const phoneNumberId = await ensurePhoneNumber({
    db: db(),
    phoneNumberId: "106540352242922",
    displayPhoneNumber: "15550783881",
    wabaId: null,
  });
  const contactId = await ensureContact({
    db: db(),
    identity: { waId: uniqueWaId(), userId: null, profileName: "Out", username: null },
  });
  const conversation = await ensureConversation({ db: db(), contactId, phoneNumberId });
  await recordOutboundMessage({
    conversationId: conversation.id,
    wamid,
    type: "text",
    text: "our reply",
    content: { body: "our reply" },
    sentAt: new Date(T0 * 1000),
  });
  return wamid;
}

async function sendStatuses(
  wamid: string,
  statuses: { status: SampleStatusName; at: number; errorCode?: number }[],
  mode: "sequential" | "parallel" | "one-payload",
) {
  const build = (list: typeof statuses) =>
    buildMessagesWebhook({
      statuses: list.map((entry) =>
        sampleStatus({
          wamid,
          status: entry.status,
          timestamp: entry.at,
          ...(entry.errorCode ? { errorCode: entry.errorCode } : {}),
        }),
      ),
    });
  if (mode === "one-payload") {
    expect((await postWebhook(build(statuses))).status).toBe(200);
  } else if (mode === "parallel") {
    await Promise.all(statuses.map(async (entry) => expect((await postWebhook(build([entry]))).status).toBe(200)));
  } else {
    for (const entry of statuses) expect((await postWebhook(build([entry]))).status).toBe(200);
  }
  await eventually(
    async () =>
      (await db().statusEvent.count({ where: { wamid } })) >= new Set(statuses.map((s) => `${s.status}${s.at}`)).size,
    "status events",
  );
  await eventually(async () => (await db().rawEvent.count({ where: { state: "pending" } })) === 0, "an empty backlog");
}

const finalStatus = async (wamid: string) => (await db().message.findUniqueOrThrow({ where: { wamid } })).status;

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, index) =>
    permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [item, ...rest]),
  );
}

const ladder = [
  { status: "sent" as const, at: T0 + 1 },
  { status: "delivered" as const, at: T0 + 2 },
  { status: "read" as const, at: T0 + 3 },
];

// The tick order is written once (MESSAGE_STATUSES); the database's enum must agree with it, or the
// server and the browser would rank a status differently.
it("the database's message_status enum has MESSAGE_STATUSES' values in the same order", async () => {
  const [row] = await db().$queryRaw<{ values: string[] }[]>`SELECT enum_range(NULL::message_status)::text[] AS values`;
  expect(row?.values).toEqual([...MESSAGE_STATUSES]);
});

describe("status ladder", () => {
  it.each(permutations(ladder).map((order) => [order.map((entry) => entry.status).join(" → "), order] as const))(
    "ends on read for the order %s",
    async (_name, order) => {
      const wamid = await seedOutbound();
      await sendStatuses(wamid, order, "sequential");
      expect(await finalStatus(wamid)).toBe("read");
      const message = await db().message.findUniqueOrThrow({ where: { wamid } });
      expect(message.statusAt?.toISOString()).toBe(new Date((T0 + 3) * 1000).toISOString());
    },
  );

  it("ends on read when all three race in parallel requests and inside one payload", async () => {
    const parallel = await seedOutbound();
    await sendStatuses(parallel, [...ladder].reverse(), "parallel");
    expect(await finalStatus(parallel)).toBe("read");
    const batched = await seedOutbound();
    await sendStatuses(batched, [...ladder].reverse(), "one-payload");
    expect(await finalStatus(batched)).toBe("read");
  });

  it("shows read when delivered is skipped, and played above read for voice notes", async () => {
    const wamid = await seedOutbound();
    await sendStatuses(
      wamid,
      [
        { status: "sent", at: T0 + 1 },
        { status: "read", at: T0 + 5 },
      ],
      "sequential",
    );
    expect(await finalStatus(wamid)).toBe("read");
    await sendStatuses(
      wamid,
      [
        { status: "played", at: T0 + 9 },
        { status: "delivered", at: T0 + 2 },
      ],
      "sequential",
    );
    expect(await finalStatus(wamid)).toBe("played");
  });

  it("shows failed with Meta's error over sent, but a later proof of delivery wins", async () => {
    const wamid = await seedOutbound();
    await sendStatuses(
      wamid,
      [
        { status: "sent", at: T0 + 1 },
        { status: "failed", at: T0 + 2, errorCode: 131047 },
      ],
      "sequential",
    );
    const failed = await db().message.findUniqueOrThrow({ where: { wamid } });
    expect(failed.status).toBe("failed");
    expect(failed.errorCode).toBe(131047);
    expect(failed.errorTitle).toBeTruthy();
    // Another device of the same user confirms delivery: the message did arrive.
    await sendStatuses(wamid, [{ status: "delivered", at: T0 + 3 }], "sequential");
    expect(await finalStatus(wamid)).toBe("delivered");
    // A late failed retry changes nothing visible.
    await sendStatuses(wamid, [{ status: "failed", at: T0 + 2, errorCode: 131047 }], "sequential");
    expect(await finalStatus(wamid)).toBe("delivered");
  });

  it("keeps statuses that arrive before the message is known and applies them when it appears", async () => {
    const wamid = uniqueWamid();
    await sendStatuses(
      wamid,
      [
        { status: "delivered", at: T0 + 2 },
        { status: "sent", at: T0 + 1 },
      ],
      "sequential",
    );
    expect(await db().message.findUnique({ where: { wamid } })).toBeNull();
    expect(await db().statusEvent.count({ where: { wamid } })).toBe(2);
    await seedOutbound(wamid);
    expect(await finalStatus(wamid)).toBe("delivered");
  });

  it("keeps a status for a message this app never sent", async () => {
    const wamid = uniqueWamid();
    await sendStatuses(wamid, [{ status: "read", at: T0 + 4 }], "sequential");
    const events = await db().statusEvent.findMany({ where: { wamid } });
    expect(events.map((event) => event.status)).toEqual(["read"]);
    expect(events[0]?.pricing ?? events[0]?.conversation).toBeTruthy();
  });
});
