// One line describing a message, for the conversation list and quoted replies. Pure and
// client-safe: it sees only the type and the stored text (body, caption, chosen title…).

const MAX_PREVIEW_LENGTH = 140;

const MEDIA_LABELS: Record<string, string> = {
  image: "Photo",
  video: "Video",
  audio: "Audio",
  document: "Document",
  sticker: "Sticker",
};

/**
 * The icon a preview starts with (drawn as an inline icon: no emoji font needed), or null. The
 * words of `messagePreview` stand on their own for screen readers and search.
 */
export type PreviewIcon =
  "photo" | "video" | "audio" | "document" | "sticker" | "location" | "contact" | "order" | "chat";
const PREVIEW_ICONS: Record<string, PreviewIcon> = {
  image: "photo",
  video: "video",
  audio: "audio",
  document: "document",
  sticker: "sticker",
  location: "location",
  contacts: "contact",
  order: "order",
  request_welcome: "chat",
};

export function previewIcon(type: string | null): PreviewIcon | null {
  return PREVIEW_ICONS[type ?? ""] ?? null;
}

export function messagePreview({ type, text }: { type: string | null; text: string | null }): string {
  const clean = typeof text === "string" ? collapse(text) : "";
  return cap(describe(type ?? "unknown", clean));
}

function describe(type: string, text: string): string {
  const labelled = (label: string) => (text ? `${label}: ${text}` : label);
  const media = MEDIA_LABELS[type];
  if (media !== undefined) return labelled(media);
  switch (type) {
    case "text":
      return text;
    case "location":
      return labelled("Location");
    case "contacts":
      return labelled("Contact");
    case "interactive":
      return text || "Interactive reply";
    case "button":
      return text || "Button reply";
    case "template":
      return labelled("Template");
    case "order":
      return labelled("Order");
    case "reaction":
      return text ? `Reacted ${text}` : "Reaction";
    case "system":
      return text || "System message";
    case "request_welcome":
      return "Chat opened";
    default:
      return "Unsupported message";
  }
}

function collapse(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** Cuts by code point so that an emoji is never split in half. */
function cap(text: string): string {
  const chars = Array.from(text);
  if (chars.length <= MAX_PREVIEW_LENGTH) return text;
  return `${chars
    .slice(0, MAX_PREVIEW_LENGTH - 1)
    .join("")
    .trimEnd()}…`;
}
