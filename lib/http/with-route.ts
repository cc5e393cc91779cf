import "server-only";
import { isAPIError } from "better-auth/api";
import { z } from "zod";
import { getUserFromHeaders, type CurrentUser } from "@/lib/auth/session";
import { appUrl } from "@/lib/env";
import { AppError, type ApiErrorBody, appErrorStatus, type AppErrorCode } from "./app-error";
import { requestHostOf } from "./forwarding";
import { DEFAULT_MAX_BODY_BYTES, readFormBody, readJsonBody } from "./request-body";

/** Who may call a route: anyone, any signed-in user, or admins only. */
export type RouteRole = "public" | "agent" | "admin";

type RouteOptions<R extends RouteRole, S extends z.ZodType | undefined, PS extends z.ZodType | undefined> = {
  role: R;
  body?: S;
  /** The route's dynamic segments: checked before anything else, a bad one is a 422 naming it. */
  params?: PS;
  /** Bodies past this are refused with 413 while streaming in; default 16 KB. */
  maxBodyBytes?: number;
  /** Runs after the role check and before the body is read: refuse cheaply what needs no body. */
  before?: () => Promise<void>;
  /**
   * "form" accepts application/x-www-form-urlencoded (what pusher-js posts for channel auth) and
   * then requires a same-origin Origin header, since a cross-site HTML form can send that body.
   * "raw": the handler reads the body itself (a file upload, any Content-Type); a same-origin
   * Origin header is then required, as for "form".
   */
  bodyFormat?: "json" | "form" | "raw";
};

export type RouteContext<R extends RouteRole, S extends z.ZodType | undefined, PS extends z.ZodType | undefined> = {
  request: Request;
  user: R extends "public" ? null : CurrentUser;
  body: S extends z.ZodType ? z.infer<S> : undefined;
  params: PS extends z.ZodType ? z.infer<PS> : Record<string, never>;
};

type NextRouteContext<P> = { params: Promise<P> };

const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Wraps a route handler: same-origin check on mutations, session and role check, body parsing
 * with zod, and one error shape `{ error: { code, message } }`. The handler returns a Response or
 * any JSON-serialisable value (answered with 200).
 */
export function withRoute<
  R extends RouteRole,
  S extends z.ZodType | undefined = undefined,
  PS extends z.ZodType | undefined = undefined,
>(
  options: RouteOptions<R, S, PS>,
  handler: (context: RouteContext<R, S, PS>) => Promise<unknown>,
): (request: Request, context: NextRouteContext<Record<string, string | string[]>>) => Promise<Response> {
  return async (request, context) => {
    const startedAt = performance.now();
    return withServerTiming(await answer(request, context), startedAt);
  };

  async function answer(request: Request, context: NextRouteContext<Record<string, string | string[]>>) {
    try {
      const format = options.bodyFormat ?? "json";
      if (UNSAFE_METHODS.has(request.method)) assertSameOrigin(request, format);
      const params = options.params ? options.params.parse((await context?.params) ?? {}) : {};
      const user = options.role === "public" ? null : await authorize(request.headers, options.role);
      await options.before?.();
      const maxBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
      const body =
        options.body && format !== "raw"
          ? options.body.parse(
              format === "form" ? await readFormBody(request, maxBytes) : await readJsonBody(request, maxBytes),
            )
          : undefined;
      const result = await handler({ request, user, body, params } as RouteContext<R, S, PS>);
      return result instanceof Response ? result : Response.json(result ?? null);
    } catch (error) {
      return errorResponse(error, request);
    }
  }
}

/**
 * `Server-Timing: route;dur=<ms>`: how long the route took until its answer began (session check,
 * body, handler), readable in the browser's devtools and by the benchmarks, which set it beside
 * what the client measured (the rest is Next's routing, the transfer and the machine).
 */
export function serverTiming(startedAt: number): string {
  return `route;dur=${(performance.now() - startedAt).toFixed(1)}`;
}

function withServerTiming(response: Response, startedAt: number): Response {
  try {
    response.headers.set("server-timing", serverTiming(startedAt));
  } catch {
    // A response with immutable headers (none of ours today) goes out without it.
  }
  return response;
}

/** What a request without a live session is told (401; the media socket route says it too). */
export const SIGN_IN_MESSAGE = "Sign in to continue.";

/** The signed-in user allowed `role`, or the 401/403 AppError. */
export async function authorize(headers: Headers, role: "agent" | "admin"): Promise<CurrentUser> {
  const user = await getUserFromHeaders(headers);
  if (!user) throw new AppError("unauthenticated", { message: SIGN_IN_MESSAGE });
  if (role === "admin" && user.role !== "admin") {
    throw new AppError("forbidden", { message: "Only admins can do this." });
  }
  return user;
}

/**
 * CSRF defence for our own JSON mutations, the same rule better-auth applies to /api/auth/*:
 * browsers send Origin (and Sec-Fetch-Site) on every non-GET request, so a mutation must come from
 * this app's own origin, and one carrying cookies must say where it comes from. Bodies must be
 * JSON, which a cross-site form cannot send without a CORS preflight this app never grants.
 */
function assertSameOrigin(request: Request, format: "json" | "form" | "raw"): void {
  const refuse = (message: string) => {
    throw new AppError("forbidden", { message, userMessage: "Cross-site request refused." });
  };
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin" && fetchSite !== "none") refuse(`Sec-Fetch-Site is ${fetchSite}`);
  const origin = request.headers.get("origin");
  if (origin && !isOwnOrigin(origin, request)) refuse(`Origin ${origin} is not this app`);
  // Browsers send Origin on every non-GET fetch; a cookie-carrying mutation without one is not ours.
  if (!origin && request.headers.has("cookie")) refuse("a cookie-authenticated mutation without an Origin header");
  const contentType = request.headers.get("content-type") ?? "";
  // A body comes with a Content-Length or Transfer-Encoding (RFC 9112 §6); a bodiless DELETE has neither.
  const length = request.headers.get("content-length");
  const hasBody =
    request.body !== null && ((length !== null && length !== "0") || request.headers.has("transfer-encoding"));
  if (format === "raw") {
    if (!origin) refuse("an upload without an Origin header");
    return;
  }
  if (format === "form") {
    // A form body is no proof of same-origin scripting: the Origin header must be there and ours.
    if (!origin) refuse("a form post without an Origin header");
    if (hasBody && !/^application\/x-www-form-urlencoded\b/i.test(contentType)) {
      throw new AppError("unsupported_media_type", {
        message: "Send the request body as application/x-www-form-urlencoded.",
      });
    }
    return;
  }
  if (hasBody && !/^application\/json\b/i.test(contentType)) {
    throw new AppError("unsupported_media_type", { message: "Send the request body as application/json." });
  }
}

function isOwnOrigin(origin: string, request: Request): boolean {
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false;
  }
  // The host the browser addressed (X-Forwarded-Host only from a TRUST_PROXY peer), or APP_URL.
  return host === requestHostOf(request.headers) || origin === appUrl();
}

function errorResponse(error: unknown, request: Request): Response {
  const { status, body } = errorAnswer(error, `${request.method} ${new URL(request.url).pathname}`);
  return Response.json(body, { status });
}

/** Any error as the API's one shape and status; a server fault (500) is logged with `what` failed. */
export function errorAnswer(error: unknown, what: string): { status: number; body: ApiErrorBody } {
  const { code, message, status } = toPublicError(error);
  if (status >= 500) console.error(`[api] ${what} failed`, error);
  return { status, body: { error: { code, message } } };
}

function toPublicError(error: unknown): { code: AppErrorCode; message: string; status: number } {
  if (error instanceof AppError) return { code: error.code, message: error.userMessage, status: error.status };
  if (error instanceof z.ZodError) {
    const issue = error.issues[0];
    const where = issue?.path.length ? `${issue.path.join(".")}: ` : "";
    return { code: "validation_failed", message: `${where}${issue?.message ?? "invalid input"}`, status: 422 };
  }
  const prismaCode = (error as { name?: string; code?: unknown } | null)?.code;
  if ((error as { name?: string } | null)?.name === "PrismaClientKnownRequestError") {
    if (prismaCode === "P2002") return { code: "conflict", message: "That already exists.", status: 409 };
    if (prismaCode === "P2025") return { code: "not_found", message: "Not found.", status: 404 };
    // A value past a column's limit (names are VARCHAR(100)): the input's fault, not the server's.
    if (prismaCode === "P2000") return { code: "validation_failed", message: "A value is too long.", status: 422 };
  }
  if (isAPIError(error)) {
    const status = error.statusCode;
    const code = (Object.entries(appErrorStatus).find(([, value]) => value === status)?.[0] ??
      "bad_request") as AppErrorCode;
    if (status < 500) return { code, message: error.body?.message ?? error.message, status };
  }
  return { code: "internal", message: "Something went wrong on the server. The details are in its log.", status: 500 };
}
