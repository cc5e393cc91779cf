import "server-only";
import { z } from "zod";
import type { Db } from "./client";
import { deleteSetting, getSetting, updateSetting } from "./settings";
import type { SendingStatusView } from "@/lib/views/inbox";

/** Set when Meta answered 190 (token) or 368 / 131031 (account): sending waits until it is lifted. */
const PAUSE_KEY = "sending.paused";

const pauseSchema = z.object({ code: z.number(), title: z.string(), advice: z.string(), since: z.string() });
export type SendingPause = z.infer<typeof pauseSchema>;

export async function getSendingPause({ db }: { db: Db }): Promise<SendingPause | null> {
  const stored = await getSetting({ db, key: PAUSE_KEY });
  if (!stored) return null;
  const parsed = pauseSchema.safeParse(JSON.parse(stored));
  return parsed.success ? parsed.data : null;
}

export async function setSendingPause({ db, pause }: { db: Db; pause: SendingPause }): Promise<void> {
  await updateSetting({ db, key: PAUSE_KEY, value: JSON.stringify(pause) });
}

/** Lifts a pause (a new token was saved, or an admin resumed); queued messages go out again. */
export async function clearSendingPause({ db }: { db: Db }): Promise<void> {
  await deleteSetting({ db, key: PAUSE_KEY });
  await db.$executeRaw`SELECT pg_notify('outbound_queued', '')`;
}

export function toSendingStatusView({
  pause,
  accessTokenMissing,
}: {
  pause: SendingPause | null;
  accessTokenMissing: boolean;
}): SendingStatusView {
  return { paused: pause !== null, problem: pause, accessTokenMissing };
}
