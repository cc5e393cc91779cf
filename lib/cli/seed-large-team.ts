// The team's side of `npm run db:seed:large`: labels on the conversations and private notes (some
// mentioning a colleague), written set-based after the messages. Ids start with "seed_" like every
// other seed row, so `--reset` removes them (labels directly; the rest goes with its conversation).
import type pg from "pg";
import type { LabelColor } from "../views/labels";

/**
 * Twelve labels with the skew of a real inbox: each conversation draws each label with its own
 * chance (at most three are kept), so "Order status" sits on ~30% of conversations and "Fraud check"
 * on under 1%. The bench filters by the most and the least common (SEED_COMMON_LABEL, SEED_RARE_LABEL).
 */
export const SEED_LABELS: { id: string; name: string; color: LabelColor; chance: number }[] = [
  { id: "seed_lb_order_status", name: "Order status", color: "blue", chance: 0.3 },
  { id: "seed_lb_shipping", name: "Shipping", color: "teal", chance: 0.18 },
  { id: "seed_lb_refund", name: "Refund", color: "orange", chance: 0.12 },
  { id: "seed_lb_returns", name: "Returns", color: "amber", chance: 0.09 },
  { id: "seed_lb_payment", name: "Payment", color: "green", chance: 0.07 },
  { id: "seed_lb_vip", name: "VIP", color: "purple", chance: 0.05 },
  { id: "seed_lb_complaint", name: "Complaint", color: "red", chance: 0.04 },
  { id: "seed_lb_warranty", name: "Warranty", color: "indigo", chance: 0.03 },
  { id: "seed_lb_wholesale", name: "Wholesale", color: "gray", chance: 0.025 },
  { id: "seed_lb_feedback", name: "Feedback", color: "pink", chance: 0.02 },
  { id: "seed_lb_urgent", name: "Urgent", color: "red", chance: 0.015 },
  { id: "seed_lb_fraud_check", name: "Fraud check", color: "gray", chance: 0.008 },
];
export const SEED_COMMON_LABEL = "seed_lb_order_status";
export const SEED_SECOND_LABEL = "seed_lb_shipping";
export const SEED_RARE_LABEL = "seed_lb_fraud_check";
const MAX_SEED_LABELS_PER_CONVERSATION = 3;
/** Share of conversations with private notes (1–3 each), and of notes that mention a colleague. */
const NOTE_SHARE = 0.04;
const MENTION_SHARE = 0.3;
const NOTE_TEXTS = [
  "Customer called too, same question. Keep it short.",
  "Refund approved by finance, waiting for the bank.",
  "Courier confirms the parcel is in the depot — promise Friday.",
  "Second time this month: offer the 10% voucher.",
  "Do not promise a date before the supplier answers.",
  "Invoice sent by email as well.",
  "Asked for a manager; I said someone will call back tomorrow.",
  "Wrong size shipped by us: free return label.",
  "Payment shows twice in their bank app but only once with us.",
  "VIP customer, handle first.",
];

/**
 * Labels (skipped when a label of the same name already exists: names are unique whatever their
 * case) and the label rows of every seed conversation. Returns how many conversation labels.
 */
export async function insertLabels(client: pg.Client): Promise<number> {
  await client.query(
    `INSERT INTO labels (id, name, color, created_at, updated_at)
     SELECT id, name, color, now() - interval '200 days', now()
     FROM unnest($1::text[], $2::text[], $3::text[]) AS v(id, name, color)
     ON CONFLICT DO NOTHING`,
    [
      SEED_LABELS.map((label) => label.id),
      SEED_LABELS.map((label) => label.name),
      SEED_LABELS.map((label) => label.color),
    ],
  );
  const result = await client.query(
    `WITH draws AS (
       SELECT c.id AS conversation_id, s.label_id, s.chance, random() AS r, c.created_at, c.last_message_at
       FROM conversations c CROSS JOIN unnest($1::text[], $2::float8[]) AS s(label_id, chance)
       WHERE c.id LIKE 'seed\\_%'
     ), kept AS (
       -- The rarest of a conversation's draws are kept first (r / chance): a cap of 3 keeps the skew.
       SELECT d.*, row_number() OVER (PARTITION BY d.conversation_id ORDER BY d.r / d.chance) AS rank
       FROM draws d WHERE d.r < d.chance
     )
     INSERT INTO conversation_labels (conversation_id, label_id, created_at)
     SELECT k.conversation_id, k.label_id,
            k.created_at + (COALESCE(k.last_message_at, k.created_at) - k.created_at) * random()
     FROM kept k JOIN labels l ON l.id = k.label_id
     WHERE k.rank <= $3
     ON CONFLICT DO NOTHING`,
    [SEED_LABELS.map((label) => label.id), SEED_LABELS.map((label) => label.chance), MAX_SEED_LABELS_PER_CONVERSATION],
  );
  return result.rowCount ?? 0;
}

/**
 * Private notes on a few percent of the seed conversations, at moments inside each conversation's
 * span (so they page in order with its messages and leave the list's order alone), written by the
 * existing users; some mention another user by @Name, most of those mentions already read. With
 * no users yet the notes have no author and mention nobody.
 */
export async function insertNotes(client: pg.Client): Promise<{ notes: number; mentions: number }> {
  await client.query(
    `CREATE TEMP TABLE seed_notes ON COMMIT DROP AS
     WITH team AS (
       SELECT coalesce(array_agg(id ORDER BY id), '{}') AS ids, coalesce(array_agg(name ORDER BY id), '{}') AS names
       FROM users WHERE NOT banned
     ), picked AS (
       SELECT c.id AS conversation_id, c.created_at, COALESCE(c.last_message_at, c.created_at) AS last_at,
              1 + floor(random() * 3)::int AS count
       FROM conversations c WHERE c.id LIKE 'seed\\_%' AND random() < $1
     ), notes AS (
       SELECT p.*, g.k, random() AS r_time, random() AS r_author, random() AS r_other, random() AS r_mention,
              random() AS r_text, random() AS r_read
       FROM picked p CROSS JOIN LATERAL generate_series(1, p.count) AS g(k)
     ), authored AS (
       SELECT n.*, t.ids, t.names, cardinality(t.ids) AS team_size,
              CASE WHEN cardinality(t.ids) > 0 THEN 1 + floor(n.r_author * cardinality(t.ids))::int END AS author_at
       FROM notes n CROSS JOIN team t
     )
     SELECT 'seed_note_' || substr(a.conversation_id, 9) || '_' || a.k AS id, a.conversation_id,
            a.created_at + (a.last_at - a.created_at) * a.r_time AS ts, a.ids[a.author_at] AS author_id,
            m.user_id AS mention_id, a.r_read < 0.7 AS mention_read,
            coalesce('@' || a.names[m.at] || ' ', '') || ($3::text[])[1 + floor(a.r_text * cardinality($3::text[]))::int] AS text
     FROM authored a
     -- Another user than the author, when there are two or more.
     LEFT JOIN LATERAL (
       SELECT 1 + (a.author_at + floor(a.r_other * (a.team_size - 1))::int) % a.team_size AS at,
              a.ids[1 + (a.author_at + floor(a.r_other * (a.team_size - 1))::int) % a.team_size] AS user_id
       WHERE a.team_size >= 2 AND a.r_mention < $2
     ) m ON true`,
    [NOTE_SHARE, MENTION_SHARE, NOTE_TEXTS],
  );
  const notes = await client.query(
    `INSERT INTO messages (id, conversation_id, direction, type, text, timestamp, author_kind, author_id, created_at)
     SELECT id, conversation_id, 'outbound', 'note', text, ts, 'note', author_id, ts FROM seed_notes`,
  );
  const mentions = await client.query(
    `INSERT INTO note_mentions (message_id, user_id, conversation_id, created_at, read_at)
     SELECT id, mention_id, conversation_id, ts, CASE WHEN mention_read THEN least(ts + interval '1 hour', now()) END
     FROM seed_notes WHERE mention_id IS NOT NULL`,
  );
  return { notes: notes.rowCount ?? 0, mentions: mentions.rowCount ?? 0 };
}
