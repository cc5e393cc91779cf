// The sandbox demo, seeded the way `npm start` does (its numbers marked, its history through the
// real webhook endpoint), is deleted in one click by an admin: exactly the demo's rows go — its
// numbers, their conversations and messages with what hangs off them, the contacts who talk to no
// other number, its templates — audited; everything else stays; agents are refused (403); the demo
// is not created again.
import { randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { getDb } from "../../lib/db/client";
import { addCustomer } from "../../lib/sandbox/customers";
import {
  DEMO_CUSTOMERS,
  DEMO_HISTORY,
  DEMO_NUMBERS,
  DEMO_TEMPLATES,
  DEMO_WABA_ID,
  installDemo,
} from "../../lib/sandbox/demo";
import { type GraphSandbox, startGraphSandbox } from "../../lib/sandbox/graph-api";
import { seedDemoOnce } from "../../lib/sandbox/run-sandbox";
import type { DemoDataView } from "../../lib/views/demo";
import { buildMessagesWebhook } from "../../lib/whatsapp/sample-payloads";
import { sampleInboundMessage } from "../../lib/whatsapp/sample-messages";
import { createTestUser, signedIn, signInBootstrapAdmin } from "../support/accounts";
import type { HttpSession } from "../support/http-session";
import { eventually, postWebhook, uniqueWaId, uniqueWamid, webhookUrl } from "../support/webhooks";

const db = getDb();
let graph: GraphSandbox;
let admin: HttpSession;
let agent: HttpSession;

beforeAll(async () => {
  admin = await signInBootstrapAdmin();
  const user = await createTestUser(admin);
  agent = await signedIn(user.email, user.password);
  graph = await startGraphSandbox();
  installDemo(graph, (spec) => addCustomer(graph, spec));
  graph.webhookTarget = async () => ({ url: webhookUrl(), appSecret: inject("appSecret") });
});
afterAll(() => graph.close());

const demoNumberIds = DEMO_NUMBERS.map((number) => number.id);
const ana = DEMO_CUSTOMERS[0]!.waId!;

/** A customer writes to one of our numbers; the message as stored. */
async function customerWrites({ waId, phoneNumberId }: { waId: string; phoneNumberId: string }) {
  const wamid = uniqueWamid();
  const body = buildMessagesWebhook({
    phoneNumberId,
    displayPhoneNumber: phoneNumberId,
    contacts: [{ waId, name: "Not a demo" }],
    messages: [sampleInboundMessage("text", { from: waId, wamid, text: "A real question" })],
  });
  expect((await postWebhook(body)).status).toBe(200);
  return eventually(() => db.message.findUnique({ where: { wamid } }), "the customer's message");
}

async function demoData(session: HttpSession, status = 200): Promise<DemoDataView | null> {
  const response = await session.request("/api/settings/demo-data");
  expect(response.status, await response.clone().text()).toBe(status);
  return status === 200 ? ((await response.json()) as { demo: DemoDataView }).demo : null;
}

describe("deleting the sandbox demo", () => {
  it("removes exactly the demo's rows, audited; a non-demo conversation survives; agents get 403", async () => {
    expect(await seedDemoOnce(graph)).toBe(true);
    const numbers = await db.phoneNumber.findMany({
      where: { phoneNumberId: { in: demoNumberIds } },
      orderBy: { phoneNumberId: "asc" },
    });
    expect(numbers.map((number) => [number.name, number.demo])).toEqual([
      ["Demo Shop Support", true],
      ["Demo Shop Sales", true],
    ]);
    const demoMessages = await eventually(async () => {
      const rows = await db.message.findMany({ where: { conversation: { phoneNumber: { demo: true } } } });
      return rows.length === DEMO_HISTORY.length && rows;
    }, "the demo's day of history");
    const demoConversationIds = [...new Set(demoMessages.map((message) => message.conversationId))];
    expect(demoConversationIds).toHaveLength(4);
    // What hangs off a demo message by wamid: a status, a reaction.
    const demoWamid = demoMessages[0]!.wamid!;
    await db.reaction.create({
      data: {
        targetWamid: demoWamid,
        fromKey: "agent",
        direction: "outbound",
        emoji: "👍",
        wamid: uniqueWamid(),
        timestamp: new Date(),
      },
    });

    // Not the demo: a stranger on a number of ours, and Ana (a demo customer) writing to that number too.
    const realNumber = `7${randomInt(1e9, 9e9)}${randomInt(1e4, 9e4)}`;
    const stranger = await customerWrites({ waId: uniqueWaId(), phoneNumberId: realNumber });
    const anaElsewhere = await customerWrites({ waId: ana, phoneNumberId: realNumber });
    const templates = [
      ...DEMO_TEMPLATES.map(({ name, language, status }) => ({ name, language, status })),
      { name: "order_update", language: "pt_BR", status: "APPROVED" }, // the demo's name, not its template
      { name: `spring_sale_${randomInt(1e6)}`, language: "en_US", status: "APPROVED" },
    ];
    for (const { name, language, status } of templates) {
      await db.template.upsert({
        where: { wabaId_name_language: { wabaId: DEMO_WABA_ID, name, language } },
        create: { wabaId: DEMO_WABA_ID, name, language, status },
        update: {},
      });
    }

    const expected = {
      numbers: ["Demo Shop Support", "Demo Shop Sales"],
      conversations: 4,
      messages: DEMO_HISTORY.length,
      contacts: 3, // Ana stays: she talks to another number
      templates: 3,
    };
    expect(await demoData(admin)).toEqual({ ...expected, deletedAt: null });

    // Agents may neither look nor delete.
    await demoData(agent, 403);
    const refused = await agent.request("/api/settings/demo-data", { method: "DELETE" });
    expect(refused.status).toBe(403);
    expect(await db.conversation.count({ where: { id: { in: demoConversationIds } } })).toBe(4);

    const response = await admin.request("/api/settings/demo-data", { method: "DELETE" });
    expect(response.status, await response.clone().text()).toBe(200);
    expect(((await response.json()) as { deleted: unknown }).deleted).toEqual(expected);

    // The demo's rows are gone…
    expect(await db.phoneNumber.count({ where: { phoneNumberId: { in: demoNumberIds } } })).toBe(0);
    expect(await db.conversation.count({ where: { id: { in: demoConversationIds } } })).toBe(0);
    expect(await db.message.count({ where: { id: { in: demoMessages.map((message) => message.id) } } })).toBe(0);
    expect(await db.reaction.count({ where: { targetWamid: demoWamid } })).toBe(0);
    const demoContactKeys = DEMO_CUSTOMERS.slice(1).map((customer) => customer.waId ?? customer.userId!);
    expect(
      await db.contact.count({
        where: { OR: [{ waId: { in: demoContactKeys } }, { userId: { in: demoContactKeys } }] },
      }),
    ).toBe(0);
    const left = await db.template.findMany({
      where: { wabaId: DEMO_WABA_ID, name: { in: templates.map((t) => t.name) } },
    });
    expect(left.map((template) => `${template.name}/${template.language}`).sort()).toEqual(
      templates
        .slice(3)
        .map((template) => `${template.name}/${template.language}`)
        .sort(),
    );
    // …and nothing else: the stranger's and Ana's other conversation, with their messages.
    for (const message of [stranger, anaElsewhere]) {
      expect(await db.message.findUnique({ where: { id: message.id } })).not.toBeNull();
      expect(await db.conversation.findUnique({ where: { id: message.conversationId } })).not.toBeNull();
    }
    expect(await db.contact.findUnique({ where: { waId: ana } })).not.toBeNull();

    const audit = await db.auditLog.findFirst({ where: { action: "demo.deleted" }, orderBy: { createdAt: "desc" } });
    expect(audit).toMatchObject({
      actorEmail: inject("adminEmail"),
      target: "sandbox:demo",
      targetLabel: "Demo Shop Support, Demo Shop Sales",
      detail: `2 numbers, 4 conversations, ${DEMO_HISTORY.length} messages, 3 contacts, 3 templates`,
    });

    // Gone for good: nothing left to delete, and the next start does not create it again.
    const again = await admin.request("/api/settings/demo-data", { method: "DELETE" });
    expect(again.status).toBe(404);
    expect(await demoData(admin)).toMatchObject({ numbers: [], conversations: 0, deletedAt: expect.any(String) });
    expect(await seedDemoOnce(graph)).toBe(false);
    expect(await db.phoneNumber.count({ where: { phoneNumberId: { in: demoNumberIds } } })).toBe(0);
  });
});
