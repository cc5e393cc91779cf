// `npm run simulate` as a person runs it, against the test server: what it says when the app is
// stopped, --bad-signature passing only when the app refused, and --from keeping a contact's name.
import { randomInt } from "node:crypto";
import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { getDb } from "../../lib/db/client";
import { freePort, runScript } from "../support/processes";
import { eventually } from "../support/webhooks";

const simulate = (args: string[], env: Record<string, string> = {}) =>
  runScript("simulate", args, { DATABASE_URL: inject("databaseUrl"), ...env });

const NOT_RUNNING = "Is `npm start` running?";
/** A Node stack trace's frames: what a person should never be shown for a stopped app. */
const STACK_FRAME = /^\s+at .+\(.+:\d+:\d+\)$/m;

let anythingGoes: Server;
let anythingGoesUrl: string;

beforeAll(async () => {
  // A server that takes any webhook: the app's refusal is then what is missing.
  anythingGoes = createServer((_request, response) => response.end("ok"));
  await new Promise<void>((resolve) => anythingGoes.listen(0, "127.0.0.1", resolve));
  const address = anythingGoes.address();
  anythingGoesUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
});
afterAll(() => new Promise<void>((resolve) => anythingGoes.close(() => resolve())));

describe("npm run simulate with the app stopped", () => {
  it("asks whether `npm start` runs, without a stack, and fails", async () => {
    const result = await simulate(["text", "--url", `http://127.0.0.1:${await freePort()}`]);
    expect(result.output).toContain(NOT_RUNNING);
    expect(result.output).not.toMatch(STACK_FRAME);
    expect(result.code).toBe(1);
  });

  it("says the same when the app's database is down", async () => {
    const result = await simulate(["text", "--url", inject("baseUrl")], {
      DATABASE_URL: `postgresql://postgres@127.0.0.1:${await freePort()}/stopped`,
    });
    expect(result.output).toContain("Could not reach the app's database. Is `npm start` running?");
    expect(result.output).not.toMatch(STACK_FRAME);
    expect(result.code).toBe(1);
  });
});

describe("npm run simulate --bad-signature", () => {
  it("passes when the app refuses the forged signature, as asked", async () => {
    const result = await simulate(["text", "--bad-signature", "--url", inject("baseUrl")]);
    expect(result.output).toContain("→ 401");
    expect(result.output).toContain("refused, as --bad-signature asked");
    expect(result.code).toBe(0);
  });

  it("fails when the forged signature was accepted", async () => {
    const result = await simulate(["text", "--bad-signature", "--url", anythingGoesUrl]);
    expect(result.output).toContain("→ 200");
    expect(result.output).toContain("did not get a 401 refusal");
    expect(result.code).toBe(1);
  });

  it("without it, a refusal fails", async () => {
    const result = await simulate(["text", "--secret", "not-the-app-secret", "--url", inject("baseUrl")]);
    expect(result.output).toContain("→ 401");
    expect(result.code).toBe(1);
  });
});

describe("npm run simulate --from", () => {
  it("without --name keeps the contact's name", async () => {
    const from = `55119${randomInt(10_000_000, 99_999_999)}`;
    const wamidOf = (output: string) => /^wamid: (\S+)$/m.exec(output)?.[1] ?? null;
    const processed = (wamid: string | null) =>
      eventually(
        () => getDb().message.findUnique({ where: { wamid: wamid ?? "" } }),
        `the simulated message ${wamid} to be stored`,
      );

    const first = await simulate(["text", "--from", from, "--name", "Beatriz Original", "--url", inject("baseUrl")]);
    expect(first.code, first.output).toBe(0);
    await processed(wamidOf(first.output));

    const second = await simulate(["text", "--from", from, "--text", "again", "--url", inject("baseUrl")]);
    expect(second.code, second.output).toBe(0);
    await processed(wamidOf(second.output));

    const contact = await getDb().contact.findUnique({ where: { waId: from } });
    expect(contact?.profileName).toBe("Beatriz Original");
  });
});
