import "server-only";
import type { DemoDataCounts } from "@/lib/views/demo";
import type { Db } from "./client";
import { ensurePhoneNumber } from "./phone-numbers";

// The sandbox demo's rows. Its numbers carry the mark (phone_numbers.demo); everything on them is
// demo data: their conversations with every message (and what hangs off a message: media, sends,
// statuses, reactions), the contacts who talk to no other number, and the demo's templates.

export type DemoTemplateKey = { wabaId: string; name: string; language: string };

export type { DemoDataCounts };

/** Registers the demo's numbers before its first webhook, marked and named (an admin's own name wins). */
export async function markDemoPhoneNumbers({
  db,
  wabaId,
  numbers,
}: {
  db: Db;
  wabaId: string;
  numbers: { phoneNumberId: string; displayPhoneNumber: string; name: string }[];
}): Promise<void> {
  for (const number of numbers) {
    const id = await ensurePhoneNumber({
      db,
      phoneNumberId: number.phoneNumberId,
      displayPhoneNumber: number.displayPhoneNumber,
      wabaId,
    });
    await db.phoneNumber.update({ where: { id }, data: { demo: true } });
    await db.phoneNumber.updateMany({ where: { id, name: null }, data: { name: number.name } });
  }
}

async function demoScope(db: Db, templates: DemoTemplateKey[]) {
  const numbers = await db.phoneNumber.findMany({
    where: { demo: true },
    select: { id: true, name: true, displayPhoneNumber: true, phoneNumberId: true },
    orderBy: { createdAt: "asc" },
  });
  const conversations = await db.conversation.findMany({
    where: { phoneNumberId: { in: numbers.map((number) => number.id) } },
    select: { id: true, contactId: true },
  });
  const conversationIds = conversations.map((conversation) => conversation.id);
  const contactIds = [...new Set(conversations.map((conversation) => conversation.contactId))];
  // A demo customer who also writes to a real number stays, with that conversation.
  const elsewhere = await db.conversation.findMany({
    where: { contactId: { in: contactIds }, id: { notIn: conversationIds } },
    select: { contactId: true },
    distinct: ["contactId"],
  });
  const kept = new Set(elsewhere.map((conversation) => conversation.contactId));
  return {
    numbers,
    conversationIds,
    contactIds: contactIds.filter((id) => !kept.has(id)),
    templateWhere: { OR: templates.map(({ wabaId, name, language }) => ({ wabaId, name, language })) },
  };
}

export async function countDemoData({
  db,
  templates,
}: {
  db: Db;
  templates: DemoTemplateKey[];
}): Promise<DemoDataCounts> {
  const scope = await demoScope(db, templates);
  const [messages, templateCount] = await Promise.all([
    db.message.count({ where: { conversationId: { in: scope.conversationIds } } }),
    db.template.count({ where: scope.templateWhere }),
  ]);
  return {
    numbers: scope.numbers.map((number) => number.name ?? number.displayPhoneNumber ?? number.phoneNumberId),
    conversations: scope.conversationIds.length,
    messages,
    contacts: scope.contactIds.length,
    templates: templateCount,
  };
}

/**
 * Deletes the demo's rows and nothing else (run it in a transaction); returns how much it deleted
 * and which conversations (open inboxes drop them).
 */
export async function deleteDemoData({
  db,
  templates,
}: {
  db: Db;
  templates: DemoTemplateKey[];
}): Promise<{ counts: DemoDataCounts; conversationIds: string[] }> {
  const scope = await demoScope(db, templates);
  const conversationId = { in: scope.conversationIds };
  const wamids = (await db.message.findMany({ where: { conversationId }, select: { wamid: true } }))
    .map((message) => message.wamid)
    .filter((wamid): wamid is string => wamid !== null);
  // Keyed by wamid, not linked: statuses of and reactions on the deleted messages.
  await db.statusEvent.deleteMany({ where: { wamid: { in: wamids } } });
  await db.reaction.deleteMany({ where: { targetWamid: { in: wamids } } });
  // Read receipts and reactions queued for these conversations (a message's own send goes with it).
  await db.outboundSend.deleteMany({ where: { conversationId } });
  // Media, note mentions and sends go with their message; reads and labels with their conversation.
  const messages = await db.message.deleteMany({ where: { conversationId } });
  await db.conversation.deleteMany({ where: { id: conversationId } });
  const contacts = await db.contact.deleteMany({ where: { id: { in: scope.contactIds } } });
  await db.phoneNumber.deleteMany({ where: { id: { in: scope.numbers.map((number) => number.id) } } });
  const deletedTemplates = await db.template.deleteMany({ where: scope.templateWhere });
  const counts = {
    numbers: scope.numbers.map((number) => number.name ?? number.displayPhoneNumber ?? number.phoneNumberId),
    conversations: scope.conversationIds.length,
    messages: messages.count,
    contacts: contacts.count,
    templates: deletedTemplates.count,
  };
  return { counts, conversationIds: scope.conversationIds };
}
