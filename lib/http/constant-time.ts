import { createHash, timingSafeEqual } from "node:crypto";

/** Compares secrets without leaking, through timing, how much of them matched or their length. */
export function constantTimeEqual(a: string, b: string): boolean {
  // Hashing first gives equal-length inputs, so the length check leaks nothing either.
  const hashA = createHash("sha256").update(a).digest();
  const hashB = createHash("sha256").update(b).digest();
  return timingSafeEqual(hashA, hashB) && a.length === b.length;
}
