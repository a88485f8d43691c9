import { describe, expect, it } from "vitest";
import { questionWithOptions } from "@/lib/quiz/right-answer";

describe("questionWithOptions: a missed question as a card's front", () => {
  it("says 'True or false?' once, whatever the prompt opens with", () => {
    // The generator's prompts open "True or false? …"; a teacher's may not, or may write "True or false:".
    for (const prompt of ["True or false? The Karn dam stores 4.2 billion cubic metres.", "True or false: The Karn dam stores 4.2 billion cubic metres.", "The Karn dam stores 4.2 billion cubic metres."]) {
      expect(questionWithOptions("true_false", prompt, [])).toBe("True or false? The Karn dam stores 4.2 billion cubic metres.");
    }
  });
  it("lists a choice item's options with their letters, and leaves other prompts as they are", () => {
    expect(questionWithOptions("single_choice", "Which river feeds the Karn dam?", [{ text: "Ostra" }, { text: "Dorra" }])).toBe("Which river feeds the Karn dam?\n(a) Ostra\n(b) Dorra");
    expect(questionWithOptions("numeric", "Give the missing figure: the dam stores _____ billion cubic metres.", [])).toBe("Give the missing figure: the dam stores _____ billion cubic metres.");
  });
});
