// Inbound media end to end: a customer's media message → the download job (GET /{media-id} with the
// token, the short-lived URL with the same token, sha256 checked) → the file store → the
// authenticated media route. The real server processes after the ack and runs the recovery loop;
// the fake Graph API holds the files, requires the Bearer token on downloads and can expire URLs.
import { createHash, createHmac, randomBytes } from "node:crypto";
import { get as httpGet } from "node:http";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "../../lib/db/client";
import { buildMessagesWebhook } from "../../lib/whatsapp/sample-payloads";
import type { ThreadMessage } from "../../lib/views/inbox";
import { createTestUser, signedIn } from "../support/accounts";
import { createFreshDatabase, type FreshDatabase } from "../support/databases";
import { type GraphSandbox, startGraphSandbox } from "@/lib/sandbox/graph-api";
import { HttpSession } from "../support/http-session";
import { type RunningServer, startNextServer } from "../support/processes";
import { eventually, postWebhook, uniqueWaId, uniqueWamid } from "../support/webhooks";
import { appServerEnv } from "../support/app-env";

const TOKEN = `media-token-${randomBytes(6).toString("hex")}`;
const PHONE_NUMBER_ID = "106540352242923";

let database: FreshDatabase;
let db: PrismaClient;
let graph: GraphSandbox;
let server: RunningServer;
let admin: HttpSession;
let dataDir: string;
const secret = `secret-${randomBytes(8).toString("hex")}`;
const key = `media_key_${randomBytes(10).toString("hex")}`;

beforeAll(async () => {
  database = await createFreshDatabase();
  db = createPrismaClient(database.url, 3);
  graph = await startGraphSandbox();
  graph.tokens.set(TOKEN, "valid");
  dataDir = await mkdtemp(join(tmpdir(), "inbox-media-"));
  const account = { email: `media-admin-${randomBytes(4).toString("hex")}@example.com`, password: "media-admin-pw-1" };
  server = await startNextServer({
    ...appServerEnv({
      databaseUrl: database.url,
      graphUrl: graph.url,
      appSecret: secret,
      webhookKey: key,
      verifyToken: "media-verify",
      admin: account,
    }),
    DATA_DIR: dataDir,
    // No WHATSAPP_ACCESS_TOKEN: the first test saves one on the settings page's API.
    WORKERS: "0",
    WORKER_POLL_MS: "200",
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

const sha256Hex = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

type MediaType = "image" | "audio" | "video" | "document" | "sticker";

/** A customer sends a file Meta holds under a new media id; returns our message id. */
async function customerSends({
  type,
  bytes,
  mimeType,
  filename,
  reportedSha256,
  expiredDownloads,
  metaHoldsIt = true,
  sentAt = new Date(),
}: {
  type: MediaType;
  bytes: Buffer;
  mimeType: string;
  filename?: string;
  reportedSha256?: string;
  expiredDownloads?: number;
  metaHoldsIt?: boolean;
  sentAt?: Date;
}): Promise<{ messageId: string; mediaId: string }> {
  const mediaId = String(1_000_000_000_000 + Math.floor(Math.random() * 1e12));
  if (metaHoldsIt) {
    graph.media.set(mediaId, {
      bytes,
      mimeType,
      ...(reportedSha256 ? { sha256: reportedSha256 } : {}),
      ...(expiredDownloads ? { expiredDownloads } : {}),
    });
  }
  const waId = uniqueWaId();
  const wamid = uniqueWamid();
  const body = buildMessagesWebhook({
    phoneNumberId: PHONE_NUMBER_ID,
    contacts: [{ waId, name: "Media Customer" }],
    messages: [
      {
        from: waId,
        id: wamid,
        timestamp: String(Math.floor(sentAt.getTime() / 1000)),
        type,
        // Webhooks carry the sha256 too (base64 here; GET /{media-id}'s hex one is checked first).
        [type]: {
          id: mediaId,
          mime_type: mimeType,
          sha256: createHash("sha256").update(bytes).digest("base64"),
          ...(filename ? { filename } : {}),
        },
      },
    ],
  });
  expect((await postWebhook(body, { secret, key, baseUrl: server.url })).status).toBe(200);
  const stored = await eventually(() => db.message.findUnique({ where: { wamid } }), "the media message");
  return { messageId: stored.id, mediaId };
}

async function threadMessage(messageId: string): Promise<ThreadMessage> {
  const response = await admin.request(`/api/messages/${messageId}`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { message: ThreadMessage }).message;
}

const mediaState = (state: "stored" | "failed" | "pending", messageId: string) =>
  eventually(async () => {
    const message = await threadMessage(messageId);
    return message.media?.state === state ? message : null;
  }, `media ${state}`);

async function storedFiles(): Promise<string[]> {
  const root = join(dataDir, "media");
  const files: string[] = [];
  for (const folder of await readdir(root).catch(() => [])) {
    for (const name of await readdir(join(root, folder))) files.push(name);
  }
  return files;
}

describe("inbound media downloads", () => {
  it("waits while no access token is configured and downloads once one is saved", async () => {
    const bytes = randomBytes(2_000);
    const { messageId } = await customerSends({ type: "image", bytes, mimeType: "image/jpeg" });
    const waiting = await eventually(async () => {
      const message = await threadMessage(messageId);
      return message.media?.error?.includes("Waiting for an access token") ? message : null;
    }, "the bubble to say it waits for a token");
    expect(waiting.media?.state).toBe("pending");
    expect(graph.requests.some((r) => r.path.endsWith(`/whatsapp_business/attachments/`))).toBe(false);

    const saved = await admin.request("/api/settings/whatsapp", {
      method: "PATCH",
      json: { setting: "accessToken", value: TOKEN },
    });
    expect(saved.status).toBe(200);
    const stored = await mediaState("stored", messageId);
    expect(stored.media).toMatchObject({ url: `/api/media/${messageId}`, mimeType: "image/jpeg", size: 2_000 });
    const file = await admin.request(`/api/media/${messageId}`);
    expect(Buffer.from(await file.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it("downloads with the Bearer token, checks the sha256 and serves the file only to a signed-in user, with safe headers", async () => {
    const bytes = randomBytes(5_000);
    const { messageId, mediaId } = await customerSends({ type: "image", bytes, mimeType: "image/jpeg" });
    await mediaState("stored", messageId);

    const metaCalls = graph.requests.filter((r) => r.path.endsWith(`/${mediaId}`));
    expect(metaCalls.length).toBeGreaterThan(0);
    expect(metaCalls.every((r) => r.authorization === `Bearer ${TOKEN}`)).toBe(true);
    expect(await storedFiles()).toContain(sha256Hex(bytes));

    const response = await admin.request(`/api/media/${messageId}`);
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer()).equals(bytes)).toBe(true);
    expect(response.headers.get("content-type")).toBe("image/jpeg");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("cache-control")).toMatch(/^private\b/);
    expect(response.headers.get("content-disposition")).toMatch(/^inline;/);
    expect(response.headers.get("server-timing")).toMatch(/^route;dur=\d+\.\d$/);

    const anonymous = await new HttpSession({ baseUrl: server.url }).request(`/api/media/${messageId}`);
    expect(anonymous.status).toBe(401);
    expect((await admin.request(`/api/media/msg_unknown-${randomBytes(4).toString("hex")}`)).status).toBe(404);
  });

  it("lets the browser keep a file and revalidate it with its ETag, never past the session", async () => {
    const bytes = randomBytes(6_000);
    const { messageId } = await customerSends({ type: "image", bytes, mimeType: "image/jpeg" });
    await mediaState("stored", messageId);
    const first = await admin.request(`/api/media/${messageId}`);
    expect(first.status).toBe(200);
    await first.arrayBuffer();
    expect(first.headers.get("etag")).toBe(`"${sha256Hex(bytes)}"`);
    expect(first.headers.get("cache-control")).toBe("private, max-age=604800, immutable");

    const again = await admin.request(`/api/media/${messageId}`, {
      headers: { "if-none-match": `W/"${"0".repeat(64)}", "${sha256Hex(bytes)}"` },
    });
    expect(again.status).toBe(304);
    expect((await again.arrayBuffer()).byteLength).toBe(0);
    expect(again.headers.get("etag")).toBe(`"${sha256Hex(bytes)}"`);
    const changed = await admin.request(`/api/media/${messageId}`, {
      headers: { "if-none-match": `"${"0".repeat(64)}"` },
    });
    expect(changed.status).toBe(200);
    expect(Buffer.from(await changed.arrayBuffer()).equals(bytes)).toBe(true);

    // The file's row is read while the session is checked: a signed-out cookie still gets nothing.
    const user = await createTestUser(admin);
    const agent = await signedIn(user.email, user.password, new HttpSession({ baseUrl: server.url }));
    const stolenCopy = agent.clone();
    expect((await agent.request(`/api/media/${messageId}`)).status).toBe(200);
    expect((await agent.request("/api/auth/sign-out", { method: "POST", json: {} })).status).toBe(200);
    const attempts: Record<string, string>[] = [
      {},
      { "if-none-match": `"${sha256Hex(bytes)}"` },
      { range: "bytes=0-9" },
    ];
    for (const headers of attempts) {
      const refused = await stolenCopy.request(`/api/media/${messageId}`, { headers });
      expect(refused.status).toBe(401);
      expect(refused.headers.get("etag")).toBeNull();
    }
  });

  // The media route checks the session in its own query (with the file's row), not through
  // better-auth's getSession: it must refuse exactly what every other route refuses.
  it("refuses a file to exactly the cookies every other route refuses", async () => {
    const bytes = randomBytes(2_000);
    const { messageId } = await customerSends({ type: "image", bytes, mimeType: "image/jpeg" });
    await mediaState("stored", messageId);
    const verdicts = async (cookie: string) => {
      const client = new HttpSession({ baseUrl: server.url });
      const media = await client.request(`/api/media/${messageId}`, { headers: { cookie } });
      const other = await client.request("/api/conversations/counts", { headers: { cookie } });
      const body = media.status === 401 ? await media.json() : (await media.arrayBuffer(), null);
      return { media: media.status, other: other.status, body };
    };
    const user = await createTestUser(admin);
    const agent = await signedIn(user.email, user.password, new HttpSession({ baseUrl: server.url }));
    const cookie = agent.cookieHeader;
    const [name, signed] = cookie.split(";")[0]!.split("=") as [string, string];
    expect(name).toBe("inbox.session_token");
    const token = decodeURIComponent(signed).split(".")[0]!;
    const refused = {
      media: 401,
      other: 401,
      body: { error: { code: "unauthenticated", message: "Sign in to continue." } },
    };

    expect(await verdicts(cookie)).toEqual({ media: 200, other: 200, body: null });
    // A token without its signature, signed with another secret, or another token under this signature.
    expect(await verdicts(`${name}=${token}`)).toEqual(refused);
    const otherSecret = createHmac("sha256", "not-this-server").update(token).digest("base64");
    expect(await verdicts(`${name}=${encodeURIComponent(`${token}.${otherSecret}`)}`)).toEqual(refused);
    const signature = decodeURIComponent(signed).split(".")[1]!;
    expect(await verdicts(`${name}=${encodeURIComponent(`${token.slice(0, -1)}x.${signature}`)}`)).toEqual(refused);
    // The same signature in base64url: better-auth does not take it, nor does the media route.
    const base64url = signature.replaceAll("+", "-").replaceAll("/", "_");
    if (base64url !== signature) {
      expect(await verdicts(`${name}=${encodeURIComponent(`${token}.${base64url}`)}`)).toEqual(refused);
    }
    // The first cookie of the name is the one read, as better-auth reads it.
    expect(await verdicts(`${name}=${token}.${"A".repeat(43)}=; ${cookie}`)).toEqual(refused);
    expect(await verdicts(`theme=dark; ${cookie}`)).toEqual({ media: 200, other: 200, body: null });

    // A deactivated user (banned), then an expired session.
    await db.user.update({ where: { email: user.email }, data: { banned: true } });
    expect(await verdicts(cookie)).toEqual(refused);
    await db.user.update({ where: { email: user.email }, data: { banned: false } });
    expect(await verdicts(cookie)).toEqual({ media: 200, other: 200, body: null });
    await db.session.updateMany({ where: { token }, data: { expiresAt: new Date(Date.now() - 60_000) } });
    expect(await verdicts(cookie)).toEqual(refused);
  });

  it("stores identical bytes once for two messages", async () => {
    const bytes = randomBytes(3_000);
    const first = await customerSends({ type: "image", bytes, mimeType: "image/jpeg" });
    const second = await customerSends({ type: "document", bytes, mimeType: "application/pdf", filename: "same.pdf" });
    await mediaState("stored", first.messageId);
    await mediaState("stored", second.messageId);
    const rows = await db.media.findMany({ where: { messageId: { in: [first.messageId, second.messageId] } } });
    expect(rows.map((row) => row.sha256)).toEqual([sha256Hex(bytes), sha256Hex(bytes)]);
    expect((await storedFiles()).filter((name) => name.startsWith(sha256Hex(bytes)))).toEqual([sha256Hex(bytes)]);
  });

  it("refuses a file whose sha256 does not match, shows why, and a retry downloads it once Meta's file is right", async () => {
    const bytes = randomBytes(1_500);
    const { messageId, mediaId } = await customerSends({
      type: "image",
      bytes,
      mimeType: "image/png",
      reportedSha256: sha256Hex(randomBytes(16)),
    });
    const failed = await mediaState("failed", messageId);
    expect(failed.media?.error).toMatch(/does not match the sha256/);
    expect(failed.media?.url).toBeNull();
    expect(await storedFiles()).not.toContain(sha256Hex(bytes));
    expect((await admin.request(`/api/media/${messageId}`)).status).toBe(404);

    delete graph.media.get(mediaId)!.sha256;
    const retry = await admin.request(`/api/media/${messageId}/retry`, { method: "POST" });
    expect(retry.status).toBe(200);
    await mediaState("stored", messageId);
    expect(await storedFiles()).toContain(sha256Hex(bytes));
  });

  it("asks for a fresh URL and retries when the download URL has expired", async () => {
    const bytes = randomBytes(4_000);
    const { messageId, mediaId } = await customerSends({
      type: "video",
      bytes,
      mimeType: "video/mp4",
      expiredDownloads: 2,
    });
    await mediaState("stored", messageId);
    // Three URLs asked for: two expired before the download, the third worked.
    expect(graph.requests.filter((r) => r.path.endsWith(`/${mediaId}`)).length).toBeGreaterThanOrEqual(3);
    expect(graph.media.get(mediaId)!.expiredDownloads).toBe(0);
  });

  it("fails with Meta's reason when Meta does not know the media id", async () => {
    const { messageId } = await customerSends({
      type: "audio",
      bytes: randomBytes(10),
      mimeType: "audio/ogg",
      metaHoldsIt: false,
    });
    const failed = await mediaState("failed", messageId);
    expect(failed.media?.error).toMatch(/Meta does not know this media id/);
  });

  it("gives up with the reason once Meta's 7 days for the media id are over", async () => {
    // A delivery Meta retried for 8 days (or a replay): the id is gone, so nothing is asked of Meta.
    const { messageId, mediaId } = await customerSends({
      type: "image",
      bytes: randomBytes(100),
      mimeType: "image/jpeg",
      sentAt: new Date(Date.now() - 8 * 24 * 60 * 60 * 1000),
    });
    const failed = await mediaState("failed", messageId);
    expect(failed.media?.error).toMatch(/7 days/);
    expect(graph.requests.some((r) => r.path.endsWith(`/${mediaId}`))).toBe(false);
  });

  it("serves SVG and HTML as attachments, never inline", async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const html = Buffer.from("<html><script>alert(document.cookie)</script></html>");
    const image = await customerSends({ type: "image", bytes: svg, mimeType: "image/svg+xml" });
    const page = await customerSends({
      type: "document",
      bytes: html,
      mimeType: "text/html",
      filename: "invoice.html",
    });
    await mediaState("stored", image.messageId);
    await mediaState("stored", page.messageId);

    const svgResponse = await admin.request(`/api/media/${image.messageId}`);
    expect(svgResponse.headers.get("content-type")).toBe("image/svg+xml");
    expect(svgResponse.headers.get("content-disposition")).toMatch(/^attachment;/);
    expect(svgResponse.headers.get("x-content-type-options")).toBe("nosniff");
    const htmlResponse = await admin.request(`/api/media/${page.messageId}`);
    expect(htmlResponse.headers.get("content-disposition")).toBe(
      `attachment; filename="invoice.html"; filename*=UTF-8''invoice.html`,
    );
    expect(htmlResponse.headers.get("content-security-policy")).toMatch(/sandbox/);
  });

  it("answers a byte range with 206 and the right bytes, and an impossible one with 416", async () => {
    const bytes = randomBytes(1_000);
    const { messageId } = await customerSends({ type: "audio", bytes, mimeType: "audio/ogg" });
    await mediaState("stored", messageId);

    const partial = await admin.request(`/api/media/${messageId}`, { headers: { range: "bytes=100-199" } });
    expect(partial.status).toBe(206);
    expect(partial.headers.get("content-range")).toBe("bytes 100-199/1000");
    expect(Buffer.from(await partial.arrayBuffer()).equals(bytes.subarray(100, 200))).toBe(true);

    const tail = await admin.request(`/api/media/${messageId}`, { headers: { range: "bytes=-10" } });
    expect(tail.status).toBe(206);
    expect(Buffer.from(await tail.arrayBuffer()).equals(bytes.subarray(990))).toBe(true);

    const beyond = await admin.request(`/api/media/${messageId}`, { headers: { range: "bytes=1000-" } });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get("content-range")).toBe("bytes */1000");
  });

  it("answers HEAD without the file, other methods with 405, a malformed id with 422, and a browser leaving mid-file harms nothing", async () => {
    const bytes = randomBytes(3 * 1024 * 1024);
    const { messageId } = await customerSends({ type: "video", bytes, mimeType: "video/mp4" });
    await mediaState("stored", messageId);

    const head = await admin.request(`/api/media/${messageId}`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("content-length")).toBe(String(bytes.length));
    expect(head.headers.get("content-type")).toBe("video/mp4");
    expect((await head.arrayBuffer()).byteLength).toBe(0);
    const anonymousHead = await new HttpSession({ baseUrl: server.url }).request(`/api/media/${messageId}`, {
      method: "HEAD",
    });
    expect(anonymousHead.status).toBe(401);

    const deleted = await admin.request(`/api/media/${messageId}`, { method: "DELETE" });
    expect(deleted.status).toBe(405);
    expect(deleted.headers.get("allow")).toBe("GET, HEAD");
    expect(((await deleted.json()) as { error: { code: string } }).error.code).toBe("method_not_allowed");
    const malformed = await admin.request(`/api/media/${encodeURIComponent("msg_1 OR 1=1")}`);
    expect(malformed.status).toBe(422);
    expect(((await malformed.json()) as { error: { message: string } }).error.message).toMatch(/^id: /);
    const unknown = await admin.request(`/api/media/msg_unknown-${randomBytes(4).toString("hex")}?v=1`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: { code: "not_found", message: "Media not found." } });

    // The agent scrolls past a video while it loads: the answer is cut off after its first bytes.
    const partial = await new Promise<number>((resolve, reject) => {
      const request = httpGet(
        `${server.url}/api/media/${messageId}`,
        { headers: { cookie: admin.cookieHeader } },
        (response) => {
          response.once("data", (chunk: Buffer) => {
            request.destroy();
            resolve(chunk.length);
          });
        },
      );
      request.on("error", (error) => (request.destroyed ? undefined : reject(error)));
    });
    expect(partial).toBeLessThan(bytes.length);
    // The server is still whole and answers the file in full.
    const whole = await admin.request(`/api/media/${messageId}`);
    expect(whole.status).toBe(200);
    expect(Buffer.from(await whole.arrayBuffer()).equals(bytes)).toBe(true);
    expect(server.output()).not.toMatch(/failed mid-answer/);
  });
});
