import "server-only";
import { HTTP_STATUS, isAppError, type AppErrorCode } from "../errors";
import { maskedErrorMessage, reportServerError } from "./report-error";

/** `code` names an expected failure (an AppError), so a form can tell a final refusal (EXPIRED) from one worth retrying; absent for masked errors. */
export type ActionFailure = { ok: false; error: string; code?: AppErrorCode; fieldErrors?: Record<string, string[]>; reference?: string };
export type ActionResult<T extends object = object> = ({ ok: true } & T) | ActionFailure;

/**
 * What a failed use case tells the user, and its HTTP status: an AppError's own message, code (and
 * field errors); anything else is reported once with context (lib/server/report-error) and masked behind
 * a reference id — raw database or engine errors never reach the browser.
 */
export function describeFailure(context: string, e: unknown): { status: number; failure: ActionFailure } {
  if (isAppError(e)) {
    return { status: HTTP_STATUS[e.code], failure: { ok: false, error: e.message, code: e.code, ...(e.fieldErrors ? { fieldErrors: e.fieldErrors } : {}) } };
  }
  const reference = reportServerError(context, e);
  return { status: 500, failure: { ok: false, error: maskedErrorMessage(reference), reference } };
}

/** Runs a use case for a server action and returns its result or a readable failure. */
export async function toActionResult<T extends object>(context: string, run: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, ...(await run()) };
  } catch (e) {
    return describeFailure(context, e).failure;
  }
}
