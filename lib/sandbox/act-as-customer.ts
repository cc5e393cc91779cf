import "server-only";
import type { SandboxCustomerAction } from "@/lib/views/sandbox";
import { callSandbox } from "./call-sandbox";

/** The customer types, taps a button or reacts: Meta's signed webhook reaches the app's real endpoint. */
export async function actAsCustomer({
  address,
  action,
}: {
  address: string;
  action: SandboxCustomerAction;
}): Promise<{ wamid: string; delivered: boolean }> {
  return callSandbox({ method: "POST", path: `/customers/${encodeURIComponent(address)}/messages`, body: action });
}
