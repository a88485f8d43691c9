import type { ActionFailure, ActionResult } from "@/lib/server/action-result";

/**
 * How client components call server actions and word their failures — plain functions, so the rules
 * are unit-tested (test/ui/action-call.test.ts) and every form, button and session screen follows them.
 */

/** Said when the call itself fails: no connection, the server down, or a response that is no action result. */
export const UNREACHABLE = "Could not reach Crux. Check your connection and try again.";

/**
 * Runs a server action and never throws. A call that fails on its way (offline, a server restart, a
 * response that is not the action's — Next.js then throws "An unexpected response was received from
 * the server.") becomes a failure saying Crux could not be reached, so the caller's "saving" state
 * always ends and the learner can try again.
 */
export async function callAction<T extends object>(call: () => Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  try {
    return await call();
  } catch {
    return { ok: false, error: UNREACHABLE };
  }
}

/**
 * Whether a failed call may have reached the server or can be sent again as it was: it failed on its
 * way (no code: offline, a lost response — the server may have done it) or the session ended. A call
 * that is idempotent by a client-made id (a rating) keeps its id for these, so the server recognises
 * it; any other failure is the server's refusal that stands, and a new attempt gets a new id.
 */
export const isRetryableFailure = (failure: Pick<ActionFailure, "code">): boolean => failure.code === undefined || isSessionEndedFailure(failure);

/**
 * A random UUID (v4) naming one request, so the server can recognise it when it is sent again.
 * `crypto.randomUUID` exists only on secure pages (HTTPS, localhost); on a plain-HTTP address the
 * same UUID is made from `crypto.getRandomValues`, which every browser has.
 */
export function newRequestId(source: Pick<Crypto, "getRandomValues"> & Partial<Pick<Crypto, "randomUUID">> = globalThis.crypto): string {
  if (typeof source.randomUUID === "function") return source.randomUUID();
  const bytes = source.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Whether a failure means the learner's session has ended (signed out in another tab, or it expired). */
export const isSessionEndedFailure = (failure: Pick<ActionFailure, "code">): boolean => failure.code === "UNAUTHENTICATED";

/**
 * What an ended session is called everywhere (the quiz page's wording): sign in again in another tab,
 * so the work on this screen stays; `kept` says what stays ("your answers are kept on this device.").
 */
export function sessionEndedMessage(kept: string): string {
  return `Your session has ended. Sign in again in another tab; ${kept}`;
}

/**
 * The message a failed call shows: for an ended session the shared wording with what this screen
 * keeps (`kept`), else the action's own message.
 */
export function failureMessage(failure: Pick<ActionFailure, "error" | "code">, kept: string): string {
  return isSessionEndedFailure(failure) ? sessionEndedMessage(kept) : failure.error;
}

/**
 * A failure as a screen shows it: its words, and whether FormError adds the sign-in link. Kept as one
 * value per message, so a screen with several (a draft's save, its submission) never lends one
 * message's link to another.
 */
export interface ShownFailure {
  message: string;
  isSessionEnded: boolean;
}

/** A failed call as shown (see failureMessage); `prefix` goes before the message ("Your answer was not submitted. "). */
export function shownFailure(failure: Pick<ActionFailure, "error" | "code">, kept: string, prefix = ""): ShownFailure {
  return { message: `${prefix}${failureMessage(failure, kept)}`, isSessionEnded: isSessionEndedFailure(failure) };
}

/** A message shown for a failure that is not an ended session (no connection, a refusal worded by the screen): never a sign-in link. */
export const plainFailure = (message: string): ShownFailure => ({ message, isSessionEnded: false });

/**
 * The message a form shows above its submit button from the action's error and field errors: a
 * message already shown beside one of `shownFields` is not repeated there (a field's problem is said
 * once, at the field), and field errors with no place in this form are added, so none is lost. Null
 * when the fields say everything.
 */
export function formLevelError(error: string | null, fieldErrors: Readonly<Record<string, readonly string[]>>, shownFields: readonly string[]): string | null {
  const atFields = new Set(shownFields.flatMap((field) => fieldErrors[field] ?? []));
  const unplaced = Object.entries(fieldErrors)
    .filter(([field]) => !shownFields.includes(field))
    .flatMap(([, messages]) => messages);
  const parts = [...new Set([error, ...unplaced])].filter((m): m is string => !!m && !atFields.has(m));
  return parts.length ? parts.join(" ") : null;
}

/**
 * Whether sending the same thing again later may succeed, so a message may say "try again": the call
 * failed on its way or on an unexpected server error (no code), or was rate-limited. A refusal that
 * stands — invalid input (an answer over the length limit), a closed assignment, no access, a conflict —
 * comes back the same however often it is sent, and its message must say what to do instead.
 */
export const isWorthRetrying = (failure: Pick<ActionFailure, "code">): boolean => failure.code === undefined || failure.code === "RATE_LIMITED";
