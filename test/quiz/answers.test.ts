import { describe, expect, it } from "vitest";
import { unansweredNote } from "@/lib/quiz/answers";

describe("unansweredNote", () => {
  it.each([
    [1, "1 question is unanswered."],
    [3, "3 questions are unanswered."],
  ])("says %s unanswered in the right number", (count, text) => {
    expect(unansweredNote(count)).toBe(text);
  });
});
