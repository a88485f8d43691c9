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
 * run it once the fields it reads are valid, even when other fields of the form are not. Zod's default
 * skips every refinement of an object that has any invalid field, so a form would report a mismatch
 * only after the user had fixed everything else.
 */
export function whenValid(...fields: string[]): (payload: { issues: readonly { path: readonly PropertyKey[] }[] }) => boolean {
  return (payload) => !payload.issues.some((issue) => issue.path.length === 0 || fields.includes(String(issue.path[0])));
}
