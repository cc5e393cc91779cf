import "server-only";
import type { Db } from "@/lib/db/client";
import { getSetting, getOrCreateSetting, updateSetting, updateSettingIfUnchanged } from "@/lib/db/settings";
import { decryptSecret, encryptSecret, isEncrypted } from "./encryption";
import { EncryptionKeyMissingError, getEncryptionKey } from "./encryption-key";

// Stored secrets are `enc:v1:…` (AES-256-GCM, lib/settings/encryption.ts). Versions before this
// one stored plaintext; such a value is still read, and re-encrypted in place the first time a
// process with a key reads it.

export function sealSecret({ key, value }: { key: string; value: string }): string {
  return encryptSecret({ key: getEncryptionKey().key, plaintext: value, context: key });
}

let warnedMissingKey = false;

/** The plaintext of a stored value, migrating a legacy plaintext one to ciphertext on the way. */
export async function openStoredSecret({ db, key, stored }: { db: Db; key: string; stored: string }): Promise<string> {
  if (isEncrypted(stored)) return decryptSecret({ key: getEncryptionKey().key, stored, context: key });
  try {
    // Conditional: if an admin saved a new value meanwhile, theirs stays.
    await updateSettingIfUnchanged({ db, key, expected: stored, value: sealSecret({ key, value: stored }) });
  } catch (error) {
    if (!(error instanceof EncryptionKeyMissingError)) throw error;
    // An upgraded production install keeps receiving webhooks; the log says what to fix.
    if (!warnedMissingKey) console.error(`[settings] ${error.message} Stored secrets stay unencrypted until then.`);
    warnedMissingKey = true;
  }
  return stored;
}

export async function readStoredSecret({ db, key }: { db: Db; key: string }): Promise<string | null> {
  const stored = await getSetting({ db, key });
  return stored === null ? null : openStoredSecret({ db, key, stored });
}

/** The stored secret, or `generate()`'s value stored (encrypted) first; concurrent starts agree. */
export async function readOrCreateStoredSecret({
  db,
  key,
  generate,
}: {
  db: Db;
  key: string;
  generate: () => string;
}): Promise<string> {
  const existing = await getSetting({ db, key });
  const stored = existing ?? (await getOrCreateSetting({ db, key, value: sealSecret({ key, value: generate() }) }));
  return openStoredSecret({ db, key, stored });
}

export async function storeSecret({ db, key, value }: { db: Db; key: string; value: string }): Promise<void> {
  await updateSetting({ db, key, value: sealSecret({ key, value }) });
}
