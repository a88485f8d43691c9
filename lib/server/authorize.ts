import "server-only";
import { AppError } from "../errors";
import { can, type Actor, type Permission } from "../auth/permissions";
import { getStudySetFacts } from "../db/study-sets";

/** Throws FORBIDDEN unless the rules in lib/auth/permissions allow it — every use case goes through here. */
export function assertCan(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) throw new AppError("FORBIDDEN", "You do not have access to that.");
}

/**
 * Whether `actor` may open study set `setId` now (it exists and lib/auth/permissions lets them see it) — for
 * pages that link to it, so a student who has left the class that gave it to them is not offered a link that is refused.
 */
export async function canOpenStudySet(actor: Actor, setId: string): Promise<boolean> {
  const set = await getStudySetFacts(setId, actor.id);
  return !!set && can(actor, { action: "studySet.view", set });
}
