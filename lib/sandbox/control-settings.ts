// GET/POST /_sandbox/settings — how Meta behaves: its sending limits, how late and how orderly its
// status webhooks are. Tests turn on what they check; `npm start`'s sandbox mode turns on Meta's own.
import { z } from "zod";
import type { GraphSandbox } from "./graph-api";
import { newLimitState } from "./graph-limits";

export const sandboxSettingsSchema = z
  .object({
    serviceWindow: z.boolean(),
    pairRate: z
      .object({ intervalMs: z.number().int().min(1).max(3_600_000), burst: z.number().int().min(1).max(1_000) })
      .nullable(),
    throughputPerSecond: z.number().int().min(1).max(100_000).nullable(),
    statusDelayMs: z.number().int().min(0).max(60_000),
    outOfOrderStatuses: z.number().min(0).max(1),
    duplicateStatuses: z.number().min(0).max(1),
  })
  .partial()
  .strict();

export type SandboxSettings = Required<z.infer<typeof sandboxSettingsSchema>>;

export function readSandboxSettings(sandbox: GraphSandbox): SandboxSettings {
  return {
    ...sandbox.limits,
    statusDelayMs: sandbox.statusDelayMs,
    outOfOrderStatuses: sandbox.statusQuirks.outOfOrder,
    duplicateStatuses: sandbox.statusQuirks.duplicate,
  };
}

/** Applies what is given and leaves the rest; changing a rate starts its counting afresh. */
export function updateSandboxSettings(sandbox: GraphSandbox, settings: z.infer<typeof sandboxSettingsSchema>): void {
  const { statusDelayMs, outOfOrderStatuses, duplicateStatuses, ...limits } = settings;
  if (limits.pairRate !== undefined || limits.throughputPerSecond !== undefined) sandbox.limitState = newLimitState();
  sandbox.limits = { ...sandbox.limits, ...limits };
  if (statusDelayMs !== undefined) sandbox.statusDelayMs = statusDelayMs;
  if (outOfOrderStatuses !== undefined) sandbox.statusQuirks.outOfOrder = outOfOrderStatuses;
  if (duplicateStatuses !== undefined) sandbox.statusQuirks.duplicate = duplicateStatuses;
}
