import "server-only";
import { z } from "zod";
import type { CurrentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/http/app-error";
import { parseChannelName, type PresenceUserInfo } from "./channels";
import { getPusher } from "./server";

/** What pusher-js posts (form-encoded) to the channel authorization endpoint. */
export const realtimeAuthBodySchema = z.object({
  socket_id: z.string().regex(/^\d+\.\d+$/, "socket_id must look like 1234.5678"),
  channel_name: z.string().min(1).max(164),
});
export type RealtimeAuthBody = z.infer<typeof realtimeAuthBodySchema>;

/**
 * Signs one socket's subscription to one of this app's channels for a signed-in user. Every agent
 * works the whole inbox, so any signed-in user may follow any conversation; names this app does
 * not use are refused, so the endpoint cannot be used to sign arbitrary channels.
 */
export function authorizeRealtimeChannel({
  user,
  socketId,
  channelName,
}: {
  user: CurrentUser;
  socketId: string;
  channelName: string;
}): { auth: string; channel_data?: string } {
  const channel = parseChannelName(channelName);
  if (channel === null) {
    throw new AppError("forbidden", { message: `No such channel: ${channelName}` });
  }
  if (channel.kind === "conversation-presence") {
    const userInfo: PresenceUserInfo = { name: user.name, role: user.role };
    return getPusher().authorizeChannel(socketId, channelName, { user_id: user.id, user_info: userInfo });
  }
  return getPusher().authorizeChannel(socketId, channelName);
}
