import { describe, expect, it } from "vitest";
import { analyseAnswer } from "@/lib/grading/answer";
import { prepareQuestion } from "@/lib/grading/prepare";
import type { WrittenQuestion } from "@/lib/grading/types";

/**
 * A misspelt verb is read as the question's own word; the line is then re-read with that word in
 * place, so the verb it now has makes it a statement, not a heading. A question written for these tests.
 */
const bees: WrittenQuestion = {
  id: "bees1",
  prompt: "Why do bees matter to farmers who grow fruit?",
  marks: 4,
  rubric: [{ id: "ref", point: "Bees pollinate the flowers, so the trees produce more fruit.", marks: 4, kind: "content" }],
};

describe("a misspelt verb in a line without a full stop", () => {
  it("is re-read as the verb it stands for, so the line is a statement and not a heading", () => {
    const unit = analyseAnswer("bees polinate the flowers", prepareQuestion(bees)).units[0];
    expect(unit?.hasVerb).toBe(true);
    expect(unit?.isHeading).toBe(false);
    expect(unit?.tokens.find((t) => t.text === "polinate")?.lemma).toBe("pollinate");
  });

  it("keeps a verbless line with a corrected word a heading", () => {
    const unit = analyseAnswer("Polination of flowers", prepareQuestion(bees)).units[0];
    expect(unit?.isHeading).toBe(true);
  });
});
