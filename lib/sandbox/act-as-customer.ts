import "server-only";
import type { SandboxCustomerAction, SandboxCustomerMedia } from "@/lib/views/sandbox";
import { callSandbox } from "./call-sandbox";

/** The customer types, taps a button, reacts or attaches: Meta's signed webhook reaches the app's real endpoint. */
export async function actAsCustomer({
  address,
  action,
}: {
  address: string;
  action: SandboxCustomerAction | SandboxCustomerMedia;
}): Promise<{ wamid: string; delivered: boolean }> {
  return callSandbox({ method: "POST", path: `/customers/${encodeURIComponent(address)}/messages`, body: action });
}
