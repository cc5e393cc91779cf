import "server-only";
import { randomBytes } from "node:crypto";
import { constants } from "node:fs";
import { copyFile, link, mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { sendFile } from "./send-file";
import { checkedKey, type MediaStorage } from "./storage-contract";

/** Files under `<root>/<first two hex digits>/<sha256>`, written to a temporary name and linked in place. */
export function createLocalMediaStorage(root: string): MediaStorage {
  const pathOf = (sha256: string) => join(root, sha256.slice(0, 2), checkedKey(sha256));
  return {
    put: async ({ sha256, bytes }) => {
      const path = pathOf(sha256);
      await mkdir(join(root, sha256.slice(0, 2)), { recursive: true });
      const temporary = `${path}.${randomBytes(6).toString("hex")}.partial`;
      await writeFile(temporary, bytes);
      try {
        // link() refuses an existing name: two downloads of the same bytes store one file, and a
        // reader never sees a half-written one.
        await link(temporary, path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      } finally {
        await rm(temporary, { force: true });
      }
    },
    putFile: async ({ sha256, path: source }) => {
      const path = pathOf(sha256);
      await mkdir(join(root, sha256.slice(0, 2)), { recursive: true });
      try {
        await link(source, path);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === "EXDEV") await copyFile(source, path, constants.COPYFILE_EXCL).catch(ignoreExists);
        else if (code !== "EEXIST") throw error;
      } finally {
        await rm(source, { force: true });
      }
    },
    get: async (sha256) => {
      try {
        return await readFile(pathOf(sha256));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
    stat: async (sha256) => {
      try {
        return { size: (await stat(pathOf(sha256))).size };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
    sendTo: (sha256, destination, range) => sendFile(pathOf(sha256), destination, range),
  };
}

function ignoreExists(error: unknown): void {
  if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
}
