// The set-based SQL of `npm run db:seed:large`. Every row it writes has an id starting with
// "seed_" (and wamids carry "SEED" where Meta puts hex digits), so it can never clash with real data
// and `--reset` finds exactly what it wrote. Helper functions live in pg_temp: nothing is left behind.
import type pg from "pg";
import { seedWords } from "./seed-large-words";

export const SEED_PREFIX = "seed_";

/** Session-local helpers: a Meta-shaped wamid for (customer number, message number), and {p}/{c}/{n} filling. */
export const createHelpersSql = `
CREATE FUNCTION pg_temp.seed_wamid(phone text, no bigint) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT 'wamid.' || replace(encode(
    '\\x1c18'::bytea || set_byte('\\x00'::bytea, 0, length(phone)) || convert_to(phone, 'UTF8')
    || '\\x150200121814'::bytea || convert_to('SEED' || upper(lpad(to_hex(no), 16, '0')), 'UTF8') || '\\x00'::bytea,
    'base64'), E'\\n', '')
$$;
CREATE FUNCTION pg_temp.seed_fill(template text, product text, city text, no text) RETURNS text
  LANGUAGE sql IMMUTABLE AS $$ SELECT replace(replace(replace(template, '{p}', product), '{c}', city), '{n}', no) $$;
CREATE FUNCTION pg_temp.seed_pick(items text[], r double precision) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT items[1 + floor(r * array_length(items, 1))::int]
$$;`;

export async function seedRowsExist(client: pg.Client): Promise<boolean> {
  const { rows } = await client.query<{ found: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM phone_numbers WHERE id LIKE 'seed\\_%')
         OR EXISTS (SELECT 1 FROM contacts WHERE id LIKE 'seed\\_%')
         OR EXISTS (SELECT 1 FROM conversations WHERE id LIKE 'seed\\_%')
         OR EXISTS (SELECT 1 FROM labels WHERE id LIKE 'seed\\_%') AS found`,
  );
  return rows[0]?.found ?? false;
}

/** Deletes every seed row (and anything that was added to a seed conversation since). */
export async function deleteSeedRows(client: pg.Client): Promise<Record<string, number>> {
  const deleted: Record<string, number> = {};
  const run = async (table: string, sql: string) => (deleted[table] = (await client.query(sql)).rowCount ?? 0);
  await client.query("BEGIN");
  await run("messages", "DELETE FROM messages WHERE conversation_id LIKE 'seed\\_%' OR id LIKE 'seed\\_%'");
  // Private notes went with the messages (their mentions cascade); reads and labels' rows cascade here.
  await run("conversations", "DELETE FROM conversations WHERE id LIKE 'seed\\_%'");
  await run("labels", "DELETE FROM labels WHERE id LIKE 'seed\\_%'");
  await run("contacts", "DELETE FROM contacts WHERE id LIKE 'seed\\_%'");
  await run("phone_numbers", "DELETE FROM phone_numbers WHERE id LIKE 'seed\\_%'");
  await run("business_accounts", "DELETE FROM business_accounts WHERE id LIKE 'seed\\_%'");
  await client.query("COMMIT");
  return deleted;
}

/**
 * One transaction's worth of messages: every message of conversations [from, to] of seed_plan,
 * generated row by row from the word lists, then those conversations' clocks set from them.
 */
export async function insertMessageChunk(client: pg.Client, { from, to }: { from: number; to: number }) {
  const w = seedWords;
  const params = [
    from,
    to,
    w.inboundOpeners,
    w.inboundSubjects,
    w.inboundClosers,
    w.agentOpeners,
    w.agentBodies,
    w.agentClosers,
    w.products,
    w.cities,
    w.captions,
    w.documents,
    w.buttons,
    w.places,
    w.cardNames,
  ];
  await client.query("BEGIN");
  const inserted = await client.query(
    `WITH base AS MATERIALIZED (
       SELECT p.conv_id, p.phone, p.first_no + g.n - 1 AS no, g.n,
              -- Spread over the conversation's span; its last message is exactly at its end.
              to_timestamp(CASE WHEN g.n = p.msg_count THEN p.end_s
                                ELSE p.start_s + floor((p.end_s - p.start_s) * (g.n - 1 + random() * 0.9) / p.msg_count)
                           END) AS ts,
              random() AS r_dir, random() AS r_type, random() AS r1, random() AS r2, random() AS r3, random() AS r4,
              random() AS r5, random() AS r6, random() AS r_status
       FROM seed_plan p CROSS JOIN LATERAL generate_series(1, p.msg_count) AS g(n)
       WHERE p.conv_no BETWEEN $1 AND $2
     ), kinds AS MATERIALIZED (
       SELECT b.*, (1000 + floor(r4 * 98000))::int::text AS num,
              pg_temp.seed_pick($9, r2) AS product, pg_temp.seed_pick($10, r3) AS city,
              (1000000000000000 + floor(r4 * 8999999999999999))::bigint::text AS media_id,
              encode(sha256(int8send(no)), 'base64') AS sha,
              CASE WHEN r_dir < 0.55 THEN 'inbound' ELSE 'outbound' END AS direction,
              CASE WHEN r_dir < 0.55 THEN
                CASE WHEN r_type < 0.84 THEN 'text' WHEN r_type < 0.89 THEN 'image' WHEN r_type < 0.91 THEN 'document'
                     WHEN r_type < 0.935 THEN 'audio' WHEN r_type < 0.945 THEN 'video' WHEN r_type < 0.96 THEN 'sticker'
                     WHEN r_type < 0.968 THEN 'location' WHEN r_type < 0.972 THEN 'contacts'
                     WHEN r_type < 0.985 THEN 'interactive' WHEN r_type < 0.992 THEN 'button'
                     WHEN r_type < 0.998 THEN 'order' ELSE 'unsupported' END
              ELSE
                CASE WHEN r_type < 0.93 THEN 'text' WHEN r_type < 0.96 THEN 'image' WHEN r_type < 0.98 THEN 'document'
                     ELSE 'template' END
              END AS type
       FROM base b
     ), texts AS MATERIALIZED (
       SELECT k.*, string_to_array(pg_temp.seed_pick($14, r1), '|') AS place,
              pg_temp.seed_fill(pg_temp.seed_pick($12, r1), product, city, num) AS filename,
              pg_temp.seed_pick($13, r1) AS choice,
              CASE
                WHEN type = 'text' AND direction = 'inbound' THEN btrim(pg_temp.seed_pick($3, r1) || ' '
                  || pg_temp.seed_fill(pg_temp.seed_pick($4, r5), product, city, num) || pg_temp.seed_pick($5, r_status))
                WHEN type = 'text' THEN btrim(pg_temp.seed_pick($6, r1) || ' '
                  || pg_temp.seed_fill(pg_temp.seed_pick($7, r5), product, city, num) || pg_temp.seed_pick($8, r_status))
                WHEN type IN ('image', 'video', 'document') AND r5 < 0.4 THEN pg_temp.seed_pick($11, r1)
                WHEN type = 'template' THEN 'Your order #' || num || ' has shipped 🚚 Track it at https://example.com/t/' || num
              END AS body
       FROM kinds k
     )
     INSERT INTO messages (id, wamid, conversation_id, direction, type, text, content, timestamp, reply_to_wamid,
                           forwarded, errors, status, status_at, error_code, error_title, created_at)
     SELECT 'seed_msg_' || lpad(no::text, 7, '0'), pg_temp.seed_wamid(phone, no), conv_id,
            direction::message_direction, type,
            CASE type WHEN 'document' THEN coalesce(body, filename) WHEN 'location' THEN place[1]
                      WHEN 'contacts' THEN pg_temp.seed_pick($15, r1) WHEN 'interactive' THEN choice
                      WHEN 'button' THEN choice WHEN 'order' THEN CASE WHEN r5 < 0.5 THEN 'Please gift-wrap it' END
                      ELSE body END,
            CASE type
              WHEN 'text' THEN jsonb_build_object('body', body)
                || CASE WHEN direction = 'outbound' THEN '{"preview_url": false}'::jsonb ELSE '{}' END
              WHEN 'image' THEN jsonb_build_object('mime_type', 'image/jpeg', 'sha256', sha, 'id', media_id)
                || jsonb_strip_nulls(jsonb_build_object('caption', body))
              WHEN 'video' THEN jsonb_build_object('mime_type', 'video/mp4', 'sha256', sha, 'id', media_id)
                || jsonb_strip_nulls(jsonb_build_object('caption', body))
              WHEN 'document' THEN jsonb_build_object('mime_type', CASE WHEN filename LIKE '%.pdf' THEN 'application/pdf'
                  WHEN filename LIKE '%.xlsx' THEN 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
                  ELSE 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' END,
                  'sha256', sha, 'id', media_id, 'filename', filename) || jsonb_strip_nulls(jsonb_build_object('caption', body))
              WHEN 'audio' THEN jsonb_build_object('mime_type', CASE WHEN r5 < 0.8 THEN 'audio/ogg; codecs=opus' ELSE 'audio/mpeg' END,
                  'sha256', sha, 'id', media_id, 'voice', r5 < 0.8)
              WHEN 'sticker' THEN jsonb_build_object('mime_type', 'image/webp', 'sha256', sha, 'id', media_id, 'animated', r5 < 0.2)
              WHEN 'location' THEN jsonb_build_object('latitude', place[3]::numeric, 'longitude', place[4]::numeric,
                  'name', place[1], 'address', place[2])
              WHEN 'contacts' THEN jsonb_build_array(jsonb_build_object(
                  'name', jsonb_build_object('formatted_name', pg_temp.seed_pick($15, r1),
                                             'first_name', split_part(pg_temp.seed_pick($15, r1), ' ', 1)),
                  'phones', jsonb_build_array(jsonb_build_object('phone', '+1 (650) 555-01' || lpad((no % 100)::text, 2, '0'),
                                                                 'wa_id', '165055501' || lpad((no % 100)::text, 2, '0'),
                                                                 'type', 'CELL'))))
              WHEN 'interactive' THEN CASE WHEN r5 < 0.6
                THEN jsonb_build_object('type', 'button_reply', 'button_reply',
                                        jsonb_build_object('id', 'btn-' || floor(r1 * 6)::int, 'title', choice))
                ELSE jsonb_build_object('type', 'list_reply', 'list_reply',
                                        jsonb_build_object('id', 'row-' || floor(r1 * 6)::int, 'title', choice,
                                                           'description', 'Choose this option')) END
              WHEN 'button' THEN jsonb_build_object('payload', upper(replace(choice, ' ', '_')), 'text', choice)
              WHEN 'order' THEN jsonb_build_object('catalog_id', '1426389704792432', 'product_items', jsonb_build_array(
                  jsonb_build_object('product_retailer_id', replace(product, ' ', '-'), 'quantity', 1 + floor(r3 * 3)::int,
                                     'item_price', round((5 + r4 * 200)::numeric, 2), 'currency', 'EUR')))
                || CASE WHEN r5 < 0.5 THEN '{"text": "Please gift-wrap it"}'::jsonb ELSE '{}' END
              WHEN 'template' THEN jsonb_build_object('name', 'order_shipped', 'language', jsonb_build_object('code', 'en_US'),
                  'components', jsonb_build_array(jsonb_build_object('type', 'body', 'parameters',
                    jsonb_build_array(jsonb_build_object('type', 'text', 'text', num)))))
              WHEN 'unsupported' THEN '{"type": "poll_creation"}'::jsonb
            END,
            ts,
            CASE WHEN r6 < 0.03 AND n > 3 THEN pg_temp.seed_wamid(phone, no - 1 - floor(r3 * 3)::bigint) END,
            direction = 'inbound' AND r6 > 0.99,
            CASE WHEN type = 'unsupported' THEN '[{"code": 131051, "title": "Message type unknown", "message": "Message type unknown", "error_data": {"details": "Message type is currently not supported."}}]'::jsonb END,
            CASE WHEN direction = 'outbound' THEN
              (CASE WHEN r_status < 0.03 THEN 'failed' WHEN r_status < 0.08 THEN 'sent'
                    WHEN r_status < 0.28 THEN 'delivered' ELSE 'read' END)::message_status END,
            CASE WHEN direction = 'outbound' THEN ts + make_interval(secs => 2 + floor(r3 * 600)) END,
            CASE WHEN direction = 'outbound' AND r_status < 0.03 THEN CASE WHEN r_status < 0.015 THEN 131026 ELSE 131047 END END,
            CASE WHEN direction = 'outbound' AND r_status < 0.03
                 THEN CASE WHEN r_status < 0.015 THEN 'Message undeliverable' ELSE 'Re-engagement message' END END,
            ts + interval '1 second'
     FROM texts`,
    params,
  );
  // The list's order and the 24-hour window come from these clocks: set them from the messages.
  await client.query(
    `UPDATE conversations c SET last_message_at = a.last_at, last_inbound_at = a.last_in, created_at = a.first_at
     FROM (SELECT m.conversation_id, max(m.timestamp) AS last_at, min(m.timestamp) AS first_at,
                  max(m.timestamp) FILTER (WHERE m.direction = 'inbound') AS last_in
           FROM seed_plan p JOIN messages m ON m.conversation_id = p.conv_id
           WHERE p.conv_no BETWEEN $1 AND $2 GROUP BY m.conversation_id) a
     WHERE c.id = a.conversation_id`,
    [from, to],
  );
  await client.query("COMMIT");
  return inserted.rowCount ?? 0;
}

/**
 * Read positions for the existing users, so unread counts look lived-in: closed conversations read
 * to the end, about half of the open ones read up to some earlier point, the rest never opened.
 */
export async function insertReads(client: pg.Client): Promise<number> {
  const result = await client.query(
    `INSERT INTO conversation_reads (user_id, conversation_id, read_up_to, updated_at)
     SELECT u.id, c.id,
            CASE WHEN c.status = 'open' THEN c.last_inbound_at - make_interval(secs => floor(random() * 86400))
                 ELSE c.last_inbound_at END, now()
     FROM users u CROSS JOIN conversations c
     WHERE NOT u.banned AND c.id LIKE 'seed\\_%' AND c.last_inbound_at IS NOT NULL
       AND (c.status <> 'open' OR random() < 0.5)
     ON CONFLICT DO NOTHING`,
  );
  return result.rowCount ?? 0;
}
