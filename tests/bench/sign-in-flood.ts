// npm run bench:sign-in-flood -- [seconds per phase, default 10]
// Signed webhook acks per second alone, and during a flood of anonymous sign-in attempts (16 at a
// time, made-up emails) — from one address, and from a new address each time (what a botnet does,
// which only the global gate on password hashing holds back) — plus how long a real user's sign-in
// takes meanwhile. Prints figures, asserts nothing (measurement, not a test).
import { randomBytes } from "node:crypto";
import { buildIfNeeded } from "../../lib/cli/build-if-needed";
import { root, startNextServer } from "../support/processes";
import { createBenchDatabase } from "./database";
import { forkLoadGenerator } from "./fork-load-generator";
import { createTeardown, runBench } from "./teardown";

const seconds = Number(process.argv[2] ?? 10);
const FLOODERS = 16;
const teardown = createTeardown();
const { defer } = teardown;

const randomIp = () => `198.51.${Math.floor(Math.random() * 255)}.${1 + Math.floor(Math.random() * 253)}`;

async function signIn(url: string, email: string, password: string, ip: string): Promise<number> {
  const response = await fetch(`${url}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url, "x-forwarded-for": ip },
    body: JSON.stringify({ email, password }),
  });
  await response.arrayBuffer();
  return response.status;
}

/** 16 loops of made-up sign-ins until `stop`; returns the answers by status. */
function flood(url: string, address: "one" | "rotating", stop: { done: boolean }) {
  const statuses: Record<number, number> = {};
  const fixedIp = randomIp();
  const loops = Array.from({ length: FLOODERS }, async () => {
    while (!stop.done) {
      const ip = address === "one" ? fixedIp : randomIp();
      const status = await signIn(
        url,
        `nobody-${randomBytes(4).toString("hex")}@example.com`,
        "wrong-pw-123",
        ip,
      ).catch(() => 0);
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
  });
  return { statuses, finished: Promise.all(loops) };
}

async function main() {
  const database = await createBenchDatabase({ root, embedded: false, defer });
  buildIfNeeded({ root });
  const appSecret = `bench-secret-${randomBytes(8).toString("hex")}`;
  const webhookKey = `bench_key_${randomBytes(12).toString("hex")}`;
  const admin = { email: "bench-admin@example.com", password: `pw-${randomBytes(8).toString("hex")}` };
  const server = await startNextServer({
    DATABASE_URL: database.url,
    WHATSAPP_APP_SECRET: appSecret,
    WHATSAPP_WEBHOOK_KEY: webhookKey,
    WHATSAPP_VERIFY_TOKEN: `verify-${randomBytes(6).toString("hex")}`,
    BETTER_AUTH_SECRET: randomBytes(32).toString("base64"),
    ADMIN_EMAIL: admin.email,
    ADMIN_PASSWORD: admin.password,
  });
  defer("stop next-server", () => server.stop());
  const load = await forkLoadGenerator();
  defer("stop load generator", load.stop);
  const ingest = { kind: "ingest" as const, url: `${server.url}/api/webhooks/whatsapp/${webhookKey}`, appSecret };

  const realSignIns = async (stop: { done: boolean }) => {
    const times: number[] = [];
    while (!stop.done) {
      const startedAt = performance.now();
      const status = await signIn(server.url, admin.email, admin.password, randomIp());
      if (status === 200) times.push(performance.now() - startedAt);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    return times;
  };
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

  await load.run({ ...ingest, connections: 8, duration: 3 }); // warm-up
  const phases: Array<"none" | "one" | "rotating"> = ["none", "one", "rotating", "none"];
  console.log(`\n[bench] ${seconds} s per phase · webhook load 8 connections · flood ${FLOODERS} concurrent sign-ins`);
  for (const phase of phases) {
    const stop = { done: false };
    const attack = phase === "none" ? undefined : flood(server.url, phase, stop);
    const real = realSignIns(stop);
    const run = await load.run({ ...ingest, connections: 8, duration: seconds });
    stop.done = true;
    await attack?.finished;
    const times = await real;
    const acks = Math.round(run.acked / run.durationS);
    const floodFigures = attack ? ` · flood answers ${JSON.stringify(attack.statuses)}` : "";
    console.log(
      `flood: ${phase.padEnd(8)} acks/s ${String(acks).padStart(5)} · p99 ${run.latency.p99} ms · ` +
        `real sign-in median ${Math.round(median(times))} ms (${times.length})${floodFigures}`,
    );
  }
}

runBench(main, teardown);
