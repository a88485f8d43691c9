import type { z } from "zod";

/** A form's messages by field name ("form" for those about no one field), as the form shows them beside each field. */
export type FieldErrors = Record<string, string[]>;

/** Zod issues grouped by top-level field, for forms. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** The form's one message when it has exactly one (a form-level line that says it all), else `fallback`. */
export function summaryOf(errors: FieldErrors, fallback: string): string {
  const messages = [...new Set(Object.values(errors).flat())];
  return messages.length === 1 ? messages[0]! : fallback;
}

/** Adds `message` under `field` (once). */
export function addFieldError(errors: FieldErrors, field: string, message: string): void {
  const list = (errors[field] ??= []);
  if (!list.includes(message)) list.push(message);
}

/**
 * The fields of `raw` that pass their own schema in `schema`, each parsed alone — the values a check
 * across fields (opening before due, the answer key against the question's kind) can still use when
 * another field of the form is wrong, so that every message the form can know is given at once
 * rather than one round of corrections after another. Fields named in `fieldErrors` are left out.
 */
export function validFields<Shape extends z.ZodRawShape>(schema: z.ZodObject<Shape>, raw: unknown, fieldErrors: FieldErrors = {}): Partial<z.output<z.ZodObject<Shape>>> {
  const input = typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema.shape)) {
    if (fieldErrors[key]) continue;
    const parsed = (field as z.ZodType).safeParse(input[key]);
    if (parsed.success) out[key] = parsed.data;
  }
  return out as Partial<z.output<z.ZodObject<Shape>>>;
}

/**
 * The `when` of a zod refinement across fields (`.refine(check, { path, message, when: whenValid("a", "b") })`):
 * run it once the fields it reads are valid, even when other fields of the form are not — and not while
 * one of them is wrong. Zod's default skips the refinements of an object as soon as any field is of the
 * wrong type (a number field holding "abc"), so a form would report a mismatch only after the user had
 * fixed everything else, and runs them over a field that merely failed its own check.
 */
export function whenValid(...fields: string[]): (payload: { issues: readonly { path?: readonly PropertyKey[] | undefined }[] }) => boolean {
  return (payload) => !payload.issues.some((issue) => !issue.path?.length || fields.includes(String(issue.path[0])));
}
