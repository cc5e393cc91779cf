import "server-only";
import type { z } from "zod";
import { type RouteContext, type RouteRole, withRoute } from "@/lib/http/with-route";
import { getSandboxMode } from "./sandbox-mode";

type Options<S extends z.ZodType | undefined, PS extends z.ZodType | undefined> = Parameters<
  typeof withRoute<RouteRole, S, PS>
>[0];

/**
 * A sandbox route: a plain 404 — before any session check, so nobody learns it exists — unless the
 * sandbox is available (sandbox mode, or SANDBOX=on); then an ordinary signed-in route.
 */
export function withSandboxRoute<
  S extends z.ZodType | undefined = undefined,
  PS extends z.ZodType | undefined = undefined,
>(options: Omit<Options<S, PS>, "role">, handler: (context: RouteContext<"agent", S, PS>) => Promise<unknown>) {
  const route = withRoute<"agent", S, PS>({ ...options, role: "agent" }, handler);
  return async (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => {
    if (!(await getSandboxMode()).available) {
      return Response.json({ error: { code: "not_found", message: "Not found." } }, { status: 404 });
    }
    return route(request, context);
  };
}
