// GET/POST /api/webhooks/whatsapp/[key] — Meta's subscription handshake and event ingest
import { after } from "next/server";
import { receiveWebhook, type WebhookResponse } from "@/lib/ingest/receive-webhook";
import { verifyWebhookSubscription } from "@/lib/ingest/verify-webhook-subscription";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ key: string }> };

const toResponse = ({ status, body, headers }: WebhookResponse) =>
  new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8", ...headers } });

export async function GET(request: Request, { params }: Context) {
  const { key } = await params;
  return toResponse(await verifyWebhookSubscription({ key, request, schedule: after }));
}

export async function POST(request: Request, { params }: Context) {
  const { key } = await params;
  return toResponse(await receiveWebhook({ key, request, schedule: after }));
}
