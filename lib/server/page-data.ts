import "server-only";
import { isAppError } from "../errors";

/**
 * For pages: the value, or null when the thing is missing or not the user's to see (the page then
 * calls notFound(), so a forbidden id looks the same as a missing one). Other errors propagate.
 */
export async function orNull<T>(load: Promise<T>): Promise<T | null> {
  try {
    return await load;
  } catch (e) {
    if (isAppError(e) && (e.code === "NOT_FOUND" || e.code === "FORBIDDEN")) return null;
    throw e;
  }
}
