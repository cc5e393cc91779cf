// Meta's side of the sandbox: a stand-in for the Graph API that speaks the documented request and
// response shapes (Bearer tokens, `GET /{version}/{phone-number-id}`, the error body of
// graph-api/guides/error-handling) and records what it was asked. `npm start` runs it in sandbox
// mode; the tests run the same code (README → Sandbox).
import { createServer } from "node:http";
import { CONTROL_PREFIX, handleControl } from "./control";
import type { SimulatedCustomer, WebhookTarget } from "./customers";
import { authorized, type GraphError, sendError } from "./graph-errors";
import { answerMedia, receiveUpload, UPLOAD_PATH } from "./graph-media";
import { handlePost } from "./graph-sends";
import { type LimitState, newLimitState, type SandboxLimits, UNLIMITED } from "./graph-limits";
import { answerTemplatePage, TEMPLATES_PATH } from "./graph-templates";
import type { SandboxMedia, SandboxUpload } from "./graph-media";
import type { SandboxTemplate } from "./graph-templates";

export type { SandboxMedia, SandboxUpload } from "./graph-media";
export type { SandboxTemplate, SandboxTemplateComponent } from "./graph-templates";

export type SandboxPhoneNumber = {
  id: string;
  display_phone_number: string;
  verified_name: string;
  quality_rating: "GREEN" | "YELLOW" | "RED" | "UNKNOWN";
  code_verification_status?: string;
  platform_type?: string;
  throughput?: { level: string };
};

export type SandboxGraphRequest = {
  method: string;
  path: string;
  authorization: string | null;
  /** The parsed JSON body of a POST (null for GET or a body that is not JSON). */
  body: unknown;
  /** When the request arrived: epoch milliseconds with sub-millisecond precision. */
  at: number;
};

/** What the sandbox does with the next matching send instead of accepting it. */
export type SandboxSendBehaviour =
  | { error: GraphError & { status: number; details?: string } }
  /** Never answers (the client times out). */
  | { hang: true }
  /** Reads the request, then destroys the connection without an answer. */
  | { reset: true }
  /** Accepts it (a wamid), then reports it failed with this error code by status webhook (131026: undeliverable). */
  | { fail: number };

export type SandboxSendRule = {
  /** Matches sends to this customer (`to` or `recipient`); any when absent. */
  recipient?: string;
  /** How many matching sends it applies to (then it is removed). */
  times: number;
  behaviour: SandboxSendBehaviour;
};

export type GraphSandbox = {
  url: string;
  /** Tokens Meta knows: valid ones, and ones it reports as expired (190/463). Others are invalid (190). */
  tokens: Map<string, "valid" | "expired">;
  /** Phone numbers every valid token may read. */
  phoneNumbers: Map<string, SandboxPhoneNumber>;
  requests: SandboxGraphRequest[];
  /** Accepted sends, in arrival order, with the wamid the sandbox gave each. */
  sent: { body: Record<string, unknown>; wamid: string; at: number; phoneNumberId: string }[];
  /** Behaviours for the next sends (failures, hangs, resets), applied in order. */
  rules: SandboxSendRule[];
  /** How long every POST …/messages takes to answer (Meta's latency), in ms. */
  latencyMs: number;
  /** Media Meta holds, by media id (GET /{media-id} and its download URL; see "Media" below). */
  media: Map<string, SandboxMedia>;
  /** Message templates per WABA id (GET /{waba-id}/message_templates; template sends are checked against them). */
  templates: Map<string, SandboxTemplate[]>;
  /** Templates per page of the list (Meta's default is 25; `limit` asks for fewer). */
  templatePageSize: number;
  /** Files uploaded with POST /{phone-number-id}/media, in arrival order (see "Uploads" below). */
  uploads: SandboxUpload[];
  /** Simulated customers by address (wa_id or business-scoped user id): sends to them get status webhooks. */
  customers: Map<string, SimulatedCustomer>;
  /** Sandbox mode: a send to a recipient nobody simulates yet makes them a simulated customer. */
  simulateEveryRecipient: boolean;
  /** Between accepting a send and its `sent` status webhook, and again before `delivered`, in ms. */
  statusDelayMs: number;
  /** Meta's sending limits (graph-limits.ts): the window always; rates only when asked (sandbox mode). */
  limits: SandboxLimits;
  limitState: LimitState;
  /** How often a status webhook comes out of order, and how often one comes twice (0…1; 0 = never). */
  statusQuirks: { outOfOrder: number; duplicate: number };
  /** The dice behind the quirks (tests make them certain). */
  random: () => number;
  /** The app's webhook URL and App Secret, asked before every post (they can change); null: post nothing. */
  webhookTarget: () => Promise<WebhookTarget | null>;
  close: () => Promise<void>;
};

export async function startGraphSandbox({ port = 0 }: { port?: number } = {}): Promise<GraphSandbox> {
  const tokens = new Map<string, "valid" | "expired">();
  const phoneNumbers = new Map<string, SandboxPhoneNumber>();
  const requests: SandboxGraphRequest[] = [];
  const sandbox: GraphSandbox = {
    url: "",
    tokens,
    phoneNumbers,
    requests,
    sent: [],
    rules: [],
    latencyMs: 0,
    media: new Map(),
    templates: new Map(),
    templatePageSize: 25,
    uploads: [],
    customers: new Map(),
    simulateEveryRecipient: false,
    statusDelayMs: 0,
    limits: { ...UNLIMITED },
    limitState: newLimitState(),
    statusQuirks: { outOfOrder: 0, duplicate: 0 },
    random: Math.random,
    webhookTarget: async () => null,
    close: async () => undefined,
  };

  const server = createServer((request, response) => {
    const at = performance.timeOrigin + performance.now();
    const path = new URL(request.url ?? "/", "http://sandbox").pathname;
    const authorization = request.headers.authorization ?? null;
    if (path.startsWith(`${CONTROL_PREFIX}/`)) return handleControl(sandbox, request, response);
    if (request.method === "POST" && UPLOAD_PATH.test(path)) {
      receiveUpload({ sandbox, request, path, authorization, at, response });
      return;
    }
    if (request.method === "POST") {
      let raw = "";
      request.setEncoding("utf8");
      request.on("data", (chunk: string) => (raw += chunk));
      request.on("end", () => {
        let body: unknown = null;
        try {
          body = JSON.parse(raw);
        } catch {
          // recorded as null; answered below
        }
        requests.push({ method: "POST", path, authorization, body, at });
        handlePost({ sandbox, path, authorization, body, at, response });
      });
      return;
    }
    requests.push({ method: request.method ?? "GET", path, authorization, body: null, at });
    if (request.method === "GET" && answerMedia({ sandbox, url: request.url ?? "/", authorization, response })) return;
    if (request.method === "GET" && TEMPLATES_PATH.test(path)) {
      if (!authorized(tokens, authorization, response)) return;
      return answerTemplatePage({ sandbox, url: new URL(request.url ?? "/", sandbox.url), response });
    }

    const match = /^\/(v\d+\.\d+)\/([^/]+)$/.exec(path);
    if (request.method !== "GET" || !match) {
      return sendError(response, 400, {
        message: `Unknown path components: ${path}`,
        type: "OAuthException",
        code: 2500,
      });
    }
    if (!authorized(tokens, authorization, response)) return;
    const id = decodeURIComponent(match[2] ?? "");
    const number = phoneNumbers.get(id);
    if (!number) {
      return sendError(response, 400, {
        message: `Unsupported get request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
        type: "GraphMethodException",
        code: 100,
        error_subcode: 33,
      });
    }
    response.writeHead(200, { "content-type": "application/json; charset=UTF-8" });
    response.end(
      JSON.stringify({
        code_verification_status: "VERIFIED",
        platform_type: "CLOUD_API",
        throughput: { level: "STANDARD" },
        ...number,
      }),
    );
  });

  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.address();
  if (typeof address !== "object" || !address) throw new Error("sandbox Graph API did not start");
  sandbox.url = `http://127.0.0.1:${address.port}`;
  sandbox.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return sandbox;
}
