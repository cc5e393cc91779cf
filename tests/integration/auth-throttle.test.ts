// Failed sign-ins are throttled per email + client address, with a message that says so.
import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../lib/db/client";
import { createTestUser, signIn, signInBootstrapAdmin, type TestUser } from "../support/accounts";
import { HttpSession, randomTestIp } from "../support/http-session";

const MAX_ATTEMPTS = 5;
let admin: HttpSession;

beforeAll(async () => {
  admin = await signInBootstrapAdmin();
});

async function attempt(user: TestUser, password: string, ip: string) {
  const { response } = await signIn(user.email, password, new HttpSession({ ip }));
  return { status: response.status, body: await response.text(), retryAfter: response.headers.get("retry-after") };
}

describe("sign-in throttling", () => {
  it("refuses further attempts for that email from that address after 5 failures — even the right password", async () => {
    const user = await createTestUser(admin);
    const ip = randomTestIp();
    for (let i = 0; i < MAX_ATTEMPTS; i++) expect((await attempt(user, `wrong-${i}`, ip)).status).toBe(401);

    const throttled = await attempt(user, "wrong-again", ip);
    expect(throttled.status).toBe(429);
    expect(throttled.body).toMatch(/Too many sign-in attempts for this email\. Try again in \d+ minutes?\./);
    expect(Number(throttled.retryAfter)).toBeGreaterThan(0);
    expect((await attempt(user, user.password, ip)).status).toBe(429);

    // The owner elsewhere, and other people from the same address, are not locked out.
    expect((await attempt(user, user.password, randomTestIp())).status).toBe(200);
    const colleague = await createTestUser(admin);
    expect((await attempt(colleague, colleague.password, ip)).status).toBe(200);
  });

  it("counts parallel guesses too", async () => {
    const user = await createTestUser(admin);
    const ip = randomTestIp();
    const results = await Promise.all(
      Array.from({ length: MAX_ATTEMPTS + 4 }, (_, i) => attempt(user, `parallel-wrong-${i}`, ip)),
    );
    expect(results.filter((result) => result.status === 401)).toHaveLength(MAX_ATTEMPTS);
    expect(results.filter((result) => result.status === 429)).toHaveLength(4);
  });

  it("a successful sign-in clears the count", async () => {
    const user = await createTestUser(admin);
    const ip = randomTestIp();
    for (let i = 0; i < MAX_ATTEMPTS - 1; i++) expect((await attempt(user, `wrong-${i}`, ip)).status).toBe(401);
    expect((await attempt(user, user.password, ip)).status).toBe(200);
    for (let i = 0; i < MAX_ATTEMPTS; i++) expect((await attempt(user, `wrong-later-${i}`, ip)).status).toBe(401);
    expect((await attempt(user, "one-too-many", ip)).status).toBe(429);
  });

  it("shows the throttle message on the sign-in form's error path (JSON with a message)", async () => {
    const user = await createTestUser(admin);
    const ip = randomTestIp();
    for (let i = 0; i <= MAX_ATTEMPTS; i++) await attempt(user, `wrong-${i}`, ip);
    const { body } = await attempt(user, "wrong", ip);
    expect(JSON.parse(body)).toMatchObject({ code: "TOO_MANY_SIGN_IN_ATTEMPTS" });
  });
});

describe("sign-in throttling per address", () => {
  it("stops made-up emails from one address after 30 attempts, and leaves other addresses alone", async () => {
    const ip = randomTestIp();
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) {
      const { response } = await signIn(`nobody-${i}-${ip}@example.com`, "wrong-password", new HttpSession({ ip }));
      statuses.push(response.status);
    }
    expect(statuses.every((status) => status === 401)).toBe(true);
    const { response } = await signIn(`nobody-more-${ip}@example.com`, "wrong-password", new HttpSession({ ip }));
    expect(response.status).toBe(429);
    expect(await response.text()).toMatch(/Too many sign-in attempts from this network\. Try again in \d+ minutes?\./);
    // From then on the address is refused before better-auth and the database are asked: a flood
    // from it costs the server next to nothing (its count in the database no longer moves).
    const key = createHash("sha256").update(`address\n${ip}`).digest("base64url");
    const counted = async () => (await getDb().signInThrottle.findUniqueOrThrow({ where: { key } })).attempts;
    const before = await counted();
    for (let i = 0; i < 3; i++) {
      const again = await signIn(`nobody-again-${i}-${ip}@example.com`, "wrong-password", new HttpSession({ ip }));
      expect(again.response.status).toBe(429);
      expect(Number(again.response.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(await again.response.json()).toMatchObject({
        code: "TOO_MANY_SIGN_IN_ATTEMPTS",
        message: expect.stringMatching(/^Too many sign-in attempts from this network\./),
      });
    }
    expect(await counted()).toBe(before);
    const user = await createTestUser(admin);
    expect((await attempt(user, user.password, randomTestIp())).status).toBe(200);
  });
});
