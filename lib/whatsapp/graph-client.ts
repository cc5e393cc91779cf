// The Graph API as the Cloud API documents it: Bearer-authenticated JSON calls under a version
// path, and one error shape. Pure protocol: no database, no settings — callers pass the token.
import { z } from "zod";

/** Meta's error body (graph-api/guides/error-handling). */
export const graphErrorBodySchema = z.object({
  error: z.object({
    message: z.string(),
    type: z.string().optional(),
    code: z.number().int(),
    error_subcode: z.number().int().optional(),
    error_user_title: z.string().optional(),
    error_user_msg: z.string().optional(),
    fbtrace_id: z.string().optional(),
  }),
});
export type GraphErrorBody = z.infer<typeof graphErrorBodySchema>;

/** `GET /{phone-number-id}`: the default fields of a WhatsApp business phone number. */
export const graphPhoneNumberSchema = z.object({
  id: z.string(),
  display_phone_number: z.string().optional(),
  verified_name: z.string().optional(),
  quality_rating: z.string().optional(),
  code_verification_status: z.string().optional(),
  platform_type: z.string().optional(),
  name_status: z.string().optional(),
  throughput: z.object({ level: z.string().optional() }).optional(),
});
export type GraphPhoneNumber = z.infer<typeof graphPhoneNumberSchema>;

export type GraphFailure =
  | {
      kind: "meta";
      httpStatus: number;
      code: number;
      subcode: number | null;
      type: string | null;
      message: string;
      fbtraceId: string | null;
    }
  | { kind: "network"; message: string }
  | { kind: "unexpected"; httpStatus: number; message: string };

export type GraphResult<T> = { ok: true; data: T } | { ok: false; failure: GraphFailure };

export type GraphClientOptions = {
  /** e.g. https://graph.facebook.com (WHATSAPP_GRAPH_API_URL). */
  baseUrl: string;
  /** e.g. v26.0 */
  version: string;
  accessToken: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
};

export function createGraphClient({
  baseUrl,
  version,
  accessToken,
  timeoutMs = 10_000,
  fetch: fetchImpl,
}: GraphClientOptions) {
  const doFetch = fetchImpl ?? fetch;

  async function get<T>(path: string, schema: z.ZodType<T>): Promise<GraphResult<T>> {
    const url = `${baseUrl.replace(/\/+$/, "")}/${encodeURIComponent(version)}/${path}`;
    let response: Response;
    try {
      response = await doFetch(url, {
        headers: { authorization: `Bearer ${accessToken}`, accept: "application/json" },
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const timedOut = error instanceof Error && error.name === "TimeoutError";
      return {
        ok: false,
        failure: {
          kind: "network",
          message: timedOut
            ? `${new URL(url).host} did not answer within ${timeoutMs / 1000} s`
            : `could not reach ${new URL(url).host} (${error instanceof Error ? error.message : String(error)})`,
        },
      };
    }
    const body = (await response.json().catch(() => undefined)) as unknown;
    if (!response.ok) {
      const parsed = graphErrorBodySchema.safeParse(body);
      if (!parsed.success) {
        return {
          ok: false,
          failure: { kind: "unexpected", httpStatus: response.status, message: "not a Graph API error" },
        };
      }
      const { error } = parsed.data;
      return {
        ok: false,
        failure: {
          kind: "meta",
          httpStatus: response.status,
          code: error.code,
          subcode: error.error_subcode ?? null,
          type: error.type ?? null,
          message: error.message,
          fbtraceId: error.fbtrace_id ?? null,
        },
      };
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      return {
        ok: false,
        failure: {
          kind: "unexpected",
          httpStatus: response.status,
          message: "the answer does not match Meta's documented shape",
        },
      };
    }
    return { ok: true, data: parsed.data };
  }

  return {
    getPhoneNumber: (phoneNumberId: string) => get(encodeURIComponent(phoneNumberId), graphPhoneNumberSchema),
  };
}

export type GraphClient = ReturnType<typeof createGraphClient>;

// Subcodes of 190 (graph-api/guides/error-handling → authentication error subcodes).
const tokenSubcodes: Record<number, string> = {
  458: "the app is not installed for this user",
  459: "the user must log in to Facebook to fix a checkpoint",
  460: "the user's password changed",
  463: "the token has expired",
  464: "the user is not confirmed",
  467: "the token is invalid",
  492: "the session is invalid",
};

/** What a Graph API failure means, in words an admin can act on. */
export function describeGraphFailure(failure: GraphFailure): string {
  if (failure.kind === "network") return `The Graph API could not be reached: ${failure.message}.`;
  if (failure.kind === "unexpected") {
    return `The Graph API answered HTTP ${failure.httpStatus} and ${failure.message}. Check WHATSAPP_GRAPH_API_URL.`;
  }
  const { code, subcode } = failure;
  if (code === 190) {
    const reason = subcode !== null && tokenSubcodes[subcode] ? ` (${tokenSubcodes[subcode]})` : "";
    return (
      `The access token has expired or is invalid${reason}. Generate a new system user token in Business Settings → ` +
      "System users (temporary tokens from the app dashboard expire after 24 hours) and save it here."
    );
  }
  if (code === 10 || (code >= 200 && code <= 299)) {
    return "The access token lacks a permission: the system user needs whatsapp_business_messaging and whatsapp_business_management, and access to this WhatsApp Business Account.";
  }
  if (code === 100) {
    return "Meta does not know this phone number ID, or the token's system user has no access to it. Copy the ID from WhatsApp Manager → Phone numbers (or the app dashboard's API Setup).";
  }
  if (code === 4 || code === 17 || code === 80007 || code === 130429) {
    return "Meta is rate limiting these calls. Wait a few minutes and try again.";
  }
  if (code === 1 || code === 2) return "Meta reported a temporary problem. Try again in a moment.";
  return "Meta refused the request; its message and code are below.";
}
