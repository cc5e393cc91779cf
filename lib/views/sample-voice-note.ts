// A voice note the customer simulator "records": a real OGG/Opus file (RFC 7845), as WhatsApp's
// voice notes are, of a few seconds of silence. Browsers record WebM, not OGG, and have no Opus
// encoder to hand, so the file is built here from Opus's 3-byte silence frame (CELT, fullband,
// 20 ms, mono: TOC 0xF8 then 0xFF 0xFE) in Ogg pages. Pure: runs in the browser and in tests.

const SAMPLE_RATE = 48_000;
const FRAME_SAMPLES = 960; // 20 ms at 48 kHz
const SILENCE_FRAME = [0xf8, 0xff, 0xfe];
const FRAMES_PER_PAGE = 50; // one second a page
const SERIAL = 0x5a4d_b0c5;

/** `seconds` of silence as an OGG/Opus file (audio/ogg; codecs=opus). */
export function sampleVoiceNote(seconds = 3): Uint8Array {
  const frames = Math.max(1, Math.round((seconds * SAMPLE_RATE) / FRAME_SAMPLES));
  const pages: Uint8Array[] = [
    oggPage({ packets: [opusHead()], granule: 0, sequence: 0, flags: 0x02 }),
    oggPage({ packets: [opusTags()], granule: 0, sequence: 1, flags: 0 }),
  ];
  for (let first = 0, sequence = 2; first < frames; first += FRAMES_PER_PAGE, sequence += 1) {
    const count = Math.min(FRAMES_PER_PAGE, frames - first);
    const last = first + count >= frames;
    pages.push(
      oggPage({
        packets: Array.from({ length: count }, () => Uint8Array.from(SILENCE_FRAME)),
        granule: (first + count) * FRAME_SAMPLES,
        sequence,
        flags: last ? 0x04 : 0,
      }),
    );
  }
  return concat(pages);
}

function opusHead(): Uint8Array {
  const head = new Uint8Array(19);
  const view = new DataView(head.buffer);
  head.set(ascii("OpusHead"), 0);
  head[8] = 1; // version
  head[9] = 1; // mono
  view.setUint16(10, 0, true); // pre-skip: the silence frames need none
  view.setUint32(12, SAMPLE_RATE, true);
  view.setInt16(16, 0, true); // output gain
  head[18] = 0; // channel mapping family 0
  return head;
}

function opusTags(): Uint8Array {
  const vendor = ascii("whatsapp-inbox sandbox");
  const tags = new Uint8Array(8 + 4 + vendor.length + 4);
  const view = new DataView(tags.buffer);
  tags.set(ascii("OpusTags"), 0);
  view.setUint32(8, vendor.length, true);
  tags.set(vendor, 12);
  view.setUint32(12 + vendor.length, 0, true); // no comments
  return tags;
}

function oggPage({
  packets,
  granule,
  sequence,
  flags,
}: {
  packets: Uint8Array[];
  granule: number;
  sequence: number;
  flags: number;
}): Uint8Array {
  const lacing: number[] = [];
  for (const packet of packets) {
    for (let left = packet.length; ; left -= 255) {
      lacing.push(Math.min(left, 255));
      if (left < 255) break;
    }
  }
  const body = concat(packets);
  const page = new Uint8Array(27 + lacing.length + body.length);
  const view = new DataView(page.buffer);
  page.set(ascii("OggS"), 0);
  page[4] = 0; // version
  page[5] = flags; // 0x02 first page, 0x04 last page
  view.setBigUint64(6, BigInt(granule), true);
  view.setUint32(14, SERIAL, true);
  view.setUint32(18, sequence, true);
  view.setUint32(22, 0, true); // the checksum, computed over the page with this field zero
  page[26] = lacing.length;
  page.set(lacing, 27);
  page.set(body, 27 + lacing.length);
  view.setUint32(22, oggCrc(page), true);
  return page;
}

// Ogg's CRC-32: polynomial 0x04c11db7, not reflected, initial value 0, no final xor.
const CRC_TABLE = Array.from({ length: 256 }, (_, index) => {
  let crc = index << 24;
  for (let bit = 0; bit < 8; bit += 1) crc = crc & 0x8000_0000 ? (crc << 1) ^ 0x04c1_1db7 : crc << 1;
  return crc >>> 0;
});

export function oggCrc(bytes: Uint8Array): number {
  let crc = 0;
  for (const byte of bytes) crc = ((crc << 8) ^ CRC_TABLE[((crc >>> 24) ^ byte) & 0xff]!) >>> 0;
  return crc;
}

function ascii(text: string): Uint8Array {
  return Uint8Array.from(text, (char) => char.charCodeAt(0));
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((size, part) => size + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
