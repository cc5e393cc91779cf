// GET /api/health — liveness: answers without touching the database (the framework's own ceiling)
export const dynamic = "force-dynamic";

export function GET() {
  return new Response("ok", { headers: { "content-type": "text/plain; charset=utf-8" } });
}
