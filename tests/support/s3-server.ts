// A local S3-compatible server for the S3 media backend's tests: s3rver (from the npm registry), which
// answers the S3 REST API (SigV4-signed requests, ranges, 404 NoSuchKey) from a temporary folder.
import { mkdtemp, readdir, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import S3rver from "s3rver";

export type LocalS3 = {
  endpoint: string;
  bucket: string;
  /** s3rver's fixed credentials. */
  accessKeyId: string;
  secretAccessKey: string;
  /** The keys of every object stored in the bucket. */
  keys: () => Promise<string[]>;
  close: () => Promise<void>;
};

export async function startLocalS3(bucket = "inbox-media"): Promise<LocalS3> {
  const directory = await mkdtemp(join(tmpdir(), "inbox-s3-"));
  const server = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket, configs: [] }],
  });
  const address = (await server.run()) as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    bucket,
    accessKeyId: "S3RVER",
    secretAccessKey: "S3RVER",
    keys: async () => listKeys(join(directory, bucket)),
    close: async () => {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

// s3rver keeps each object as `<key>._S3rver_object` (with metadata beside it), folders for "/".
async function listKeys(root: string, prefix = ""): Promise<string[]> {
  const keys: string[] = [];
  for (const entry of await readdir(root, { withFileTypes: true }).catch(() => [])) {
    if (entry.isDirectory()) keys.push(...(await listKeys(join(root, entry.name), `${prefix}${entry.name}/`)));
    else if (entry.name.endsWith("._S3rver_object")) keys.push(prefix + entry.name.slice(0, -"._S3rver_object".length));
  }
  return keys;
}
