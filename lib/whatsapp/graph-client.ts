// The Graph API as the Cloud API documents it: Bearer-authenticated JSON calls under a version
// path, and one error shape. Pure protocol: no database, no settings — callers pass the token.
import { z } from "zod";
import { graphTemplatePageSchema, type GraphTemplatePage } from "./template-schema";

/** Meta's error body (graph-api/guides/error-handling). */
export const graphErrorBodySchema = z.object({
  error: z.object({
    message: z.string(),
    type: z.string().optional(),
    code: z.number().int(),
    error_subcode: z.number().int().optional(),
    error_user_title: z.string().optional(),
    error_user_msg: z.string().optional(),
    error_data: z.looseObject({ messaging_product: z.string().optional(), details: z.string().optional() }).optional(),
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

/** `POST /{phone-number-id}/messages`: accepted (not delivered — status webhooks follow). */
export const graphSendResponseSchema = z.object({
  messaging_product: z.string().optional(),
  contacts: z.array(z.looseObject({ input: z.string().optional(), wa_id: z.string().optional() })).optional(),
  messages: z.array(z.looseObject({ id: z.string().min(1), message_status: z.string().optional() })).min(1),
});
export type GraphSendResponse = z.infer<typeof graphSendResponseSchema>;

/** `GET /{media-id}`: a short-lived (about 5 minutes) download URL and what the file is. */
export const graphMediaSchema = z.object({
  messaging_product: z.string().optional(),
  url: z.url(),
  mime_type: z.string().optional(),
  sha256: z.string().optional(),
  file_size: z.union([z.number(), z.string()]).optional(),
  id: z.string().optional(),
});
export type GraphMedia = z.infer<typeof graphMediaSchema>;

/** `POST /{phone-number-id}/media`: the uploaded file's id (it lives 30 days). */
export const graphUploadResponseSchema = z.object({ id: z.string().min(1) });

/** `POST /{phone-number-id}/messages` with `status: read`: `{ success: true }`. */
export const graphSuccessSchema = z.object({ success: z.boolean() });

export type GraphFailure =
  | {
      kind: "meta";
      httpStatus: number;
      code: number;
      subcode: number | null;
      type: string | null;
      message: string;
      /** error_data.details: the specifics (which parameter, which limit). */
      details: string | null;
      fbtraceId: string | null;
    }
  /**
   * No answer. `requestSent` is false only when the connection was never made (refused, DNS), so
   * Meta cannot have received anything; a timeout or a reset after sending may have reached Meta.
   * `message` is the technical account (host, error code), for admins and the logs.
   */
  | { kind: "network"; message: string; requestSent: boolean; timedOut: boolean }
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

  const root = `${baseUrl.replace(/\/+$/, "")}/${encodeURIComponent(version)}/`;

  function call<T>(
    method: "GET" | "POST",
    path: string,
    schema: z.ZodType<T>,
    requestBody?: unknown,
    timeout = timeoutMs,
  ): Promise<GraphResult<T>> {
    return callUrl(method, `${root}${path}`, schema, requestBody, timeout);
  }

  async function callUrl<T>(
    method: "GET" | "POST",
    url: string,
    schema: z.ZodType<T>,
    requestBody?: unknown,
    timeout = timeoutMs,
  ): Promise<GraphResult<T>> {
    let response: Response;
    try {
      response = await doFetch(url, {
        method,
        headers: {
          authorization: `Bearer ${accessToken}`,
          accept: "application/json",
          ...(requestBody === undefined || requestBody instanceof FormData
            ? {}
            : { "content-type": "application/json" }),
        },
        body: requestBody === undefined || requestBody instanceof FormData ? requestBody : JSON.stringify(requestBody),
        signal: AbortSignal.timeout(timeout),
      });
    } catch (error) {
      const timedOut = error instanceof Error && error.name === "TimeoutError";
      const code = (error as { cause?: { code?: string } }).cause?.code;
      const requestSent = timedOut || !NOT_CONNECTED_CODES.has(code ?? "");
      const { host } = new URL(url);
      const reason = code ?? (error instanceof Error ? error.message : String(error));
      return {
        ok: false,
        failure: {
          kind: "network",
          requestSent,
          timedOut,
          message: timedOut
            ? `${host} did not answer within ${timeout / 1000} s`
            : requestSent
              ? `the connection to ${host} ended without an answer (${reason})`
              : `could not connect to ${host} (${reason})`,
        },
      };
    }
    const body = (await response.json().catch(() => undefined)) as unknown;
    if (!response.ok) {
      const parsed = graphErrorBodySchema.safeParse(body);
      if (!parsed.success) {
        return {
          ok: false,
          failure: { kind: "unexpected", httpStatus: response.status, message: "its body is not a Graph API error" },
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
          details: error.error_data?.details ?? null,
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
    getPhoneNumber: (phoneNumberId: string) => call("GET", encodeURIComponent(phoneNumberId), graphPhoneNumberSchema),
    /** Sends a message (or a reaction) — the body as cloud-api/reference/messages documents it. */
    sendMessage: (phoneNumberId: string, body: unknown) =>
      call("POST", `${encodeURIComponent(phoneNumberId)}/messages`, graphSendResponseSchema, body),
    /** Where a media file can be downloaded (the URL needs the same Bearer token and expires in minutes). */
    getMedia: (mediaId: string) => call("GET", encodeURIComponent(mediaId), graphMediaSchema),
    /** Downloads a media URL from getMedia with the Bearer token, refusing more than `maxBytes`. */
    downloadMedia: (url: string, { maxBytes }: { maxBytes: number }) =>
      downloadWithToken({ url, accessToken, maxBytes, timeoutMs: timeoutMs * 6, doFetch }),
    /**
     * Uploads a file (multipart: file, type, messaging_product) for sending by id. Uploading again
     * is harmless (another id), so a failed or unanswered upload can simply be repeated.
     */
    uploadMedia: (phoneNumberId: string, file: { bytes: Uint8Array; mimeType: string; filename: string }) => {
      const form = new FormData();
      form.set("messaging_product", "whatsapp");
      form.set("type", file.mimeType);
      form.set("file", new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: file.mimeType }), file.filename);
      // A 100 MB document takes longer than a message: the same allowance as a download.
      return call("POST", `${encodeURIComponent(phoneNumberId)}/media`, graphUploadResponseSchema, form, timeoutMs * 6);
    },
    /** Marks a customer's message read (blue ticks), optionally with the typing indicator. */
    markRead: (phoneNumberId: string, body: unknown) =>
      call("POST", `${encodeURIComponent(phoneNumberId)}/messages`, graphSuccessSchema, body),
    /**
     * One page of a WABA's message templates: the first, or the one `paging.next` names. The token
     * only goes where the first page came from: a next URL elsewhere is refused.
     */
    getTemplatePage: (wabaId: string, next?: string): Promise<GraphResult<GraphTemplatePage>> => {
      if (next === undefined) {
        const fields = "id,name,language,status,category,parameter_format,components,rejected_reason,quality_score";
        return call(
          "GET",
          `${encodeURIComponent(wabaId)}/message_templates?fields=${fields}&limit=100`,
          graphTemplatePageSchema,
        );
      }
      if (new URL(next, root).origin !== new URL(root).origin) {
        return Promise.resolve({
          ok: false,
          failure: {
            kind: "unexpected",
            httpStatus: 200,
            message: `a next page on another host (${new URL(next).host})`,
          },
        });
      }
      return callUrl("GET", new URL(next, root).toString(), graphTemplatePageSchema);
    },
  };
}

export type GraphClient = ReturnType<typeof createGraphClient>;

export type MediaDownload =
  | { ok: true; bytes: Buffer; contentType: string | null }
  /** `expired`: Meta answered 401/403/404 for the URL (it lives about 5 minutes): ask for a new one. */
  | { ok: false; reason: "expired" | "too_large" | "http" | "network"; message: string };

async function downloadWithToken({
  url,
  accessToken,
  maxBytes,
  timeoutMs,
  doFetch,
}: {
  url: string;
  accessToken: string;
  maxBytes: number;
  timeoutMs: number;
  doFetch: typeof fetch;
}): Promise<MediaDownload> {
  let response: Response;
  try {
    response = await doFetch(url, {
      headers: { authorization: `Bearer ${accessToken}` },
      signal: AbortSignal.timeout(timeoutMs),
      redirect: "follow",
    });
  } catch (error) {
    return { ok: false, reason: "network", message: `the download failed (${(error as Error).message})` };
  }
  if ([401, 403, 404, 410].includes(response.status)) {
    await response.body?.cancel();
    return { ok: false, reason: "expired", message: `the download URL answered HTTP ${response.status}` };
  }
  if (!response.ok || !response.body) {
    await response.body?.cancel();
    return { ok: false, reason: "http", message: `the download URL answered HTTP ${response.status}` };
  }
  const declared = Number(response.headers.get("content-length") ?? "0");
  const tooLarge = { ok: false, reason: "too_large", message: `the file is larger than ${maxBytes} bytes` } as const;
  if (declared > maxBytes) {
    await response.body.cancel();
    return tooLarge;
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        return tooLarge;
      }
      chunks.push(value);
    }
  } catch (error) {
    return { ok: false, reason: "network", message: `the download broke off (${(error as Error).message})` };
  }
  return { ok: true, bytes: Buffer.concat(chunks), contentType: response.headers.get("content-type") };
}

// undici's codes for a connection that was never made: nothing can have reached Meta.
const NOT_CONNECTED_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);

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
