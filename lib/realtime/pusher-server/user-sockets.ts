// User authentication (pusher:signin): which user a socket belongs to, so that the HTTP API's
// terminate_connections can find and close every socket of a user.
import { isValidUserAuth, signinDataSchema, userDataSchema } from "./protocol";

export type SigninCheck = { ok: true; userId: string; userData: string } | { ok: false; message: string };

/** The user a `pusher:signin` names — only if the app signed exactly that user_data for this socket. */
export function verifySignin(options: {
  rawData: unknown;
  key: string;
  secret: string;
  socketId: string;
}): SigninCheck {
  const parsed = signinDataSchema.safeParse(options.rawData);
  if (!parsed.success) return { ok: false, message: "pusher:signin needs data.auth and data.user_data" };
  const { auth, user_data: userData } = parsed.data;
  let userId: string | undefined;
  try {
    userId = userDataSchema.safeParse(JSON.parse(userData)).data?.id;
  } catch {
    userId = undefined;
  }
  const { key, secret, socketId } = options;
  if (userId === undefined || !isValidUserAuth({ key, secret, socketId, userData, auth })) {
    return { ok: false, message: "Invalid signin: the user authentication signature does not match" };
  }
  return { ok: true, userId, userData };
}

/** Signed-in sockets by user id; a user with no socket left is forgotten (no memory kept per user). */
export class UserSockets<S> {
  private readonly byUser = new Map<string, Set<S>>();

  add(userId: string, socket: S): void {
    const sockets = this.byUser.get(userId) ?? new Set<S>();
    sockets.add(socket);
    this.byUser.set(userId, sockets);
  }

  remove(userId: string, socket: S): void {
    const sockets = this.byUser.get(userId);
    sockets?.delete(socket);
    if (sockets?.size === 0) this.byUser.delete(userId);
  }

  of(userId: string): S[] {
    return [...(this.byUser.get(userId) ?? [])];
  }
}
