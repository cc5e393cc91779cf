import type { ServerResponse } from "node:http";
import type { GraphSandbox } from "./graph-api";
import { type SandboxSendError, sendError } from "./graph-errors";

// ── Message templates (GET /{waba-id}/message_templates, template sends) ─────────────────────────
// business-management-api/message-templates: the list is paged with cursors and a `paging.next`
// URL; a template send is checked against the named template (132001 when it does not exist in
// that language, 132000 when the number of parameters does not match).

export type SandboxTemplateComponent =
  | { type: "HEADER"; format: "TEXT"; text: string; example?: { header_text?: string[] } }
  | { type: "HEADER"; format: "IMAGE" | "VIDEO" | "DOCUMENT"; example?: { header_handle: string[] } }
  | {
      type: "BODY";
      text: string;
      example?: { body_text?: string[][]; body_text_named_params?: { param_name: string; example: string }[] };
    }
  | { type: "FOOTER"; text: string }
  | {
      type: "BUTTONS";
      buttons: (
        | { type: "QUICK_REPLY"; text: string }
        | { type: "URL"; text: string; url: string; example?: string[] }
        | { type: "PHONE_NUMBER"; text: string; phone_number: string }
        | { type: "COPY_CODE"; example: string }
      )[];
    };

export type SandboxTemplate = {
  id: string;
  name: string;
  language: string;
  status: "APPROVED" | "PENDING" | "REJECTED" | "PAUSED" | "DISABLED";
  category: "MARKETING" | "UTILITY" | "AUTHENTICATION";
  parameter_format: "POSITIONAL" | "NAMED";
  components: SandboxTemplateComponent[];
  rejected_reason?: string;
  quality_score?: { score: "GREEN" | "YELLOW" | "RED" | "UNKNOWN"; date?: number };
};

export const TEMPLATES_PATH = /^\/v\d+\.\d+\/[^/]+\/message_templates$/;

export function answerTemplatePage({
  sandbox,
  url,
  response,
}: {
  sandbox: GraphSandbox;
  url: URL;
  response: ServerResponse;
}): void {
  const wabaId = decodeURIComponent(url.pathname.split("/")[2]!);
  const all = sandbox.templates.get(wabaId);
  if (!all) {
    return sendError(response, 400, {
      message: `Unsupported get request. Object with ID '${wabaId}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
      type: "GraphMethodException",
      code: 100,
      error_subcode: 33,
    });
  }
  const limit = Math.min(
    Number(url.searchParams.get("limit") ?? sandbox.templatePageSize) || 25,
    sandbox.templatePageSize,
  );
  const after = url.searchParams.get("after");
  const start = after ? Number(Buffer.from(after, "base64url").toString()) : 0;
  const page = all.slice(start, start + limit);
  const cursor = (index: number) => Buffer.from(String(index)).toString("base64url");
  const next = new URL(url);
  next.searchParams.set("after", cursor(start + page.length));
  response.writeHead(200, { "content-type": "application/json; charset=UTF-8" });
  response.end(
    JSON.stringify({
      data: page,
      paging: {
        cursors: { before: cursor(start), after: cursor(start + page.length) },
        ...(start + page.length < all.length ? { next: next.toString() } : {}),
      },
    }),
  );
}

export function validateTemplateSend(sandbox: GraphSandbox, template: unknown): SandboxSendError | null {
  const sent = (template ?? {}) as { name?: unknown; language?: { code?: unknown }; components?: unknown };
  const known = [...sandbox.templates.values()]
    .flat()
    .find((candidate) => candidate.name === sent.name && candidate.language === sent.language?.code);
  if (!known) {
    return {
      status: 404,
      error: {
        message: "(#132001) Template name does not exist in the translation",
        type: "OAuthException",
        code: 132001,
        details: `template name (${String(sent.name)}) does not exist in ${String(sent.language?.code)}`,
      },
    };
  }
  const components = Array.isArray(sent.components)
    ? (sent.components as { type?: string; parameters?: unknown[] }[])
    : [];
  const mediaHeader = mediaHeaderError(sandbox, known, components);
  if (mediaHeader) return mediaHeader;
  for (const part of ["header", "body"] as const) {
    const declared = known.components.find((component) => component.type === part.toUpperCase());
    if (declared && "format" in declared && declared.format !== "TEXT") continue;
    const text = declared && "text" in declared ? declared.text : "";
    const expected = new Set([...text.matchAll(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g)].map((match) => match[1])).size;
    const given = components.find((component) => component.type === part)?.parameters?.length ?? 0;
    if (given !== expected) {
      return {
        status: 400,
        error: {
          message: "(#132000) Number of parameters does not match the expected number of params",
          type: "OAuthException",
          code: 132000,
          details: `${part}: number of localizable_params (${given}) does not match the expected number of params (${expected})`,
        },
      };
    }
  }
  return null;
}

/**
 * A media header (IMAGE/VIDEO/DOCUMENT) needs one parameter of that type naming a file by an id
 * Meta issued (or a link): 132012 (parameter format mismatch) otherwise, as Meta answers.
 */
function mediaHeaderError(
  sandbox: GraphSandbox,
  known: SandboxTemplate,
  components: { type?: string; parameters?: unknown[] }[],
): SandboxSendError | null {
  const declared = known.components.find((component) => component.type === "HEADER");
  if (!declared || !("format" in declared) || declared.format === "TEXT") return null;
  const kind = declared.format.toLowerCase();
  const parameters = (components.find((component) => component.type === "header")?.parameters ?? []) as Record<
    string,
    unknown
  >[];
  const media = parameters[0]?.[kind] as { id?: unknown; link?: unknown } | undefined;
  const knownId = typeof media?.id === "string" && sandbox.uploads.some((upload) => upload.id === media.id);
  if (parameters.length === 1 && parameters[0]!.type === kind && (knownId || typeof media?.link === "string")) {
    return null;
  }
  return {
    status: 400,
    error: {
      message: "(#132012) Parameter format does not match format in the created template",
      type: "OAuthException",
      code: 132012,
      details: `header: Format mismatch, expected ${declared.format}, received ${JSON.stringify(parameters[0] ?? null)}`,
    },
  };
}
