// A local stand-in for Meta's Graph API, for what tests cannot reach: it speaks the documented
// request and response shapes (Bearer tokens, `GET /{version}/{phone-number-id}`, the error body
// of graph-api/guides/error-handling) and records what it was asked.
import { randomBytes } from "node:crypto";
import { createServer, type ServerResponse } from "node:http";

export type FakePhoneNumber = {
  id: string;
  display_phone_number: string;
  verified_name: string;
  quality_rating: "GREEN" | "YELLOW" | "RED" | "UNKNOWN";
  code_verification_status?: string;
  platform_type?: string;
  throughput?: { level: string };
};

export type FakeGraphRequest = { method: string; path: string; authorization: string | null };

export type FakeGraphApi = {
  url: string;
  /** Tokens Meta knows: valid ones, and ones it reports as expired (190/463). Others are invalid (190). */
  tokens: Map<string, "valid" | "expired">;
  /** Phone numbers every valid token may read. */
  phoneNumbers: Map<string, FakePhoneNumber>;
  requests: FakeGraphRequest[];
  close: () => Promise<void>;
};

type GraphError = {
  message: string;
  type: string;
  code: number;
  error_subcode?: number;
};

function sendError(response: ServerResponse, status: number, error: GraphError): void {
  const body = JSON.stringify({ error: { ...error, fbtrace_id: `A${randomBytes(8).toString("base64url")}` } });
  response.writeHead(status, {
    "content-type": "application/json; charset=UTF-8",
    // Meta's 401s carry the OAuth 2 challenge too.
    ...(status === 401 ? { "www-authenticate": `OAuth "Facebook Platform" "invalid_token" "${error.message}"` } : {}),
  });
  response.end(body);
}

export async function startFakeGraphApi(): Promise<FakeGraphApi> {
  const tokens = new Map<string, "valid" | "expired">();
  const phoneNumbers = new Map<string, FakePhoneNumber>();
  const requests: FakeGraphRequest[] = [];

  const server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://fake").pathname;
    const authorization = request.headers.authorization ?? null;
    requests.push({ method: request.method ?? "GET", path, authorization });

    const match = /^\/(v\d+\.\d+)\/([^/]+)$/.exec(path);
    if (request.method !== "GET" || !match) {
      return sendError(response, 400, {
        message: `Unknown path components: ${path}`,
        type: "OAuthException",
        code: 2500,
      });
    }
    const token = /^Bearer (.+)$/.exec(authorization ?? "")?.[1];
    if (!token) {
      return sendError(response, 400, {
        message: "An access token is required to request this resource.",
        type: "OAuthException",
        code: 104,
      });
    }
    const state = tokens.get(token);
    if (state === undefined) {
      return sendError(response, 401, {
        message: "Invalid OAuth access token - Cannot parse access token",
        type: "OAuthException",
        code: 190,
      });
    }
    if (state === "expired") {
      return sendError(response, 401, {
        message:
          "Error validating access token: Session has expired on Thursday, 26-Nov-26 02:00:00 PST. The current time is Friday, 27-Nov-26 01:00:00 PST.",
        type: "OAuthException",
        code: 190,
        error_subcode: 463,
      });
    }
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

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (typeof address !== "object" || !address) throw new Error("fake Graph API did not start");
  return {
    url: `http://127.0.0.1:${address.port}`,
    tokens,
    phoneNumbers,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
