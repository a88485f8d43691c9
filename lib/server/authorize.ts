import "server-only";
import { AppError } from "../errors";
import { can, type Actor, type Permission } from "../auth/permissions";

/** Throws FORBIDDEN unless the rules in lib/auth/permissions allow it — every use case goes through here. */
export function assertCan(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) throw new AppError("FORBIDDEN", "You do not have access to that.");
}
