import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "@/lib/forms/field-errors";
import { saveQuizAnswerSchema, startQuizSchema } from "@/lib/quiz/schemas";

const firstMessage = (raw: unknown) => saveQuizAnswerSchema.safeParse(raw).error?.issues[0]?.message;

describe("saveQuizAnswerSchema", () => {
  it.each([[null], ["text"], [[]], [42]])("refuses a body that is no answer (%o) with a message a person can read", (raw) => {
    expect(firstMessage(raw)).toBe("That answer could not be read. Reload the quiz page.");
  });

  it("refuses an answer without its version in words, not a type error", () => {
    expect(firstMessage({ questionId: "q1", answer: {} })).toBe("That answer could not be read. Reload the quiz page.");
  });
});

describe("startQuizSchema", () => {
  it("asks how many questions to draw beside another field's error, not after it is fixed", () => {
    const parsed = startQuizSchema.safeParse({ studySetId: "s", by: "random", mode: "timed", multiplier: "lots" });
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(fieldErrorsOf(parsed.error)).toEqual({ multiplier: [expect.any(String)], count: ["Say how many questions to draw."] });
  });
});
