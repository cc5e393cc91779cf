// Posting webhooks to the real server the way Meta does: raw bytes signed with the App Secret.
import { inject } from "vitest";
import { signPayload } from "../../lib/whatsapp/signature";

export function webhookUrl(key = inject("webhookKey"), baseUrl = inject("baseUrl")): string {
  return `${baseUrl}/api/webhooks/whatsapp/${key}`;
}

export async function postWebhook(
  body: object | string,
  options: { secret?: string; signature?: string | null; key?: string; baseUrl?: string; ip?: string } = {},
): Promise<{ status: number; text: string }> {
  const raw = typeof body === "string" ? body : JSON.stringify(body);
  const signature =
    options.signature === undefined ? signPayload(raw, options.secret ?? inject("appSecret")) : options.signature;
  const response = await fetch(webhookUrl(options.key, options.baseUrl), {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(signature ? { "x-hub-signature-256": signature } : {}),
      ...(options.ip ? { "x-forwarded-for": options.ip } : {}),
    },
    body: raw,
  });
  return { status: response.status, text: await response.text() };
}

/** Processing happens after the ack: wait (bounded) until the expected state is visible. */
export async function eventually<T>(
  check: () => Promise<T | null | undefined | false>,
  what: string,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ""}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

let counter = 0;
/** Unique ids per test so tests can share one database and run in parallel. */
export function uniqueWaId(): string {
  counter += 1;
  return `49${String(Date.now()).slice(-7)}${String(process.pid % 1000).padStart(3, "0")}${String(counter).padStart(3, "0")}`;
}
export function uniqueWamid(): string {
  return `wamid.TEST${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`;
}
