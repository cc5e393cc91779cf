import "server-only";
import type { Db } from "@/lib/db/client";
import { getUser, type UserListItem } from "@/lib/db/users";
import { AppError } from "@/lib/http/app-error";

export async function getUserOrThrow({ db, id }: { db: Db; id: string }): Promise<UserListItem> {
  const user = await getUser({ db, id });
  if (!user) throw new AppError("not_found", { message: `user ${id} not found`, userMessage: "No such user." });
  return user;
}
