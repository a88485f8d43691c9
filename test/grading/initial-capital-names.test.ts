import { describe, expect, it } from "vitest";
import { analyseAnswer } from "@/lib/grading/answer";
import { prepareQuestion } from "@/lib/grading/prepare";
import type { WrittenQuestion } from "@/lib/grading/types";

/**
 * A name the question's own texts use (capitalised in mid-sentence there) keeps its form when an
 * answer opens a sentence with it, so it still matches the rubric. Questions written for these tests.
 */
const question = (prompt: string, point: string): WrittenQuestion => ({ id: "q", prompt, marks: 2, rubric: [{ id: "p", point, marks: 2, kind: "content" }] });
const firstToken = (answer: string, q: WrittenQuestion) => analyseAnswer(answer, prepareQuestion(q)).units[0]?.tokens.find((t) => t.isWord);

describe("a sentence-initial name the rubric uses", () => {
  it("keeps a viceroy's surname that would otherwise read as the modal 'can'", () => {
    const q = question("Who was Governor-General when the railway opened?", "The Governor-General at the time was Lord Canning.");
    const t = firstToken("Canning was the Governor-General then.", q);
    expect(t?.lemma).toBe("canning");
    expect(t?.isStop).toBe(false);
  });

  it("keeps the first word of a place name the rubric writes mid-sentence", () => {
    const q = question("Where did the population grow most?", "The suburbs of Greater Mumbai grew far faster than the old city.");
    expect(firstToken("Greater Mumbai grew fastest.", q)?.lemma).toBe("greater");
  });

  it("still reads a comparative the rubric does not capitalise as its adjective", () => {
    const q = question("Why do deep lakes freeze slowly?", "Greater depth means a larger volume of water to cool.");
    expect(firstToken("Greater depth slows freezing.", q)?.lemma).toBe("great");
  });
});
