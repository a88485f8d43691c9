import "server-only";
import { randomBytes } from "node:crypto";

/**
 * The one way an unexpected failure is reported: the detail (message, stack, context) goes to the
 * server log under a short reference id, and the user sees only that id. Used by server actions
 * and route handlers (describeFailure), sign-in, and — with Next.js's own error digest as the id —
 * pages and error boundaries (instrumentation.ts onRequestError).
 */
export function newErrorReference(): string {
  return randomBytes(4).toString("hex").toUpperCase();
}

/** Logs `error` once with its context under `reference` (a new one unless given); returns the reference. */
export function reportServerError(context: string, error: unknown, details: Record<string, unknown> = {}, reference = newErrorReference()): string {
  const facts = Object.entries(details)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`)
    .join(" ");
  console.error(`[crux] error ref=${reference} during ${context}${facts ? ` ${facts}` : ""}:`, error);
  return reference;
}

/** What the user reads instead of an internal error message. */
export function maskedErrorMessage(reference: string): string {
  return `Something went wrong on our side (reference ${reference}). Nothing you saved has been lost; try again in a moment.`;
}
