// The sandbox's Graph API stand-in lives in the global setup's process; the specs run in worker
// processes and drive it through its control API (lib/sandbox/control.ts, under /_sandbox on its
// port) — the same door the customer simulator uses: the next sends to a customer fail, hang or
// lose their answer, what the inbox server sent to Meta, simulated customers and their actions.
import type { SandboxSendRule, SandboxTemplate } from "../../../lib/sandbox/graph-api";
import type { BusinessNumber, Customer } from "./customers";
import { e2eRun } from "./run";

export type RecordedGraphRequest = { path: string; body: Record<string, unknown>; at: number };

/** Spec side: the next `times` sends to this customer get `behaviour` instead of being accepted. */
export async function metaWill(rule: SandboxSendRule): Promise<void> {
  const response = await fetch(`${e2eRun().graphControlUrl}/rules`, { method: "POST", body: JSON.stringify(rule) });
  if (response.status !== 204) throw new Error(`programming the fake Graph API: ${response.status}`);
}

/** What the inbox server POSTed to Meta for this customer (`to`) or about this message (`messageId`). */
export async function graphRequests(filter: { to?: string; messageId?: string }): Promise<RecordedGraphRequest[]> {
  const params = new URLSearchParams(filter as Record<string, string>);
  const response = await fetch(`${e2eRun().graphControlUrl}/requests?${params}`);
  return (await response.json()) as RecordedGraphRequest[];
}

/** Spec side: Meta holds this file under `id` (what a customer's media message names). */
export async function metaHoldsMedia(media: { id: string; mimeType: string; bytes: Buffer }): Promise<void> {
  const response = await fetch(`${e2eRun().graphControlUrl}/media`, {
    method: "POST",
    body: JSON.stringify({ id: media.id, mimeType: media.mimeType, base64: media.bytes.toString("base64") }),
  });
  if (response.status !== 204) throw new Error(`programming the fake Graph API: ${response.status}`);
}

/** Spec side: Meta has this template in this WABA from now on. */
export async function metaHasTemplate(wabaId: string, template: SandboxTemplate): Promise<void> {
  const response = await fetch(`${e2eRun().graphControlUrl}/templates`, {
    method: "POST",
    body: JSON.stringify({ wabaId, template }),
  });
  if (response.status !== 204) throw new Error(`giving the fake Graph API a template: ${response.status}`);
}

export type RecordedUpload = {
  id: string;
  phoneNumberId: string;
  type: string;
  messagingProduct: string | null;
  filename: string;
  fileType: string;
  size: number;
  sha256: string;
  at: number;
};

/** The files the inbox server uploaded to Meta (POST /{phone-number-id}/media), in arrival order. */
export async function graphUploads(): Promise<RecordedUpload[]> {
  const response = await fetch(`${e2eRun().graphControlUrl}/uploads`);
  return (await response.json()) as RecordedUpload[];
}

/** Spec side: Meta's sandbox simulates this customer from now on (status webhooks, the /sandbox phone). */
export async function metaSimulates(customer: Customer, number: BusinessNumber): Promise<void> {
  const response = await fetch(`${e2eRun().graphControlUrl}/customers`, {
    method: "POST",
    body: JSON.stringify({
      waId: customer.waId,
      name: customer.name,
      phoneNumberId: number.phoneNumberId,
      displayPhoneNumber: number.displayPhoneNumber,
    }),
  });
  if (response.status !== 201) throw new Error(`adding a simulated customer: ${response.status}`);
}
