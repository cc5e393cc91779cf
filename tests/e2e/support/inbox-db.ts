// Rows the inbox specs look up or seed in the inbox server's database with plain SQL: E2E tests run
// outside the react-server condition, so the app's server-only modules cannot be imported here.
import { expect } from "@playwright/test";
import pg from "pg";
import { type BusinessNumber, type Customer, newWamid, nextTimestamp } from "./customers";
import { e2eRun } from "./run";

let pool: pg.Pool | undefined;
// allowExitOnIdle: the worker process may end with the pool still open.
const db = () =>
  (pool ??= new pg.Pool({ connectionString: e2eRun().inbox.databaseUrl, max: 2, allowExitOnIdle: true }));

/** The conversation of this customer with this number, once the webhook that creates it was processed. */
export async function conversationIdOf({ customer, number }: { customer: Customer; number: BusinessNumber }) {
  let id: string | undefined;
  await expect
    .poll(
      async () => {
        const { rows } = await db().query<{ id: string }>(
          `SELECT c.id FROM conversations c
             JOIN contacts ct ON ct.id = c.contact_id
             JOIN phone_numbers p ON p.id = c.phone_number_id
           WHERE ct.wa_id = $1 AND p.phone_number_id = $2`,
          [customer.waId, number.phoneNumberId],
        );
        id = rows[0]?.id;
        return id;
      },
      { message: `the conversation of ${customer.name} with ${number.displayPhoneNumber}` },
    )
    .toBeTruthy();
  return id!;
}

/**
 * A text we sent, stored as recordOutboundMessage stores one once the Graph API answered with its
 * wamid: an outbound message with the "pending" tick, the conversation's activity moved forward.
 * Nothing is published: load (or reload) the page after seeding. Answers its id and wamid, for the
 * status webhooks that follow.
 */
export async function seedSentText({
  conversationId,
  to,
  text,
}: {
  conversationId: string;
  to: Customer;
  text: string;
}): Promise<{ id: string; wamid: string; timestamp: number }> {
  const wamid = newWamid(to);
  const timestamp = nextTimestamp();
  const sentAt = new Date(timestamp * 1000);
  const client = await db().connect();
  try {
    await client.query("BEGIN");
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO messages (id, wamid, conversation_id, direction, type, text, content, timestamp, timestamp_issue,
                             reply_to_wamid, forwarded, referral, errors, status, raw_event_id)
       VALUES ('msg_' || gen_random_uuid(), $1, $2, 'outbound', 'text', $3, $4::jsonb, $5, NULL,
               NULL, false, NULL, NULL, 'pending', NULL)
       RETURNING id`,
      [wamid, conversationId, text, JSON.stringify({ preview_url: false, body: text }), sentAt],
    );
    await client.query(
      `UPDATE conversations SET last_message_at = GREATEST(last_message_at, $2), updated_at = now() WHERE id = $1`,
      [conversationId, sentAt],
    );
    await client.query("COMMIT");
    return { id: rows[0]!.id, wamid, timestamp };
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
}

/** Waits until the server stored this many status webhooks for a wamid (each is applied as it is stored). */
export async function expectStatusesStored(wamid: string, count: number): Promise<void> {
  await expect
    .poll(
      async () => {
        const { rows } = await db().query<{ n: number }>(
          "SELECT count(*)::int AS n FROM status_events WHERE wamid = $1",
          [wamid],
        );
        return rows[0]?.n;
      },
      { message: `status webhooks stored for ${wamid}` },
    )
    .toBe(count);
}

/**
 * Moves the customer's latest message 25 hours back, so the 24-hour window is closed. Nothing is
 * published: load (or reload) the page after.
 */
export async function closeReplyWindow(conversationId: string): Promise<void> {
  await db().query(
    `UPDATE conversations SET last_inbound_at = now() - interval '25 hours', updated_at = now() WHERE id = $1`,
    [conversationId],
  );
}
