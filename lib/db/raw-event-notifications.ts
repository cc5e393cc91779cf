import "server-only";
import pg from "pg";

/**
 * Calls onInserted whenever stored webhooks commit (raw-event-writer notifies). Reconnects
 * after a lost connection; callers keep polling as well, so a missed notification only delays.
 */
export function listenForRawEvents({
  connectionString,
  onInserted,
}: {
  connectionString: string;
  onInserted: () => void;
}): { close: () => Promise<void> } {
  let client: pg.Client | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;

  const connect = async () => {
    const next = new pg.Client({ connectionString, connectionTimeoutMillis: 5_000 });
    next.on("notification", () => onInserted());
    next.on("error", (error) => {
      // Ctrl-C under `npm start` signals Postgres and this process at once, and the dropped
      // connection may be noticed before the signal: only a loss that outlives a moment is news.
      setTimeout(() => {
        if (!closed) console.error("[worker] notification connection lost, reconnecting", error.message);
      }, 500).unref();
      void next.end().catch(() => undefined);
      if (client === next) client = null;
      if (!closed) retry = setTimeout(() => void connect(), 1_000);
    });
    try {
      await next.connect();
      await next.query("LISTEN raw_events_inserted");
      client = next;
      if (closed) await next.end();
    } catch (error) {
      console.error("[worker] could not listen for new events, retrying", (error as Error).message);
      void next.end().catch(() => undefined);
      if (!closed) retry = setTimeout(() => void connect(), 1_000);
    }
  };
  void connect();

  return {
    close: async () => {
      closed = true;
      clearTimeout(retry);
      await client?.end().catch(() => undefined);
    },
  };
}
