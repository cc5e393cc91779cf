import type { Metadata } from "next";
import { WebhookHealthView } from "@/components/health/webhook-health-view";
import { requireAdmin } from "@/lib/auth/session";
import { getWebhookHealth } from "@/lib/ingest/get-webhook-health";

export const metadata: Metadata = { title: "Webhook health · WhatsApp Inbox" };
export const dynamic = "force-dynamic";

export default async function WebhookHealthPage() {
  await requireAdmin();
  return <WebhookHealthView health={await getWebhookHealth()} />;
}
