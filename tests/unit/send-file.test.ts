// sendFile reuses its 256 KB chunks: a chunk must never be refilled while a destination still holds
// it. The destinations here keep each chunk by reference and read it only when they acknowledge
// the write, later — as a socket does — so early reuse would show as wrong bytes.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendFile } from "@/lib/media/send-file";

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "send-file-"));
});
afterAll(() => rm(folder, { recursive: true, force: true }));

async function file(bytes: Buffer): Promise<string> {
  const path = join(folder, randomBytes(6).toString("hex"));
  await writeFile(path, bytes);
  return path;
}

/** Acknowledges each write after `delayMs`, copying the chunk only then; tiny buffer, so it drains often. */
function slowSink(delayMs: number) {
  const received: Buffer[] = [];
  const sink = new Writable({
    highWaterMark: 1,
    write(chunk: Buffer, _encoding, done) {
      setTimeout(() => {
        received.push(Buffer.from(chunk));
        done();
      }, delayMs);
    },
  });
  return { sink, bytes: () => Buffer.concat(received) };
}

describe("sendFile", () => {
  it("sends whole files and ranges byte for byte while other sends reuse the same chunks", async () => {
    const files = await Promise.all([1, 2, 3].map(() => randomBytes(700_000 + Math.floor(Math.random() * 9_999))));
    const paths = await Promise.all(files.map(file));
    // Twice over, so the second round runs on chunks the first round gave back.
    for (let round = 0; round < 2; round += 1) {
      const sinks = files.map((_, index) => slowSink(index + 1));
      const ranged = slowSink(2);
      await Promise.all([
        ...paths.map((path, index) => sendFile(path, sinks[index]!.sink)),
        sendFile(paths[0]!, ranged.sink, { start: 70_000, end: 600_123 }),
      ]);
      files.forEach((bytes, index) => expect(sinks[index]!.bytes().equals(bytes)).toBe(true));
      expect(ranged.bytes().equals(files[0]!.subarray(70_000, 600_124))).toBe(true);
    }
  });

  it("stops when the destination closes first, and refuses a range past the file's end", async () => {
    const path = await file(randomBytes(1_000_000));
    // The browser goes away while the first chunk is on its way (never acknowledged).
    const sink: Writable = new Writable({ highWaterMark: 1, write: () => setImmediate(() => sink.destroy()) });
    await expect(sendFile(path, sink)).rejects.toMatchObject({ code: "ERR_STREAM_PREMATURE_CLOSE" });

    const short = await file(randomBytes(1_000));
    await expect(sendFile(short, slowSink(0).sink, { start: 0, end: 1_999 })).rejects.toThrow(/ended at byte 1000/);
    await expect(sendFile(join(folder, "missing"), slowSink(0).sink)).rejects.toMatchObject({ code: "ENOENT" });
  });
});
