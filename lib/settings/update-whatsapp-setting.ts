import "server-only";
import { type AuditActor, createAuditLog } from "@/lib/db/audit-logs";
import { getDb } from "@/lib/db/client";
import { clearSendingPause, getSendingPause, toSendingStatusView } from "@/lib/db/sending-pause";
import { wakeMediaWaitingForToken } from "@/lib/db/media";
import { deleteSetting, updateSetting } from "@/lib/db/settings";
import { requestMediaDrain } from "@/lib/media/download-media";
import { emptyInboxChanges } from "@/lib/realtime/changes";
import { publishInboxChanges } from "@/lib/inbox/publish-inbox-changes";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/http/app-error";
import { invalidateWebhookConfig } from "@/lib/settings/webhook-config";
import { EncryptionKeyMissingError } from "./encryption-key";
import { getWhatsAppSettings } from "./get-whatsapp-settings";
import type { WhatsAppSettingsView } from "@/lib/views/settings";
import type { UpdateWhatsAppSettingBody } from "./schemas";
import { sealSecret } from "./stored-secrets";
import { WHATSAPP_SETTINGS } from "./whatsapp-settings";

const WEBHOOK_SETTINGS = new Set(["appSecret", "verifyToken", "webhookKey"]);

/**
 * Saves one setting (secrets encrypted) and its audit entry in one transaction. Webhook settings
 * take effect for this process's next webhook; other processes pick them up within 30 s.
 */
export async function updateWhatsAppSetting({
  body,
  actor,
}: {
  body: UpdateWhatsAppSettingBody;
  actor: AuditActor;
}): Promise<WhatsAppSettingsView> {
  const definition = WHATSAPP_SETTINGS[body.setting];
  if (getEnv()[definition.envVar] !== undefined) {
    throw new AppError("conflict", {
      message: `${definition.key} is locked by ${definition.envVar}`,
      userMessage: `The ${definition.label} is set by ${definition.envVar} on the server, which wins over this page. Change or unset that variable instead.`,
    });
  }
  let stored: string | null = null;
  if (body.value !== null) {
    try {
      stored = definition.secret ? sealSecret({ key: definition.key, value: body.value }) : body.value;
    } catch (error) {
      if (!(error instanceof EncryptionKeyMissingError)) throw error;
      throw new AppError("internal", { message: error.message, userMessage: error.message, cause: error });
    }
  }
  await getDb().$transaction(async (db) => {
    if (stored === null) await deleteSetting({ db, key: definition.key });
    else await updateSetting({ db, key: definition.key, value: stored });
    await createAuditLog({
      db,
      actor,
      action: stored === null ? "setting.cleared" : "setting.updated",
      target: definition.key,
    });
  });
  if (WEBHOOK_SETTINGS.has(body.setting)) invalidateWebhookConfig();
  // A new token is the fix for a 190 pause: queued messages go out with it.
  if (body.setting === "accessToken" && stored !== null && (await getSendingPause({ db: getDb() }))) {
    await clearSendingPause({ db: getDb() });
    await publishInboxChanges({
      ...emptyInboxChanges(),
      sendingStatus: [toSendingStatusView({ pause: null, accessTokenMissing: false })],
    });
  }
  // Media downloads waiting for a token catch up now rather than at their next look.
  if (body.setting === "accessToken" && stored !== null) {
    const woken = await wakeMediaWaitingForToken({ db: getDb() });
    if (woken.length > 0) {
      await publishInboxChanges({
        ...emptyInboxChanges(),
        messagesUpdated: woken.map(({ messageId, conversationId }) => ({ id: messageId, conversationId })),
      });
      void requestMediaDrain();
    }
  }
  console.log(`[settings] ${actor.email} ${stored === null ? "cleared" : "changed"} ${definition.key}`);
  return getWhatsAppSettings();
}
