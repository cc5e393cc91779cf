// GET /api/sandbox/customers — the simulated customers and their phones (customer simulator)
import { findSimulatedCustomers } from "@/lib/sandbox/find-simulated-customers";
import { withSandboxRoute } from "@/lib/sandbox/sandbox-route";

export const dynamic = "force-dynamic";

export const GET = withSandboxRoute({}, async () => findSimulatedCustomers());
