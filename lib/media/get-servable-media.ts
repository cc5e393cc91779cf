import "server-only";
import { getDb } from "@/lib/db/client";
import { getStoredMedia, type StoredMediaFile } from "@/lib/db/media";
import { getMediaStorage } from "./storage";

export type ServableMedia = { file: StoredMediaFile; size: number };

/**
 * A message's stored file and its size in the store, or null (unknown message, not stored yet, or
 * the file is gone from the store). Read-only and revealing nothing by itself, so GET
 * /api/media/<id> starts it together with the session check (withRoute's `prefetch`).
 */
export async function getServableMedia({ messageId }: { messageId: string }): Promise<ServableMedia | null> {
  const file = await getStoredMedia({ db: getDb(), messageId });
  const stat = file ? await getMediaStorage().stat(file.sha256) : null;
  return file && stat ? { file, size: stat.size } : null;
}
