import "server-only";
import { resolve } from "node:path";
import { getEnv } from "@/lib/env";
import { createLocalMediaStorage } from "./disk-storage";
import { createS3MediaStorage } from "./s3-storage";
import type { MediaStorage } from "./storage-contract";

let cached: MediaStorage | undefined;

/** The configured store: the S3 bucket when `S3_BUCKET` is set, else `DATA_DIR/media`. */
export function getMediaStorage(): MediaStorage {
  cached ??= createConfiguredStorage();
  return cached;
}

function createConfiguredStorage(): MediaStorage {
  const env = getEnv();
  if (!env.S3_BUCKET) return createLocalMediaStorage(resolve(env.DATA_DIR, "media"));
  return createS3MediaStorage({
    bucket: env.S3_BUCKET,
    region: env.S3_REGION,
    endpoint: env.S3_ENDPOINT,
    forcePathStyle: env.S3_FORCE_PATH_STYLE,
    credentials:
      env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY
        ? { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY }
        : undefined,
    prefix: env.S3_PREFIX,
  });
}
