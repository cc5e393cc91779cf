import "server-only";
import type { SandboxCustomerView } from "@/lib/views/sandbox";
import { callSandbox } from "./call-sandbox";

/** The simulated customers and their phones, as the customer simulator shows them. */
export async function findSimulatedCustomers(): Promise<SandboxCustomerView[]> {
  return callSandbox<SandboxCustomerView[]>({ method: "GET", path: "/customers" });
}
