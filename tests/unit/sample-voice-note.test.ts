// The simulator's voice note is a well-formed OGG/Opus file (RFC 7845): Ogg pages with valid
// checksums in sequence, OpusHead then OpusTags, then 20 ms Opus frames whose last granule position
// gives the duration. (Chromium decoding it is covered by the sandbox E2E.)
import { describe, expect, it } from "vitest";
import { oggCrc, sampleVoiceNote } from "@/lib/views/sample-voice-note";

type Page = { flags: number; granule: bigint; sequence: number; packets: Buffer[] };

function readPages(file: Buffer): Page[] {
  const pages: Page[] = [];
  for (let offset = 0; offset < file.length;) {
    expect(file.subarray(offset, offset + 4).toString("ascii")).toBe("OggS");
    const segments = file[offset + 26]!;
    const lacing = [...file.subarray(offset + 27, offset + 27 + segments)];
    const size = 27 + segments + lacing.reduce((sum, value) => sum + value, 0);
    const page = Buffer.from(file.subarray(offset, offset + size));
    const crc = page.readUInt32LE(22);
    page.writeUInt32LE(0, 22);
    expect(oggCrc(page)).toBe(crc);
    const packets: Buffer[] = [];
    let start = 27 + segments;
    let length = 0;
    for (const value of lacing) {
      length += value;
      if (value < 255) {
        packets.push(page.subarray(start, start + length));
        start += length;
        length = 0;
      }
    }
    pages.push({ flags: page[5]!, granule: page.readBigUInt64LE(6), sequence: page.readUInt32LE(18), packets });
    offset += size;
  }
  return pages;
}

describe("the simulator's sample voice note", () => {
  it("is an OGG/Opus file of the asked length", () => {
    const file = Buffer.from(sampleVoiceNote(3));
    const pages = readPages(file);
    expect(pages.map((page) => page.sequence)).toEqual(pages.map((_, index) => index));
    expect(pages[0]!.flags).toBe(0x02);
    expect(pages.at(-1)!.flags).toBe(0x04);
    const head = pages[0]!.packets[0]!;
    expect(head.subarray(0, 8).toString("ascii")).toBe("OpusHead");
    expect({ version: head[8], channels: head[9], rate: head.readUInt32LE(12) }).toEqual({
      version: 1,
      channels: 1,
      rate: 48_000,
    });
    expect(pages[1]!.packets[0]!.subarray(0, 8).toString("ascii")).toBe("OpusTags");
    const frames = pages.slice(2).flatMap((page) => page.packets);
    expect(frames).toHaveLength(150);
    expect(frames.every((frame) => frame.equals(Buffer.from([0xf8, 0xff, 0xfe])))).toBe(true);
    // Duration = last granule position / 48 kHz (no pre-skip).
    expect(Number(pages.at(-1)!.granule) / 48_000).toBe(3);
    expect(file.length).toBeLessThan(1_024);
  });
});
