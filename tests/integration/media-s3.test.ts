// The S3 media backend against a real S3-compatible server (s3rver on loopback, the AWS SDK signing
// every request): the store's own contract, then the whole app with S3_* set — a customer's image
// downloaded into the bucket (not DATA_DIR/media) and served from it to the inbox, ranges included.
import { createHash, randomBytes } from "node:crypto";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { buffer } from "node:stream/consumers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "../../lib/db/client";
import { createS3MediaStorage } from "../../lib/media/s3-storage";
import type { ThreadMessage } from "../../lib/views/inbox";
import { buildMessagesWebhook } from "../../lib/whatsapp/sample-payloads";
import { signedIn } from "../support/accounts";
import { createFreshDatabase, type FreshDatabase } from "../support/databases";
import { type GraphSandbox, startGraphSandbox } from "../../lib/sandbox/graph-api";
import { HttpSession } from "../support/http-session";
import { type RunningServer, startNextServer } from "../support/processes";
import { type LocalS3, startLocalS3 } from "../support/s3-server";
import { eventually, postWebhook, uniqueWaId, uniqueWamid } from "../support/webhooks";
import { appServerEnv } from "../support/app-env";

const sha256Hex = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

let s3: LocalS3;

beforeAll(async () => {
  s3 = await startLocalS3();
});

afterAll(async () => {
  await s3?.close();
});

describe("the S3 media store", () => {
  const storage = () =>
    createS3MediaStorage({
      bucket: s3.bucket,
      endpoint: s3.endpoint,
      credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
      prefix: "media/",
    });

  it("stores bytes once under their sha256, reads them back whole and by range, and says when a key is missing", async () => {
    const store = storage();
    const bytes = randomBytes(10_000);
    const sha256 = sha256Hex(bytes);
    await store.put({ sha256, bytes });
    await store.put({ sha256, bytes });
    expect((await s3.keys()).filter((key) => key.endsWith(sha256))).toEqual([`media/${sha256}`]);

    expect((await store.get(sha256))?.equals(bytes)).toBe(true);
    expect(await store.stat(sha256)).toEqual({ size: 10_000 });
    const range = new PassThrough();
    const [read] = await Promise.all([buffer(range), store.sendTo(sha256, range, { start: 100, end: 199 })]);
    expect(read.equals(bytes.subarray(100, 200))).toBe(true);

    const unknown = sha256Hex(randomBytes(8));
    expect(await store.get(unknown)).toBeNull();
    expect(await store.stat(unknown)).toBeNull();
    await expect(store.sendTo(unknown, new PassThrough())).rejects.toThrow();
    await expect(store.get("../../etc/passwd")).rejects.toThrow(/sha256 hex/);
  });

  it("moves an uploaded file into the bucket and removes the local copy", async () => {
    const folder = await mkdtemp(join(tmpdir(), "inbox-s3-upload-"));
    const bytes = randomBytes(70_000);
    const path = join(folder, "upload.partial");
    await writeFile(path, bytes);
    await storage().putFile({ sha256: sha256Hex(bytes), path });
    expect(await readdir(folder)).toEqual([]);
    expect((await storage().get(sha256Hex(bytes)))?.equals(bytes)).toBe(true);
    await rm(folder, { recursive: true, force: true });
  });

  it("fails loudly with credentials the service does not know, storing nothing", async () => {
    const store = createS3MediaStorage({
      bucket: s3.bucket,
      endpoint: s3.endpoint,
      credentials: { accessKeyId: "UNKNOWN-KEY", secretAccessKey: s3.secretAccessKey },
    });
    const bytes = randomBytes(100);
    await expect(store.put({ sha256: sha256Hex(bytes), bytes })).rejects.toThrow();
    expect((await s3.keys()).some((key) => key.endsWith(sha256Hex(bytes)))).toBe(false);
  });
});

describe("the app with S3_BUCKET set", () => {
  const TOKEN = `s3-token-${randomBytes(6).toString("hex")}`;
  const PHONE_NUMBER_ID = "106540352242924";
  const secret = `secret-${randomBytes(8).toString("hex")}`;
  const key = `s3media_key_${randomBytes(10).toString("hex")}`;
  let database: FreshDatabase;
  let db: PrismaClient;
  let graph: GraphSandbox;
  let server: RunningServer;
  let admin: HttpSession;
  let dataDir: string;

  beforeAll(async () => {
    database = await createFreshDatabase();
    db = createPrismaClient(database.url, 2);
    graph = await startGraphSandbox();
    graph.tokens.set(TOKEN, "valid");
    dataDir = await mkdtemp(join(tmpdir(), "inbox-s3-app-"));
    const account = { email: `s3-admin-${randomBytes(4).toString("hex")}@example.com`, password: "s3-admin-pw-1" };
    server = await startNextServer({
      ...appServerEnv({
        databaseUrl: database.url,
        graphUrl: graph.url,
        appSecret: secret,
        webhookKey: key,
        verifyToken: "s3-verify",
        admin: account,
      }),
      DATA_DIR: dataDir,
      WHATSAPP_ACCESS_TOKEN: TOKEN,
      WORKERS: "0",
      WORKER_POLL_MS: "200",
      S3_BUCKET: s3.bucket,
      S3_ENDPOINT: s3.endpoint,
      S3_ACCESS_KEY_ID: s3.accessKeyId,
      S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
      S3_PREFIX: "app/",
    });
    admin = await signedIn(account.email, account.password, new HttpSession({ baseUrl: server.url }));
  });

  afterAll(async () => {
    await server?.stop();
    await graph?.close();
    await db?.$disconnect();
    await database?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("downloads a customer's image into the bucket and serves it from there, whole and by range", async () => {
    const bytes = randomBytes(40_000);
    const mediaId = String(2_000_000_000_000 + Math.floor(Math.random() * 1e12));
    graph.media.set(mediaId, { bytes, mimeType: "image/jpeg" });
    const waId = uniqueWaId();
    const wamid = uniqueWamid();
    const body = buildMessagesWebhook({
      phoneNumberId: PHONE_NUMBER_ID,
      contacts: [{ waId, name: "S3 Customer" }],
      messages: [
        {
          from: waId,
          id: wamid,
          timestamp: String(Math.floor(Date.now() / 1000)),
          type: "image",
          image: { id: mediaId, mime_type: "image/jpeg", sha256: createHash("sha256").update(bytes).digest("base64") },
        },
      ],
    });
    expect((await postWebhook(body, { secret, key, baseUrl: server.url })).status).toBe(200);
    const { id: messageId } = await eventually(() => db.message.findUnique({ where: { wamid } }), "the message");
    await eventually(async () => {
      const response = await admin.request(`/api/messages/${messageId}`);
      const { message } = (await response.json()) as { message: ThreadMessage };
      return message.media?.state === "stored" ? message : null;
    }, "the image stored");

    expect(await s3.keys()).toContain(`app/${sha256Hex(bytes)}`);
    expect(await readdir(join(dataDir, "media")).catch(() => [])).toEqual([]);

    const whole = await admin.request(`/api/media/${messageId}`);
    expect(whole.status).toBe(200);
    expect(whole.headers.get("content-type")).toBe("image/jpeg");
    expect(Buffer.from(await whole.arrayBuffer()).equals(bytes)).toBe(true);
    const part = await admin.request(`/api/media/${messageId}`, { headers: { range: "bytes=1000-1999" } });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 1000-1999/${bytes.length}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(bytes.subarray(1000, 2000))).toBe(true);
  });
});
