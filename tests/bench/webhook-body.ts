// Realistic signed webhook bodies for the ingest benchmark, cheap enough to build one per request:
// the shape comes once from the lib/whatsapp sample builders, each request only fills in a few
// placeholders and pays one HMAC, so the load generator does not become the bottleneck.
import { buildMessagesWebhook, sampleInboundMessage } from "../../lib/whatsapp/sample-payloads";
import { escapeLikeMeta } from "../../lib/whatsapp/meta-json";
import { signPayload } from "../../lib/whatsapp/signature";

export type SignedWebhook = { wamid: string; body: string; signature: string };

const NAMES = [
  "Ana Lima",
  "João Pereira",
  "Zoë Müller",
  "Kwame Mensah",
  "Priya Sharma",
  "Łucja Nowak",
  "Søren Ødegaard",
];
const TEXTS = [
  "Olá! Is my order #1042 on its way? 📦",
  "Hi, can I change the delivery address to Rua das Flores 12/3?",
  "¿Tienen la talla M en azul?",
  "The payment failed twice 😕 what should I do?",
];

function template(text: string): string[] {
  const message = sampleInboundMessage("text", { wamid: "{{wamid}}", from: "{{from}}", text });
  message.timestamp = "{{timestamp}}";
  const json = JSON.stringify(
    buildMessagesWebhook({ contacts: [{ waId: "{{from}}", name: "{{name}}" }], messages: [message] }),
  );
  // Odd indexes are placeholder names, even ones the literal text between them.
  return escapeLikeMeta(json).split(/\{\{(\w+)\}\}/);
}

/** Same layout as Meta's wamids (base64 of a record with the phone and a hex id); the id holds the sequence. */
function wamidFor(phone: string, runTag: string, seq: number): string {
  const hexId = `${runTag}${seq.toString(16).padStart(12, "0")}`.toUpperCase();
  const record = `\x1c\x18${String.fromCharCode(phone.length)}${phone}\x15\x02\x00\x12\x18\x14${hexId}\x00`;
  return `wamid.${Buffer.from(record, "latin1").toString("base64")}`;
}

/**
 * A generator of unique single-text-message webhooks from `senders` distinct customers, so the
 * inbox sees many conversations (as a real number does) rather than one hot row.
 */
export function createWebhookFactory({
  appSecret,
  senders,
  runTag,
}: {
  appSecret: string;
  senders: number;
  runTag: string;
}) {
  const templates = TEXTS.map(template);
  let seq = 0;
  return (): SignedWebhook => {
    seq += 1;
    const sender = Math.floor(Math.random() * senders);
    const from = `5511${900_000_000 + sender}`;
    const values: Record<string, string> = {
      wamid: wamidFor(from, runTag, seq),
      from,
      name: escapeLikeMeta(NAMES[sender % NAMES.length] ?? "Customer"),
      timestamp: String(Math.floor(Date.now() / 1000)),
    };
    const parts = templates[seq % templates.length] ?? [];
    let body = "";
    for (let index = 0; index < parts.length; index += 1)
      body += (index % 2 ? values[parts[index] ?? ""] : parts[index]) ?? "";
    return { wamid: values.wamid ?? "", body, signature: signPayload(body, appSecret) };
  };
}

let markedTemplate: string[] | undefined;

/**
 * One customer's text message with a text of the caller's choosing (the realtime benchmark's
 * marker), signed over the exact bytes; `seq` must be unique per runTag.
 */
export function signedTextWebhook({
  appSecret,
  from,
  name,
  text,
  runTag,
  seq,
}: {
  appSecret: string;
  from: string;
  name: string;
  text: string;
  runTag: string;
  seq: number;
}): SignedWebhook {
  markedTemplate ??= template("{{text}}");
  const values: Record<string, string> = {
    wamid: wamidFor(from, runTag, seq),
    from,
    name: escapeLikeMeta(name),
    // Inside a JSON string already: only the escaping JSON itself needs.
    text: escapeLikeMeta(JSON.stringify(text).slice(1, -1)),
    timestamp: String(Math.floor(Date.now() / 1000)),
  };
  let body = "";
  for (let index = 0; index < markedTemplate.length; index += 1)
    body += (index % 2 ? values[markedTemplate[index] ?? ""] : markedTemplate[index]) ?? "";
  return { wamid: values.wamid ?? "", body, signature: signPayload(body, appSecret) };
}
