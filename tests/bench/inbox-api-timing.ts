// The inbox's JSON API (and its two pages' HTML) timed from Node with the agent's session cookie:
// sequential requests, so each figure is one request's latency with nothing else in flight, timed
// from a process of its own (serial-client.ts) so that the benchmark's own garbage collections are
// not counted as the server's. (The start-up burst, several requests at once, stays in this process.)
import type { ConversationPage, MessagePage } from "../../lib/views/inbox";
import type { SerialClient } from "./fork-serial-client";
import { spread } from "./stats";

export async function get<T>(baseUrl: string, cookie: string, path: string): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, { headers: { cookie } });
  if (!response.ok)
    throw new Error(`GET ${path} answered ${response.status}: ${(await response.text()).slice(0, 200)}`);
  return (await response.json()) as T;
}

/** The `route;dur=` of a Server-Timing header (lib/http/with-route.ts), or null. */
export function routeDuration(response: Response): number | null {
  const match = /(?:^|,)\s*route;dur=([\d.]+)/.exec(response.headers.get("server-timing") ?? "");
  return match ? Number(match[1]) : null;
}

/**
 * `requests` sequential GETs (or "POST /path") after 3 unmeasured, timed by `client` (a process of
 * its own, serial-client.ts); each one's route time goes to `routeTimes`.
 */
export async function time(
  client: SerialClient,
  baseUrl: string,
  cookie: string,
  path: string,
  requests: number,
  routeTimes?: number[],
): Promise<number[]> {
  // "POST /path": a mutation with no body, from the app's own origin as the browser sends it.
  const [method, url] = path.startsWith("POST ") ? (["POST", path.slice(5)] as const) : (["GET", path] as const);
  const headers: Record<string, string> = method === "POST" ? { cookie, origin: baseUrl } : { cookie };
  const { durations, routeDurations } = await client.run({
    targets: [{ url: `${baseUrl}${url}`, method, headers }],
    count: requests,
    warmup: 3,
  });
  routeTimes?.push(...routeDurations[0]!);
  return durations[0]!;
}

/** Follows nextCursor / olderCursor `pages` times; returns the last cursor and how long the walk took. */
async function walk(
  next: (cursor: string | null) => Promise<string | null>,
  pages: number,
): Promise<{ cursor: string | null; ms: number }> {
  const started = performance.now();
  let cursor: string | null = null;
  for (let page = 0; page < pages; page += 1) {
    cursor = await next(cursor);
    if (!cursor) break;
  }
  return { cursor, ms: performance.now() - started };
}

export async function measureApi({
  client,
  baseUrl,
  cookie,
  requests,
  thread,
}: {
  client: SerialClient;
  baseUrl: string;
  cookie: string;
  requests: number;
  thread: string;
}): Promise<string[]> {
  const listWalk = await walk(async (cursor) => {
    const query = cursor ? `?cursor=${encodeURIComponent(cursor)}` : "";
    return (await get<ConversationPage>(baseUrl, cookie, `/api/conversations${query}`)).nextCursor;
  }, 40);
  const threadWalk = await walk(async (cursor) => {
    const query = cursor ? `?before=${encodeURIComponent(cursor)}` : "";
    return (await get<MessagePage>(baseUrl, cookie, `/api/conversations/${thread}/messages${query}`)).olderCursor;
  }, 20);
  const firstPage = await get<ConversationPage>(baseUrl, cookie, "/api/conversations?status=all");
  const ids = firstPage.conversations.map((conversation) => conversation.id).join(",");
  // A conversation of ordinary length beside the 5,000-message one: what any deep link's HTML costs.
  const other = firstPage.conversations.find((conversation) => conversation.id !== thread)?.id ?? thread;
  const endpoints: [string, string][] = [
    ["list, first page (open)", "/api/conversations"],
    ["list, first page (all states)", "/api/conversations?status=all"],
    ["list, page after 2,000 rows", `/api/conversations?cursor=${encodeURIComponent(listWalk.cursor ?? "")}`],
    ["list by ids (50 rows, realtime refresh)", `/api/conversations?ids=${ids}`],
    ['search "refund" (common word)', "/api/conversations?q=refund"],
    ['search "Lisboa"', "/api/conversations?q=Lisboa"],
    ['search "zebra"', "/api/conversations?q=zebra"],
    ['search "Long Thread" (a name)', "/api/conversations?q=Long%20Thread"],
    ['search "55501" (number digits)', "/api/conversations?q=55501"],
    ["unread summary", "/api/conversations/unread"],
    ["conversation detail", `/api/conversations/${thread}`],
    ["mark read (POST)", `POST /api/conversations/${thread}/read`],
    ["thread, newest 50 messages", `/api/conversations/${thread}/messages`],
    [
      "thread, 50 messages after 1,000",
      `/api/conversations/${thread}/messages?before=${encodeURIComponent(threadWalk.cursor ?? "")}`,
    ],
    ["realtime config", "/api/realtime/config"],
    ["phone numbers", "/api/phone-numbers"],
    ["agents", "/api/agents"],
    ["page HTML /inbox", "/inbox"],
    [`page HTML /inbox/${thread}`, `/inbox/${thread}`],
    [`page HTML /inbox/${other}`, `/inbox/${other}`],
  ];
  // What a page's start-up fires at once (after hydration): the server answers them side by side.
  const burst = [
    "/api/realtime/config",
    "/api/conversations?status=open&assignee=all",
    "/api/conversations/unread",
    "/api/phone-numbers",
  ];
  const burstTimes = new Map<string, number[]>(burst.map((path) => [path, []]));
  const burstTotals: number[] = [];
  for (let round = -3; round < 20; round += 1) {
    const started = performance.now();
    await Promise.all(
      burst.map(async (path) => {
        const response = await fetch(`${baseUrl}${path}`, { headers: { cookie } });
        await response.arrayBuffer();
        if (round >= 0) burstTimes.get(path)?.push(performance.now() - started);
      }),
    );
    if (round >= 0) burstTotals.push(performance.now() - started);
  }
  const lines = [
    `walking the list 40 pages (2,000 rows): ${Math.round(listWalk.ms)} ms · ` +
      `the thread 20 pages (1,000 messages): ${Math.round(threadWalk.ms)} ms`,
  ];
  for (const [label, path] of endpoints) {
    const durations = await time(client, baseUrl, cookie, path, requests);
    lines.push(`${label.padEnd(42)} ${spread(durations, [50, 99])}`);
  }
  lines.push(
    `the /inbox start-up burst, ${burst.length} requests at once (20 rounds): all answered ${spread(burstTotals, [50, 95])}`,
  );
  for (const [path, durations] of burstTimes) lines.push(`  ${path.padEnd(46)} ${spread(durations, [50, 95])}`);
  return lines;
}
