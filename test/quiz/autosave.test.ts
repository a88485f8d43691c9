import { describe, expect, it } from "vitest";
import { parseLocalChoices, pickStartingAnswers, retryDelayMs, unsavedQuestionIds } from "@/lib/quiz/autosave";

describe("quiz autosave bookkeeping", () => {
  const server = { q1: { answer: { optionIds: ["a"] }, version: 3 }, q2: { answer: {}, version: 1 } };

  it("restores a choice this device made over the server's current version", () => {
    expect(pickStartingAnswers(server, { q2: { answer: { text: "7" }, baseVersion: 1 } })).toEqual({ q1: { optionIds: ["a"] }, q2: { text: "7" } });
  });

  it("drops a device choice made over an older version that another tab has since replaced", () => {
    expect(pickStartingAnswers(server, { q1: { answer: { optionIds: ["b"] }, baseVersion: 2 } }).q1).toEqual({ optionIds: ["a"] });
  });

  it("lists the questions whose shown choice the server has not confirmed, in quiz order", () => {
    expect(unsavedQuestionIds(["q2", "q1"], { q1: { optionIds: ["b"] }, q2: { text: "1" } }, server)).toEqual(["q2", "q1"]);
    expect(unsavedQuestionIds(["q1"], { q1: { optionIds: ["a"] } }, server)).toEqual([]);
  });

  it("reads nothing from unreadable storage", () => {
    expect(parseLocalChoices("{not json")).toEqual({});
    expect(parseLocalChoices(JSON.stringify({ q1: { answer: { text: "x" } } }))).toEqual({});
  });

  it("backs off retries up to 15 s", () => {
    expect([0, 1, 2, 3, 4, 5].map(retryDelayMs)).toEqual([1000, 2000, 4000, 8000, 15000, 15000]);
  });
});
