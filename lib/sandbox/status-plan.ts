// When Meta's status webhooks come, and in what order: its own, except now and then.
import type { GraphSandbox } from "./graph-api";

export type PlannedStatus<S> = { status: S; at: number; quirk: boolean };

/**
 * Meta's order, except now and then (sandbox.statusQuirks): the first two swapped, or one status
 * reported twice — as Meta does (webhooks/overview); the app must end with the same ticks either way.
 */
export function planStatuses<S>(sandbox: GraphSandbox, steps: S[]): PlannedStatus<S>[] {
  const start = Date.now();
  const plan = steps.map((status, index) => ({
    status,
    at: start + (index + 1) * sandbox.statusDelayMs,
    quirk: false,
  }));
  if (plan.length >= 2 && sandbox.random() < sandbox.statusQuirks.outOfOrder) {
    const [first, second] = plan as [PlannedStatus<S>, PlannedStatus<S>];
    plan.splice(0, 2, second, { ...first, quirk: true });
  }
  if (plan.length > 0 && sandbox.random() < sandbox.statusQuirks.duplicate) {
    const twice = plan[Math.floor(sandbox.random() * plan.length)]!;
    plan.push({ ...twice, quirk: true });
  }
  return plan;
}
