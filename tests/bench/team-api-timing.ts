// The team tools' JSON API timed from Node with the agent's session cookie (sequential requests, as
// inbox-api-timing.ts does): the list filtered by labels, first page and the next keyset page, and
// the contact panel of the customer with 50 conversations.
import type { ConversationPage } from "../../lib/views/inbox";
import type { SerialClient } from "./fork-serial-client";
import { get, time } from "./inbox-api-timing";
import { percentile, spread } from "./stats";

/** durations: what the client saw; routeDurations: the route's own time (its Server-Timing header). */
export type TeamApiRow = { label: string; path: string; durations: number[]; routeDurations: number[]; note: string };

/** The list's path for these labels (and state), with the next page's cursor when there is one. */
async function listPaths({
  baseUrl,
  cookie,
  labelIds,
  status,
}: {
  baseUrl: string;
  cookie: string;
  labelIds: string[];
  status: "open" | "all";
}): Promise<{ first: string; next: string | null; rows: number }> {
  const labelsParam = labelIds.length > 0 ? `&labels=${labelIds.join(",")}` : "";
  const first = `/api/conversations?status=${status}&assignee=all${labelsParam}`;
  const page = await get<ConversationPage>(baseUrl, cookie, first);
  // A filtered page that holds a conversation without the label would be a wrong answer, not a slow one.
  const wrong = page.conversations.find(
    (conversation) => !labelIds.every((id) => conversation.labels.some((label) => label.id === id)),
  );
  if (wrong) throw new Error(`GET ${first} answered conversation ${wrong.id}, which lacks one of the labels`);
  return {
    first,
    next: page.nextCursor ? `${first}&cursor=${encodeURIComponent(page.nextCursor)}` : null,
    rows: page.conversations.length,
  };
}

export async function measureTeamApi({
  client,
  baseUrl,
  cookie,
  requests,
  labels,
  panelContactId,
}: {
  client: SerialClient;
  baseUrl: string;
  cookie: string;
  requests: number;
  labels: { common: string; second: string; rare: string };
  panelContactId: string;
}): Promise<TeamApiRow[]> {
  const cases: [string, string[], "open" | "all"][] = [
    // The same list without a label filter: the floor the filtered figures compare with in one run.
    ["no label filter (open)", [], "open"],
    ["common label (open)", [labels.common], "open"],
    ["common label (all states)", [labels.common], "all"],
    ["rare label (open)", [labels.rare], "open"],
    ["rare label (all states)", [labels.rare], "all"],
    ["two labels (open)", [labels.common, labels.second], "open"],
    ["two labels (all states)", [labels.common, labels.second], "all"],
  ];
  const rows: TeamApiRow[] = [];
  const timed = async (path: string) => {
    const routeDurations: number[] = [];
    const durations = await time(client, baseUrl, cookie, path, requests, routeDurations);
    return { durations, routeDurations };
  };
  for (const [label, labelIds, status] of cases) {
    const paths = await listPaths({ baseUrl, cookie, labelIds, status });
    rows.push({
      label: `list, ${label}, first page`,
      path: paths.first,
      ...(await timed(paths.first)),
      note: `${paths.rows} rows`,
    });
    if (paths.next) {
      rows.push({
        label: `list, ${label}, next page`,
        path: paths.next,
        ...(await timed(paths.next)),
        note: "keyset",
      });
    } else {
      rows.push({
        label: `list, ${label}, next page`,
        path: "",
        durations: [],
        routeDurations: [],
        note: "no next page",
      });
    }
  }
  const panel = `/api/contacts/${panelContactId}`;
  const answer = await get<{ contact: { conversations: unknown[] } }>(baseUrl, cookie, panel);
  rows.push({
    label: "contact panel (50 conversations)",
    path: panel,
    ...(await timed(panel)),
    note: `${answer.contact.conversations.length} conversations`,
  });
  // The label filter's counts come with the list's tab counts.
  const counts = "/api/conversations/counts";
  rows.push({
    label: "tab and label counts",
    path: counts,
    ...(await timed(counts)),
    note: "",
  });
  return rows;
}

export function describeTeamApi(rows: TeamApiRow[]): string[] {
  return rows.flatMap((row) => {
    if (row.durations.length === 0) return [`${row.label.padEnd(48)} – (${row.note})`];
    const line = `${row.label.padEnd(48)} ${spread(row.durations, [50, 95, 99])}${row.note ? ` · ${row.note}` : ""}`;
    if (row.routeDurations.length === 0) return [line];
    return [line, `${"  of which the route (Server-Timing)".padEnd(48)} ${spread(row.routeDurations, [50, 95, 99])}`];
  });
}

/** The worst p99 among the rows (for the summary line); `route`: of the routes' own times instead. */
export const worstP99 = (rows: TeamApiRow[], which: "client" | "route" = "client") =>
  Math.max(
    ...rows
      .map((row) => (which === "route" ? row.routeDurations : row.durations))
      .filter((durations) => durations.length > 0)
      .map((durations) => percentile(durations, 99) ?? 0),
  );
