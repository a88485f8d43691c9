import { describe, expect, it } from "vitest";
import { z } from "zod";
import { addFieldError, fieldErrorsOf, summaryOf, validFields, whenValid } from "@/lib/forms/field-errors";

const form = z
  .object({
    name: z.string().trim().min(1, "Name it."),
    from: z.coerce.number().int("Whole numbers."),
    to: z.coerce.number().int("Whole numbers."),
  })
  .refine((v) => v.from < v.to, { path: ["to"], message: "End after the start.", when: whenValid("from", "to") });

const errorsOf = (raw: unknown) => {
  const parsed = form.safeParse(raw);
  return parsed.success ? {} : fieldErrorsOf(parsed.error);
};

describe("checks across fields", () => {
  it("runs a refinement once the fields it reads are valid, though another field is not", () => {
    expect(errorsOf({ name: 42, from: "5", to: "2" })).toEqual({ name: [expect.any(String)], to: ["End after the start."] });
  });

  it("skips a refinement while a field it reads is invalid, and when the input is no object", () => {
    expect(errorsOf({ name: " ", from: "5", to: "2.5" })).toEqual({ name: ["Name it."], to: ["Whole numbers."] });
    expect(Object.keys(errorsOf(null))).toEqual(["form"]);
  });
});

describe("validFields", () => {
  it("parses each field alone and keeps those that pass and have no error yet", () => {
    const raw = { name: "  Quiz ", from: "x", to: "3" };
    expect(validFields(form, raw)).toEqual({ name: "Quiz", to: 3 });
    expect(validFields(form, raw, { to: ["End after the start."] })).toEqual({ name: "Quiz" });
    expect(validFields(form, "not an object")).toEqual({});
  });
});

describe("field error bookkeeping", () => {
  it("adds a message once, and sums up a form with exactly one message as that message", () => {
    const errors = {};
    addFieldError(errors, "to", "End after the start.");
    addFieldError(errors, "to", "End after the start.");
    expect(errors).toEqual({ to: ["End after the start."] });
    expect(summaryOf(errors, "Check the form.")).toBe("End after the start.");
    addFieldError(errors, "name", "Name it.");
    expect(summaryOf(errors, "Check the form.")).toBe("Check the form.");
  });
});
