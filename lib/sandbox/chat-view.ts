// A simulated customer's phone, built from what crossed the wire: the business's send bodies (read
// by the app's own message reader and template renderer) and the customer's inbound messages.
import type { SandboxAttachment, SandboxChatItem, SandboxCustomerView } from "@/lib/views/sandbox";
import { placeholdersOf, renderTemplate, type TemplateValues } from "@/lib/views/template";
import { buildMessageBody, messageBodyText } from "@/lib/whatsapp/message-body";
import { readTemplateDefinition } from "@/lib/whatsapp/template-schema";
import type { ChatEntry, SimulatedCustomer } from "./customers";
import type { GraphSandbox } from "./graph-api";
import { interactiveChoices } from "./graph-interactive";

export function toCustomerView(sandbox: GraphSandbox, customer: SimulatedCustomer): SandboxCustomerView {
  const items: SandboxChatItem[] = [];
  const byWamid = new Map<string, SandboxChatItem>();
  for (const entry of customer.chat) {
    const type = String(entry.body.type ?? "unknown");
    if (type === "reaction") {
      const reaction = (entry.body.reaction ?? {}) as { message_id?: string; emoji?: string };
      const target = byWamid.get(reaction.message_id ?? "");
      if (!target) continue;
      target.reactions = target.reactions.filter((existing) => existing.from !== entry.from);
      if (reaction.emoji) target.reactions.push({ from: entry.from, emoji: reaction.emoji });
      continue;
    }
    const item = toItem(sandbox, entry, type);
    const quoted = (entry.body.context as { message_id?: string; id?: string } | undefined) ?? undefined;
    const quotedItem = byWamid.get(quoted?.message_id ?? quoted?.id ?? "");
    if (quotedItem) item.quote = { wamid: quotedItem.wamid, text: quotedItem.text };
    items.push(item);
    byWamid.set(item.wamid, item);
  }
  return {
    address: customer.address,
    name: customer.name,
    waId: customer.waId,
    userId: customer.userId,
    businessNumber: `+${customer.displayPhoneNumber}`,
    chat: items,
    unread: customer.chat.filter(
      (entry) => entry.from === "business" && entry.status !== "read" && entry.status !== "failed",
    ).length,
  };
}

function toItem(sandbox: GraphSandbox, entry: ChatEntry, type: string): SandboxChatItem {
  const item: SandboxChatItem = {
    wamid: entry.wamid,
    from: entry.from,
    at: new Date(entry.at).toISOString(),
    status: entry.status,
    type,
    text: "",
    header: null,
    footer: null,
    buttons: [],
    quote: null,
    reactions: [],
    attachment: null,
    link: null,
  };
  if (type === "template") return { ...item, ...templateContent(sandbox, entry.body.template) };
  const content = entry.body[type];
  const body = buildMessageBody({ type, content, text: null, errors: null });
  const text = messageBodyText(body);
  const attachment = body.kind === "media" && body.voice ? "voice" : type;
  const label = LABELS[attachment];
  item.text = text ?? label ?? `(${type})`;
  if (label) item.attachment = attachment as SandboxAttachment;
  if (type === "interactive") {
    item.buttons = interactiveChoices(content).map((choice) => ({ ...choice, tappable: entry.from === "business" }));
    // The business's own interactive message (a customer's reply is read above, as the app reads it).
    const sent = content as { body?: { text?: unknown }; header?: { text?: unknown }; footer?: { text?: unknown } };
    if (typeof sent?.body?.text === "string") item.text = sent.body.text;
    if (typeof sent?.header?.text === "string") item.header = sent.header.text;
    if (typeof sent?.footer?.text === "string") item.footer = sent.footer.text;
  }
  // Meta draws a preview of the first link when the business asked for one (text.preview_url).
  if (type === "text" && (content as { preview_url?: unknown })?.preview_url === true) item.link = firstLink(text);
  return item;
}

/** A template send as the phone shows it: the stand-in's template filled with the send's parameters. */
function templateContent(
  sandbox: GraphSandbox,
  sent: unknown,
): Pick<SandboxChatItem, "text" | "header" | "footer" | "buttons"> {
  const send = (sent ?? {}) as {
    name?: string;
    language?: { code?: string };
    components?: {
      type?: string;
      sub_type?: string;
      index?: string | number;
      parameters?: Record<string, unknown>[];
    }[];
  };
  const known = [...sandbox.templates.values()]
    .flat()
    .find((template) => template.name === send.name && template.language === send.language?.code);
  if (!known) return { text: `Template ${send.name ?? ""}`, header: null, footer: null, buttons: [] };
  const definition = readTemplateDefinition({ parameterFormat: known.parameter_format, components: known.components });
  const values: TemplateValues = {};
  for (const part of ["header", "body"] as const) {
    const declared = part === "header" ? definition.header?.text : definition.body?.text;
    const names = placeholdersOf(declared);
    const parameters = send.components?.find((component) => component.type === part)?.parameters ?? [];
    parameters.forEach((parameter, index) => {
      const name = typeof parameter.parameter_name === "string" ? parameter.parameter_name : names[index];
      if (name !== undefined && typeof parameter.text === "string") values[`${part}.${name}`] = parameter.text;
    });
  }
  const rendered = renderTemplate(definition, values);
  return {
    text: rendered.body ?? "",
    header: rendered.header,
    footer: rendered.footer,
    buttons: rendered.buttons.map((button, index) => {
      const payload = send.components?.find(
        (component) => component.sub_type === "quick_reply" && String(component.index) === String(index),
      )?.parameters?.[0]?.payload;
      return {
        text: button.text,
        payload: typeof payload === "string" ? payload : button.type === "QUICK_REPLY" ? button.text : null,
        tappable: button.type === "QUICK_REPLY",
      };
    }),
  };
}

/** What the phone says for what is not text when it has no caption or name. */
const LABELS: Record<string, string> = {
  image: "Photo",
  video: "Video",
  audio: "Audio",
  voice: "Voice note",
  document: "Document",
  sticker: "Sticker",
  location: "Location",
  contacts: "Contact",
};

/** The first http(s) link of a text, as the phone's preview card names it (the stand-in fetches nothing). */
function firstLink(text: string | null): SandboxChatItem["link"] {
  const match = text ? /https?:\/\/[^\s<>"]+/i.exec(text) : null;
  if (!match) return null;
  try {
    const url = new URL(match[0]);
    return { url: url.href, host: url.host };
  } catch {
    return null;
  }
}
