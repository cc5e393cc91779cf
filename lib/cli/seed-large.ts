// npm run db:seed:large [-- --reset] — fills a database with 10,000 conversations and 1,000,000
// messages for measuring the inbox at size (README → Speed). Writes to DATABASE_URL, else to the
// embedded database `npm start` uses (the running one, or started here for the run).
import { parseArgs } from "node:util";
import pg from "pg";
import { openConfiguredDatabase } from "./configured-database";
import { runPrisma } from "./prisma";
import {
  chunkConversations,
  LONG_THREAD_NAME,
  PANEL_CONVERSATION_NO,
  PANEL_CUSTOMER_NAME,
  planContacts,
  planConversations,
  SEED_CONVERSATIONS,
  SEED_MESSAGES,
  SEED_PHONE_NUMBERS,
} from "./seed-large-plan";
import { createHelpersSql, deleteSeedRows, insertMessageChunk, insertReads, seedRowsExist } from "./seed-large-sql";
import { insertLabels, insertNotes, SEED_LABELS } from "./seed-large-team";

const usage = `Usage: npm run db:seed:large [-- --reset]
  Adds ${SEED_CONVERSATIONS.toLocaleString("en")} conversations with ${SEED_MESSAGES.toLocaleString("en")} messages (ids "seed_…"), ${SEED_LABELS.length} labels
  and private notes to DATABASE_URL's database, else to the embedded database of \`npm start\` (DATA_DIR/postgres).
  --reset   delete the rows of an earlier seed first (it refuses to seed twice without it)`;

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

async function main() {
  const { values } = parseArgs({ options: { reset: { type: "boolean" }, help: { type: "boolean", short: "h" } } });
  if (values.help) return console.log(usage);
  const started = performance.now();
  const database = await openConfiguredDatabase();
  console.log(`[seed] writing to ${database.which}`);
  const client = new pg.Client({ connectionString: database.url });
  try {
    // The same schema the app runs on (as `npm start` does first).
    runPrisma(["migrate", "deploy"], { DATABASE_URL: database.url });
    await client.connect();
    if (await seedRowsExist(client)) {
      if (!values.reset) {
        console.error("[seed] this database already holds seed rows (ids seed_…): run with --reset to replace them");
        process.exitCode = 1;
        return;
      }
      const resetAt = performance.now();
      const deleted = await deleteSeedRows(client);
      const summary = Object.entries(deleted).map(([table, count]) => `${count.toLocaleString("en")} ${table}`);
      // Lets the new rows reuse the space of the deleted ones (the database does not double in size).
      await client.query(
        "VACUUM messages, conversations, contacts, conversation_reads, conversation_labels, note_mentions, labels",
      );
      console.log(`[seed] --reset: deleted ${summary.join(", ")} and vacuumed in ${seconds(resetAt)}`);
    }
    await seed(client);
    const vacuumAt = performance.now();
    // Statistics for the planner, and a visibility map so index-only scans work as on a settled database.
    await client.query(
      "VACUUM (ANALYZE) contacts, conversations, messages, conversation_reads, phone_numbers, labels, " +
        "conversation_labels, note_mentions",
    );
    console.log(`[seed] VACUUM ANALYZE in ${seconds(vacuumAt)}`);
    const { rows } = await client.query<{ database: string; messages: string }>(
      `SELECT pg_size_pretty(pg_database_size(current_database())) AS database,
              pg_size_pretty(pg_total_relation_size('messages')) AS messages`,
    );
    console.log(
      `[seed] done in ${seconds(started)} · database size ${rows[0]?.database} (messages with indexes ${rows[0]?.messages})`,
    );
  } finally {
    await client.end().catch(() => undefined);
    await database.embedded?.stop();
  }
}

async function seed(client: pg.Client) {
  const nowS = Math.floor(Date.now() / 1000);
  const { rows: users } = await client.query<{ id: string }>("SELECT id FROM users WHERE NOT banned ORDER BY id");
  const contacts = planContacts();
  const conversations = planConversations({ nowS, assignees: users.length });
  const setupAt = performance.now();
  await client.query("SELECT setseed(0.42)");
  await client.query(createHelpersSql);
  await client.query("BEGIN");
  // Two numbers carry nearly all conversations; the rest are stores the panel customer wrote to.
  await client.query(
    `INSERT INTO business_accounts (id, waba_id, name) VALUES ('seed_waba', 'seed_102290129340398', 'Seed WABA');
     INSERT INTO phone_numbers (id, phone_number_id, display_phone_number, name, business_account_id)
     VALUES ('seed_pn_1', 'seed_106540352242922', '15550100001', 'Support (seed)', 'seed_waba'),
            ('seed_pn_2', 'seed_107655329352714', '15550100002', 'Sales (seed)', 'seed_waba');
     INSERT INTO phone_numbers (id, phone_number_id, display_phone_number, name, business_account_id)
     SELECT 'seed_pn_' || n, 'seed_1080000000000' || lpad(n::text, 2, '0'), '155501000' || lpad(n::text, 2, '0'),
            'Store ' || lpad(n::text, 2, '0') || ' (seed)', 'seed_waba'
     FROM generate_series(3, ${SEED_PHONE_NUMBERS}) AS n`,
  );
  const contactId = (no: number) => `seed_ct_${String(no).padStart(5, "0")}`;
  await client.query(
    `INSERT INTO contacts (id, wa_id, user_id, profile_name, created_at, updated_at)
     SELECT id, wa_id, user_id, name, now() - interval '200 days', now()
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS v(id, wa_id, user_id, name)`,
    [
      contacts.map((contact) => contactId(contact.no)),
      contacts.map((contact) => contact.waId),
      contacts.map((contact) => contact.userId),
      contacts.map((contact) => contact.name),
    ],
  );
  const column = <T>(pick: (conversation: (typeof conversations)[number]) => T) => conversations.map(pick);
  const phoneOf = new Map(contacts.map((contact) => [contact.no, contact.waId ?? contact.userId ?? "0"]));
  // The plan, kept in a temporary table for the chunked message inserts.
  await client.query(
    `CREATE TEMP TABLE seed_plan AS
     SELECT * FROM unnest($1::int[], $2::text[], $3::bigint[], $4::int[], $5::bigint[], $6::bigint[], $7::text[])
       AS v(conv_no, conv_id, first_no, msg_count, start_s, end_s, phone)`,
    [
      column((c) => c.no),
      column((c) => `seed_cv_${String(c.no).padStart(5, "0")}`),
      column((c) => c.firstMessageNo),
      column((c) => c.messageCount),
      column((c) => c.startS),
      column((c) => c.endS),
      column((c) => phoneOf.get(c.contactNo) ?? "0"),
    ],
  );
  await client.query("CREATE INDEX ON seed_plan (conv_no)");
  await client.query(
    `INSERT INTO conversations (id, contact_id, phone_number_id, status, assignee_id, created_at, updated_at)
     SELECT p.conv_id, v.contact_id, 'seed_pn_' || v.phone_no, v.status::conversation_status, v.assignee_id,
            to_timestamp(p.start_s), now()
     FROM unnest($1::int[], $2::text[], $3::int[], $4::text[], $5::text[])
       AS v(conv_no, contact_id, phone_no, status, assignee_id)
     JOIN seed_plan p ON p.conv_no = v.conv_no`,
    [
      column((c) => c.no),
      column((c) => contactId(c.contactNo)),
      column((c) => c.phoneNo),
      column((c) => c.status),
      column((c) => (c.assigneeSlot === null ? null : (users[c.assigneeSlot]?.id ?? null))),
    ],
  );
  await client.query("COMMIT");
  console.log(
    `[seed] ${SEED_PHONE_NUMBERS} phone numbers, ${contacts.length.toLocaleString("en")} contacts, ` +
      `${conversations.length.toLocaleString("en")} conversations (` +
      `${users.length ? `about half assigned to the ${users.length} existing users` : "no users yet: all unassigned"}` +
      `) in ${seconds(setupAt)}`,
  );

  let written = 0;
  const messagesAt = performance.now();
  for (const chunk of chunkConversations(conversations)) {
    const chunkAt = performance.now();
    written += await insertMessageChunk(client, chunk);
    console.log(
      `[seed] messages ${written.toLocaleString("en")} / ${SEED_MESSAGES.toLocaleString("en")} ` +
        `(conversations ${chunk.from}–${chunk.to}) +${seconds(chunkAt)}`,
    );
  }
  console.log(`[seed] ${written.toLocaleString("en")} messages in ${seconds(messagesAt)}`);
  const reads = await insertReads(client);
  const long = `seed_cv_00001`;
  console.log(
    `[seed] ${reads.toLocaleString("en")} read positions for existing users · "${LONG_THREAD_NAME}" is ${long} ` +
      `(${conversations[0]?.messageCount} messages, newest activity) → /inbox/${long}`,
  );
  const teamAt = performance.now();
  await client.query("BEGIN");
  const labelled = await insertLabels(client);
  const { notes, mentions } = await insertNotes(client);
  await client.query("COMMIT");
  const panel = `seed_cv_${String(PANEL_CONVERSATION_NO).padStart(5, "0")}`;
  console.log(
    `[seed] ${SEED_LABELS.length} labels on ${labelled.toLocaleString("en")} conversation rows · ` +
      `${notes.toLocaleString("en")} private notes (${mentions} mentions) in ${seconds(teamAt)} · ` +
      `"${PANEL_CUSTOMER_NAME}" has ${SEED_PHONE_NUMBERS} conversations, one per number → /inbox/${panel}`,
  );
}

main().catch((error: unknown) => {
  console.error(`[seed] ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
