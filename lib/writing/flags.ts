import type { GradingFlag } from "@/lib/grading/types";

/** What each grading flag means, in the words a student reads on the result screen. */
const FLAG_TEXT: Record<GradingFlag, { title: string; detail: string }> = {
  off_topic: { title: "Off topic", detail: "Most of the answer is about something other than the question, so its content earned no marks." },
  restates_question: { title: "Restates the question", detail: "The answer mostly repeats the question's words instead of answering it; examiners give such text no credit." },
  keyword_stuffing: { title: "Lists of terms", detail: "Key terms strung together without sentences that explain them earn little: write each point as a claim with its reason." },
  headings_without_substance: { title: "Headings without content", detail: "Several headings have nothing under them. A heading earns nothing on its own." },
  factual_error: { title: "Factual error", detail: "A figure, date or name contradicts the study material; points resting on it were not credited." },
  over_word_limit: { title: "Over the word limit", detail: "The answer is longer than the word limit allows, which costs the word-limit mark." },
  too_short: { title: "Too short", detail: "The answer is well under a third of the word limit, too short for an introduction, a body and a conclusion." },
  empty_answer: { title: "No answer", detail: "Nothing was written, so nothing could be marked." },
  contradiction: {
    title: "Says the opposite of a point",
    detail: "A sentence shares a point's words but asserts the opposite (a negation, an opposite word, or the actors swapped), so it earned nothing for that point. The sentence is quoted below.",
  },
  no_content_credit: {
    title: "No content marks",
    detail: "Nothing in the answer made a rubric point, so the introduction, examples, conclusion and word-limit marks were withheld too: structure earns marks only around substance.",
  },
  llm_fallback: { title: "Marked by the built-in grader", detail: "The AI grader was unavailable, so Crux's built-in grader marked this answer." },
};

/** Title and explanation of a flag; flags this screen does not know yet get a neutral description. */
export function explainFlag(flag: string): { title: string; detail: string } {
  return (FLAG_TEXT as Record<string, { title: string; detail: string }>)[flag] ?? { title: flag.replace(/_/g, " "), detail: "The grader noted this about the answer." };
}
