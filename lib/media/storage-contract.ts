import "server-only";
import type { Writable } from "node:stream";

/**
 * Where media bytes live, keyed by their sha256 (hex): the same file received twice is one object.
 * Two backends: files under DATA_DIR/media (disk-storage.ts) and an S3-compatible bucket (s3-storage.ts);
 * storage.ts picks the configured one.
 */
export type MediaStorage = {
  /** Stores bytes under their sha256; a key that is already stored is left as it is. */
  put: (input: { sha256: string; bytes: Uint8Array }) => Promise<void>;
  /** Stores a file already written to `path` (moved in, so a large upload is never held in memory). */
  putFile: (input: { sha256: string; path: string }) => Promise<void>;
  get: (sha256: string) => Promise<Buffer | null>;
  stat: (sha256: string) => Promise<{ size: number } | null>;
  /**
   * Writes the bytes from `start` to `end` inclusive (the whole file without a range) to
   * `destination` and ends it; rejects when the file cannot be read or the destination closes first.
   */
  sendTo: (sha256: string, destination: Writable, range?: { start: number; end: number }) => Promise<void>;
};

const SHA256_HEX = /^[0-9a-f]{64}$/;

export function checkedKey(sha256: string): string {
  // The key becomes a file name or object key: only a real hex digest may (no path tricks).
  if (!SHA256_HEX.test(sha256)) throw new Error("media storage keys are sha256 hex digests");
  return sha256;
}
