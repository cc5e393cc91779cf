// The gate around scrypt: at most MAX_CONCURRENT_HASHES run at once, a short queue waits, and past
// it a sign-in is refused at once (503) instead of piling more 32 MiB hashes onto the CPU.
import { describe, expect, it } from "vitest";
import { gatedPasswordHashing, MAX_CONCURRENT_HASHES, MAX_WAITING_HASHES } from "@/lib/auth/password-hashing";

describe("gated password hashing", () => {
  it("hashes and verifies like better-auth's scrypt", async () => {
    const hash = await gatedPasswordHashing.hash("correct horse");
    expect(await gatedPasswordHashing.verify({ hash, password: "correct horse" })).toBe(true);
    expect(await gatedPasswordHashing.verify({ hash, password: "wrong" })).toBe(false);
  });

  it("refuses hashes beyond the running ones and the queue, and serves the rest", async () => {
    const total = MAX_CONCURRENT_HASHES + MAX_WAITING_HASHES + 8;
    const results = await Promise.allSettled(Array.from({ length: total }, () => gatedPasswordHashing.hash("pw")));
    const refused = results.filter((result) => result.status === "rejected");
    expect(refused).toHaveLength(8);
    expect(String((refused[0] as PromiseRejectedResult).reason?.body?.code)).toBe("SIGN_IN_BUSY");
    // Once the flood has passed, hashing works again.
    expect(await gatedPasswordHashing.hash("pw")).toMatch(/:/);
  }, 60_000);
});
