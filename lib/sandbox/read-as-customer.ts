import "server-only";
import { callSandbox } from "./call-sandbox";

/** The customer opens the chat: Meta reports everything unread as read (the agent's ticks turn blue). */
export async function readAsCustomer({ address }: { address: string }): Promise<{ read: number }> {
  return callSandbox({ method: "POST", path: `/customers/${encodeURIComponent(address)}/read` });
}
