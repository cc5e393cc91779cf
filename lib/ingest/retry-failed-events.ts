import "server-only";
import { replayEvents } from "./replay-events";

/** The health page's retry button: failed events (all, or the given ones) through the replay tool. */
export async function retryFailedEvents({ ids }: { ids?: bigint[] | undefined }) {
  return replayEvents({ selection: { state: "failed", ...(ids ? { ids } : {}) } });
}
