import "server-only";
import { isAppError } from "../errors";

export type ActionResult<T extends object = object> =
  | ({ ok: true } & T)
  | { ok: false; error: string; fieldErrors?: Record<string, string[]> };

/**
 * Runs a use case for a server action: AppErrors become readable results; anything else is logged
 * once with context and shown as a generic message (raw database errors never reach the browser).
 */
export async function toActionResult<T extends object>(context: string, run: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, ...(await run()) };
  } catch (e) {
    if (isAppError(e)) return { ok: false, error: e.message, ...(e.fieldErrors ? { fieldErrors: e.fieldErrors } : {}) };
    console.error(`[crux] ${context} failed`, e);
    return { ok: false, error: "Something went wrong on our side. Your work is safe; try again in a moment." };
  }
}
