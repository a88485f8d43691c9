import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { AppError } from "../errors";
import type { Role } from "../auth/schemas";
import { getSessionUser, type UserRecord } from "../db/users";
import { authOptions } from "./auth-options";

/**
 * The signed-in user, re-read from the database on every request (pages, actions and route
 * handlers all come through here); null when signed out, when the account is gone, or when the
 * token's session version is no longer the account's (signed out elsewhere, password changed).
 */
export async function getCurrentUser(): Promise<UserRecord | null> {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  if (!id) return null;
  const found = await getSessionUser(id);
  if (!found || found.sessionVersion !== session.user.sessionVersion) return null;
  return found.user;
}

/** For pages: the signed-in user, or a redirect to sign-in. */
export async function requireUser(): Promise<UserRecord> {
  const user = await getCurrentUser();
  if (!user) redirect("/signin");
  return user;
}

/** For actions and route handlers: the signed-in user, or an UNAUTHENTICATED AppError. */
export async function requireActor(roles?: readonly Role[]): Promise<UserRecord> {
  const user = await getCurrentUser();
  if (!user) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
  if (roles && !roles.includes(user.role)) throw new AppError("FORBIDDEN", "Your account cannot do that.");
  return user;
}
