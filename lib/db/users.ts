import "server-only";
import type { Db, PrismaClient } from "./client";
import type { Prisma } from "./client";

/** What the app shows about a user: never the password hash, never session tokens. */
export const userListSelect = {
  id: true,
  name: true,
  email: true,
  role: true,
  banned: true,
  availability: true,
  createdAt: true,
} satisfies Prisma.UserSelect;

export type UserListItem = Prisma.UserGetPayload<{ select: typeof userListSelect }>;

export async function countUsers({ db }: { db: Db }): Promise<number> {
  return db.user.count();
}

export async function findUsers({ db }: { db: Db }): Promise<UserListItem[]> {
  return db.user.findMany({ select: userListSelect, orderBy: [{ createdAt: "asc" }, { email: "asc" }] });
}

export async function getUser({ db, id }: { db: Db; id: string }): Promise<UserListItem | null> {
  return db.user.findUnique({ where: { id }, select: userListSelect });
}

export async function getUserByEmail({ db, email }: { db: Db; email: string }): Promise<UserListItem | null> {
  return db.user.findUnique({ where: { email: email.toLowerCase() }, select: userListSelect });
}

export async function countActiveAdmins({ db, excludeUserId }: { db: Db; excludeUserId?: string }): Promise<number> {
  return db.user.count({
    where: { role: "admin", banned: false, ...(excludeUserId ? { id: { not: excludeUserId } } : {}) },
  });
}

// Any fixed 64-bit number: every process that changes who may administer the app takes this lock.
const ACCOUNTS_LOCK = 7_240_311_906_001n;

/**
 * Runs `work` while holding a database-wide lock on account administration, so that "no user yet →
 * create the first admin" and "is another admin left? → demote" are decided by one process at a
 * time, across every server. `work` may write through other connections (better-auth does); the
 * lock is held until it returns. With `wait: false` it gives up at once when the lock is taken
 * (returns `{ locked: false }`): a public endpoint must not queue connections behind it.
 */
export async function withAccountsLock<T>({
  db,
  work,
  wait = true,
}: {
  db: PrismaClient;
  work: (tx: Prisma.TransactionClient) => Promise<T>;
  wait?: boolean;
}): Promise<{ locked: true; result: T } | { locked: false }> {
  return db.$transaction(
    async (tx) => {
      if (wait) {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ACCOUNTS_LOCK})`;
      } else {
        const [row] = await tx.$queryRaw<{ locked: boolean }[]>`
          SELECT pg_try_advisory_xact_lock(${ACCOUNTS_LOCK}) AS locked`;
        if (!row?.locked) return { locked: false as const };
      }
      return { locked: true as const, result: await work(tx) };
    },
    { maxWait: 10_000, timeout: 30_000 },
  );
}

/** Users who can sign in (not deactivated), by name: who a conversation can be assigned to. */
export async function findActiveUsers({
  db,
}: {
  db: Db;
}): Promise<{ id: string; name: string; role: string; availability: "online" | "away" }[]> {
  return db.user.findMany({
    where: { banned: false },
    select: { id: true, name: true, role: true, availability: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
}

export async function getActiveUser({
  db,
  id,
}: {
  db: Db;
  id: string;
}): Promise<{ id: string; name: string; role: string } | null> {
  return db.user.findFirst({ where: { id, banned: false }, select: { id: true, name: true, role: true } });
}

/** Sets whether a user takes auto-assigned conversations; null when there is no such user. */
export async function updateUserAvailability({
  db,
  id,
  availability,
}: {
  db: Db;
  id: string;
  availability: "online" | "away";
}): Promise<{ id: string; availability: "online" | "away" } | null> {
  const { count } = await db.user.updateMany({ where: { id }, data: { availability } });
  return count > 0 ? { id, availability } : null;
}

export async function getUserAvailability({ db, id }: { db: Db; id: string }): Promise<"online" | "away" | null> {
  return (await db.user.findUnique({ where: { id }, select: { availability: true } }))?.availability ?? null;
}
