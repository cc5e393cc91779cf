import "server-only";

// Rejected webhook requests (wrong key, missing or bad signature) draw from a per-address token
// bucket; once it is empty they get a cheap 429 without a diagnostics write. Correctly signed
// requests never draw from it and are never refused, so a flood cannot lock out Meta.
const CAPACITY = 30;
const REFILL_PER_SECOND = 1;
const MAX_TRACKED_ADDRESSES = 10_000;

const buckets = new Map<string, { tokens: number; at: number }>();

/** Takes one token for a rejected request from this address; false when the bucket is empty. */
export function allowRejectedRequest(address: string, now = Date.now()): boolean {
  const bucket = buckets.get(address) ?? { tokens: CAPACITY, at: now };
  bucket.tokens = Math.min(CAPACITY, bucket.tokens + ((now - bucket.at) / 1000) * REFILL_PER_SECOND);
  bucket.at = now;
  buckets.delete(address); // re-insert: the Map's order is then least recently seen first
  if (buckets.size >= MAX_TRACKED_ADDRESSES) buckets.delete(buckets.keys().next().value!);
  const allowed = bucket.tokens >= 1;
  if (allowed) bucket.tokens -= 1;
  buckets.set(address, bucket);
  return allowed;
}
