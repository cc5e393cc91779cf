import "server-only";
import { z } from "zod";
import type { CurrentUser } from "@/lib/auth/session";
import { getPusher } from "./server";

/** What pusher-js posts (form-encoded) to the user authentication endpoint. */
export const realtimeUserAuthBodySchema = z.object({
  socket_id: z.string().regex(/^\d+\.\d+$/, "socket_id must look like 1234.5678"),
});
export type RealtimeUserAuthBody = z.infer<typeof realtimeUserAuthBodySchema>;

/**
 * Signs `pusher:signin` for this socket as the signed-in user: the Pusher server then knows whose
 * socket it is, and terminate_connections (sign-out, deactivation) can close it.
 */
export function authenticateRealtimeUser({ user, socketId }: { user: CurrentUser; socketId: string }): {
  auth: string;
  user_data: string;
} {
  return getPusher().authenticateUser(socketId, { id: user.id });
}
