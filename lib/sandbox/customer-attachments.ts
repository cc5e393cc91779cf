// What the simulated customer attaches, as Meta's inbound message objects (webhooks/reference/messages):
// a photo, a document or a voice note — whose bytes the stand-in then holds under a new media id, so
// the app downloads them the way it does from Meta (GET /{media-id} with the token, then the URL) — a
// location, or a contact card.
import { createHash, randomInt } from "node:crypto";
import type { SandboxCustomerAction, SandboxCustomerMedia } from "@/lib/views/sandbox";
import type { GraphSandbox } from "./graph-api";

type Attachment = Extract<SandboxCustomerAction, { type: "location" | "contacts" }>;

export function attachmentInbound(action: Attachment): Record<string, unknown> {
  if (action.type === "location") {
    const { latitude, longitude, name, address } = action;
    return {
      type: "location",
      location: { latitude, longitude, ...(name ? { name } : {}), ...(address ? { address } : {}) },
    };
  }
  const [first, ...rest] = action.name.split(/\s+/);
  const digits = action.phone.replace(/\D/g, "");
  return {
    type: "contacts",
    contacts: [
      {
        name: {
          formatted_name: action.name,
          first_name: first,
          ...(rest.length > 0 ? { last_name: rest.join(" ") } : {}),
        },
        // Meta adds wa_id when the number is on WhatsApp; every simulated number is.
        phones: [{ phone: action.phone, wa_id: digits, type: "CELL" }],
      },
    ],
  };
}

/** Meta keeps the customer's file under a fresh media id; the webhook names it with its sha256. */
export function mediaInbound(sandbox: GraphSandbox, media: SandboxCustomerMedia): Record<string, unknown> {
  const bytes = Buffer.from(media.base64, "base64");
  const id = newMediaId(sandbox);
  // WhatsApp records voice notes as OGG/Opus and says so with the codec.
  const mimeType = media.kind === "voice" ? "audio/ogg; codecs=opus" : media.mimeType;
  sandbox.media.set(id, { bytes, mimeType });
  const sha256 = createHash("sha256").update(bytes).digest("base64");
  if (media.kind === "voice") {
    return { type: "audio", audio: { mime_type: mimeType, sha256, id, voice: true } };
  }
  const caption = media.caption ? { caption: media.caption } : {};
  if (media.kind === "image") return { type: "image", image: { ...caption, mime_type: mimeType, sha256, id } };
  return { type: "document", document: { ...caption, filename: media.filename, mime_type: mimeType, sha256, id } };
}

/** Numeric like Meta's (16 digits), never one the stand-in already holds. */
function newMediaId(sandbox: GraphSandbox): string {
  for (;;) {
    const id = `1${String(randomInt(1e9)).padStart(9, "0")}${String(randomInt(1e6)).padStart(6, "0")}`;
    if (!sandbox.media.has(id)) return id;
  }
}
