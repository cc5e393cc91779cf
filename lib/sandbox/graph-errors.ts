// Meta's error bodies (graph-api/guides/error-handling) and its Bearer token checks.
import { randomBytes } from "node:crypto";
import type { ServerResponse } from "node:http";

export type GraphError = {
  message: string;
  type: string;
  code: number;
  error_subcode?: number;
};

export function sendError(response: ServerResponse, status: number, error: GraphError & { details?: string }): void {
  const { details, ...rest } = error;
  const body = JSON.stringify({
    error: {
      ...rest,
      ...(details ? { error_data: { messaging_product: "whatsapp", details } } : {}),
      fbtrace_id: `A${randomBytes(8).toString("base64url")}`,
    },
  });
  response.writeHead(status, {
    "content-type": "application/json; charset=UTF-8",
    // Meta's 401s carry the OAuth 2 challenge too.
    ...(status === 401 ? { "www-authenticate": `OAuth "Facebook Platform" "invalid_token" "${error.message}"` } : {}),
  });
  response.end(body);
}

/** Meta's answer to an expired token (190, subcode 463), with HTTP 401. */
export const EXPIRED_TOKEN_ERROR: GraphError = {
  message:
    "Error validating access token: Session has expired on Thursday, 26-Nov-26 02:00:00 PST. The current time is Friday, 27-Nov-26 01:00:00 PST.",
  type: "OAuthException",
  code: 190,
  error_subcode: 463,
};

/** Bearer token checks as Meta answers them: 104 without one, 190 (463 when expired) for a bad one. */
export function authorized(
  tokens: Map<string, "valid" | "expired">,
  authorization: string | null,
  response: ServerResponse,
): boolean {
  const token = /^Bearer (.+)$/.exec(authorization ?? "")?.[1];
  if (!token) {
    sendError(response, 400, {
      message: "An access token is required to request this resource.",
      type: "OAuthException",
      code: 104,
    });
    return false;
  }
  const state = tokens.get(token);
  if (state === undefined) {
    sendError(response, 401, {
      message: "Invalid OAuth access token - Cannot parse access token",
      type: "OAuthException",
      code: 190,
    });
    return false;
  }
  if (state === "expired") {
    sendError(response, 401, EXPIRED_TOKEN_ERROR);
    return false;
  }
  return true;
}

export type SandboxSendError = { status: number; error: GraphError & { details?: string } };

export const invalidParameter = (details: string): SandboxSendError => ({
  status: 400,
  error: { message: "(#100) Invalid parameter", type: "OAuthException", code: 100, details },
});
