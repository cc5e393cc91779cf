// Parent side of tests/bench/serial-client.ts: one long-lived child process, one run at a time.
import { join } from "node:path";
import { forkChild } from "./fork-child";
import type { SerialResult, SerialRun } from "./serial-client";

export type SerialClient = {
  run: (
    request: Omit<SerialRun, "id" | "warmup" | "expect"> & Partial<Pick<SerialRun, "warmup" | "expect">>,
  ) => Promise<SerialResult>;
  stop: () => Promise<void>;
};

export async function forkSerialClient(): Promise<SerialClient> {
  const child = await forkChild<Omit<SerialRun, "id">, SerialResult>(
    join(import.meta.dirname, "serial-client.ts"),
    "serial client",
  );
  return {
    run: ({ warmup = 0, expect = {}, ...request }) => child.run({ ...request, warmup, expect }),
    stop: child.stop,
  };
}
