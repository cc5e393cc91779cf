import "server-only";
import { createReadStream } from "node:fs";
import { rm, stat } from "node:fs/promises";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import {
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { checkedKey, type MediaStorage } from "./storage-contract";

export type S3StorageConfig = {
  bucket: string;
  region?: string;
  endpoint?: string;
  forcePathStyle?: boolean;
  credentials?: { accessKeyId: string; secretAccessKey: string };
  prefix?: string;
};

/**
 * Media in an S3-compatible bucket (AWS S3, MinIO, R2…), one object per sha256 under `prefix`, with
 * the AWS SDK: it signs requests, retries what S3 asks to be retried and streams bodies. An object that
 * exists is never written again (same key, same bytes), so two downloads of one file upload it once.
 */
export function createS3MediaStorage(config: S3StorageConfig): MediaStorage {
  const client = new S3Client({
    region: config.region ?? "us-east-1",
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    forcePathStyle: config.forcePathStyle ?? config.endpoint !== undefined,
    ...(config.credentials ? { credentials: config.credentials } : {}),
    // Checksums only where S3 requires them: the SDK's default streams uploads with aws-chunked
    // trailing checksums, which several S3-compatible services store as part of the object.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
  const Bucket = config.bucket;
  const keyOf = (sha256: string) => `${config.prefix ?? ""}${checkedKey(sha256)}`;

  const head = async (sha256: string) => {
    try {
      const answer = await client.send(new HeadObjectCommand({ Bucket, Key: keyOf(sha256) }));
      return { size: answer.ContentLength ?? 0 };
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  };
  const putIfMissing = async (sha256: string, body: () => { Body: Uint8Array | Readable; ContentLength: number }) => {
    if (await head(sha256)) return;
    const { Body, ContentLength } = body();
    await client.send(
      new PutObjectCommand({
        Bucket,
        Key: keyOf(sha256),
        Body,
        ContentLength,
        ContentType: "application/octet-stream",
      }),
    );
  };

  return {
    put: ({ sha256, bytes }) => putIfMissing(sha256, () => ({ Body: bytes, ContentLength: bytes.byteLength })),
    putFile: async ({ sha256, path }) => {
      try {
        const { size } = await stat(path);
        await putIfMissing(sha256, () => ({ Body: createReadStream(path), ContentLength: size }));
      } finally {
        await rm(path, { force: true });
      }
    },
    get: async (sha256) => {
      try {
        const answer = await client.send(new GetObjectCommand({ Bucket, Key: keyOf(sha256) }));
        return answer.Body ? Buffer.from(await answer.Body.transformToByteArray()) : Buffer.alloc(0);
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
    stat: head,
    sendTo: async (sha256, destination, range) => {
      const answer = await client.send(
        new GetObjectCommand({
          Bucket,
          Key: keyOf(sha256),
          ...(range ? { Range: `bytes=${range.start}-${range.end}` } : {}),
        }),
      );
      if (!(answer.Body instanceof Readable)) throw new Error(`S3 answered no body for ${keyOf(sha256)}`);
      await pipeline(answer.Body, destination);
    },
  };
}

function isMissing(error: unknown): boolean {
  return (
    error instanceof S3ServiceException &&
    (error.name === "NotFound" || error.name === "NoSuchKey" || error.$metadata.httpStatusCode === 404)
  );
}
