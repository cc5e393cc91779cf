// The sandbox's control API, under /_sandbox/ on the stand-in's own port: the customer simulator
// (through the app's /api/sandbox routes) and the E2E specs drive Meta's side through it — the
// customers' actions, failures on request, Meta's limits and status habits (control-settings.ts),
// media and templates Meta holds, and what it was sent.
// It listens on 127.0.0.1 only, like the rest of the stand-in.
import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { attachmentInbound, mediaInbound } from "./customer-attachments";
import { type customerActionSchema, standInActionSchema } from "./schemas";
import { addCustomer, customerReads, customerSends } from "./customers";
import { toCustomerView } from "./chat-view";
import { readSandboxSettings, sandboxSettingsSchema, updateSandboxSettings } from "./control-settings";
import { uninstallDemo } from "./demo";
import type { GraphSandbox, SandboxSendRule, SandboxTemplate } from "./graph-api";

export const CONTROL_PREFIX = "/_sandbox";

const ruleSchema = z.object({
  recipient: z.string().min(1).optional(),
  times: z.number().int().min(1).max(1_000),
  behaviour: z.union([
    z.object({
      error: z.object({
        status: z.number().int().min(400).max(599),
        message: z.string(),
        type: z.string(),
        code: z.number().int(),
        error_subcode: z.number().int().optional(),
        details: z.string().optional(),
      }),
    }),
    z.object({ hang: z.literal(true) }),
    z.object({ reset: z.literal(true) }),
    z.object({ fail: z.number().int() }),
  ]),
});
const mediaSchema = z.object({ id: z.string().min(1), mimeType: z.string().min(1), base64: z.string() });
const templateSchema = z.object({ wabaId: z.string().min(1), template: z.looseObject({ name: z.string() }) });
const customerSchema = z
  .object({
    waId: z
      .string()
      .regex(/^\d{6,20}$/)
      .nullish(),
    userId: z.string().min(3).max(200).nullish(),
    name: z.string().min(1).max(200),
    phoneNumberId: z.string().min(1),
    displayPhoneNumber: z.string().regex(/^\d{6,20}$/),
  })
  .refine((customer) => customer.waId || customer.userId, "waId or userId is required");

type Reply = (status: number, body: unknown) => void;

export function handleControl(sandbox: GraphSandbox, request: IncomingMessage, response: ServerResponse): void {
  const url = new URL(request.url ?? "/", "http://sandbox");
  const path = url.pathname.slice(CONTROL_PREFIX.length);
  const reply: Reply = (status, body) => {
    response.writeHead(status, { "content-type": "application/json" });
    response.end(body === null ? "" : JSON.stringify(body));
  };
  let raw = "";
  request.setEncoding("utf8");
  request.on("data", (chunk: string) => (raw += chunk));
  request.on("end", () => {
    let body: unknown = null;
    try {
      body = raw ? JSON.parse(raw) : null;
    } catch {
      return reply(400, { error: "the body is not JSON" });
    }
    route({ sandbox, method: request.method ?? "GET", path, url, body, reply }).catch((error: unknown) => {
      console.error("[sandbox] control request failed", error);
      reply(500, { error: "the sandbox could not do that" });
    });
  });
}

async function route({
  sandbox,
  method,
  path,
  url,
  body,
  reply,
}: {
  sandbox: GraphSandbox;
  method: string;
  path: string;
  url: URL;
  body: unknown;
  reply: Reply;
}): Promise<void> {
  const parse = <T>(schema: z.ZodType<T>): T | null => {
    const parsed = schema.safeParse(body);
    if (parsed.success) return parsed.data;
    reply(422, { error: parsed.error.issues.map((issue) => issue.message).join("; ") });
    return null;
  };
  if (method === "POST" && path === "/rules") {
    const rule = parse(ruleSchema);
    if (rule) sandbox.rules.push(rule as SandboxSendRule);
    return rule ? reply(204, null) : undefined;
  }
  if (path === "/settings" && method === "GET") return reply(200, readSandboxSettings(sandbox));
  if (path === "/settings" && method === "POST") {
    const settings = parse(sandboxSettingsSchema);
    if (settings) updateSandboxSettings(sandbox, settings);
    return settings ? reply(200, readSandboxSettings(sandbox)) : undefined;
  }
  if (method === "POST" && path === "/media") {
    const media = parse(mediaSchema);
    if (media) sandbox.media.set(media.id, { bytes: Buffer.from(media.base64, "base64"), mimeType: media.mimeType });
    return media ? reply(204, null) : undefined;
  }
  if (method === "POST" && path === "/templates") {
    const given = parse(templateSchema);
    if (!given) return;
    const template = given.template as unknown as SandboxTemplate;
    sandbox.templates.set(given.wabaId, [...(sandbox.templates.get(given.wabaId) ?? []), template]);
    return reply(204, null);
  }
  if (method === "POST" && path === "/demo/forget") {
    uninstallDemo(sandbox);
    return reply(204, null);
  }
  if (method === "GET" && path === "/requests") return reply(200, recordedPosts(sandbox, url));
  if (method === "GET" && path === "/uploads") {
    return reply(
      200,
      sandbox.uploads.map(({ bytes, ...upload }) => ({
        ...upload,
        size: bytes.length,
        sha256: createHash("sha256").update(bytes).digest("hex"),
      })),
    );
  }
  if (method === "GET" && path === "/customers") {
    return reply(
      200,
      [...sandbox.customers.values()].map((customer) => toCustomerView(sandbox, customer)),
    );
  }
  if (method === "POST" && path === "/customers") {
    const spec = parse(customerSchema);
    return spec ? reply(201, toCustomerView(sandbox, addCustomer(sandbox, spec))) : undefined;
  }
  const customerPath = /^\/customers\/([^/]+)\/(messages|read)$/.exec(path);
  const customer = customerPath ? sandbox.customers.get(decodeURIComponent(customerPath[1]!)) : undefined;
  if (method === "POST" && customerPath && !customer) return reply(404, { error: "no such simulated customer" });
  if (method === "POST" && customer && customerPath?.[2] === "read") {
    return reply(200, { read: await customerReads(sandbox, customer) });
  }
  if (method === "POST" && customer && customerPath?.[2] === "messages") {
    const action = parse(standInActionSchema);
    if (!action) return;
    const tapped = action.type === "button" ? customer.chat.find((entry) => entry.wamid === action.messageId) : null;
    const { entry, delivered } = await customerSends(
      sandbox,
      customer,
      action.type === "media" ? mediaInbound(sandbox, action) : toInbound(action, tappedKind(tapped?.body)),
    );
    // Meta keeps a message the app refused and retries for days; the phone shows it sent either way.
    return reply(201, { wamid: entry.wamid, delivered });
  }
  reply(404, { error: "unknown control path" });
}

/** The customer's action as Meta's inbound message object (without from, id and timestamp). */
/** What a tapped choice belongs to: a template's quick replies, a reply-button message, or a list. */
function tappedKind(sent: Record<string, unknown> | undefined): "template" | "button" | "list" {
  if (sent?.type !== "interactive") return "template";
  return (sent.interactive as { type?: unknown } | undefined)?.type === "list" ? "list" : "button";
}

function toInbound(
  action: z.infer<typeof customerActionSchema>,
  tapped: "template" | "button" | "list",
): Record<string, unknown> {
  switch (action.type) {
    case "text":
      return {
        type: "text",
        text: { body: action.text },
        ...(action.replyTo ? { context: { id: action.replyTo } } : {}),
      };
    case "button":
      if (tapped !== "template") {
        const reply = { id: action.payload ?? action.text, title: action.text };
        return {
          type: "interactive",
          interactive:
            tapped === "list"
              ? { type: "list_reply", list_reply: reply }
              : { type: "button_reply", button_reply: reply },
          context: { id: action.messageId },
        };
      }
      // A template's quick reply arrives as type "button" pointing at the template (webhooks/reference/messages).
      return {
        type: "button",
        button: { payload: action.payload ?? action.text, text: action.text },
        context: { id: action.messageId },
      };
    case "reaction":
      return { type: "reaction", reaction: { message_id: action.messageId, emoji: action.emoji } };
    case "location":
    case "contacts":
      return attachmentInbound(action);
  }
}

/** POSTs only (sends, reactions, read receipts), for one customer or one message id. */
function recordedPosts(sandbox: GraphSandbox, url: URL) {
  const to = url.searchParams.get("to");
  const messageId = url.searchParams.get("messageId");
  return sandbox.requests
    .filter((request) => request.method === "POST" && typeof request.body === "object" && request.body !== null)
    .map((request) => ({ path: request.path, body: request.body as Record<string, unknown>, at: request.at }))
    .filter(
      (request) =>
        (to === null || request.body.to === to) && (messageId === null || request.body.message_id === messageId),
    );
}
