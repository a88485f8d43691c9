import { describe, expect, it } from "vitest";
import { isWordList, teacherFeedback } from "@/lib/writing/feedback";

const point = "Kabul treats the TTP as an ideological ally, not a terrorist group, so it resists acting.";

describe("teacherFeedback", () => {
  it("tells a learner who missed a point what the point says, as a sentence", () => {
    const text = teacherFeedback({ point, kind: "content", awarded: 0, max: 2, feedback: "Your answer does not make this point." });
    expect(text).toBe("The answer did not mention that Kabul treats the TTP as an ideological ally, not a terrorist group, so it resists acting.");
  });

  it("replaces a stored word list with a sentence about partial credit", () => {
    const text = teacherFeedback({ point: "Post-2021 expectations of a friendly Kabul have chilled.", kind: "content", awarded: 1, max: 2, feedback: "the point also needs: chill, post-2021, result, expectation" });
    expect(text).toBe("The answer touches on this point but does not fully state that post-2021 expectations of a friendly Kabul have chilled.");
  });

  it("lower-cases only a word that is capitalised by position", () => {
    const text = teacherFeedback({ point: "The Durand Line is disputed.", kind: "content", awarded: 0, max: 1, feedback: "" });
    expect(text).toBe("The answer did not mention that the Durand Line is disputed.");
  });

  it("keeps the grader's own sentence for partial credit", () => {
    const given = "The answer makes part of this point, but not that it resists acting.";
    expect(teacherFeedback({ point, kind: "content", awarded: 1, max: 2, feedback: given })).toBe(given);
  });

  it.each([
    ["content", 0, 2, "chill, post-2021, result, expectation"],
    ["content", 1, 2, "needs: sanctuary, fighters, UN"],
    ["content", 2, 2, "ideology"],
    ["structure", 0, 1, "intro, context, figure"],
    ["structure", 1, 1, ""],
  ] as const)("never answers with a bare word list (%s, %d of %d, %j)", (kind, awarded, max, feedback) => {
    const text = teacherFeedback({ point, kind, awarded, max, feedback });
    expect(isWordList(text)).toBe(false);
    expect(text).toMatch(/^[A-Z].*[.!?]$/);
  });
});

describe("teacherFeedback on structure points", () => {
  it.each([
    ["The introduction frames the debate with a date or figure.", "The introduction sets the context."],
    ["The conclusion suggests a way forward.", "The conclusion offers a concrete way forward."],
    ["The conclusion suggests a way forward.", ""],
  ])("never praises or merely restates a structure point the answer missed (%j, stored %j)", (point, feedback) => {
    const text = teacherFeedback({ point, kind: "structure", awarded: 0, max: 1, feedback });
    expect(text).not.toBe(feedback);
    expect(text).not.toMatch(/offers a concrete way forward|sets the context\.|suggests a way forward/);
    expect(text).toMatch(/^The answer .*: [a-z].*\.$/);
  });
});

describe("isWordList", () => {
  it.each(["the point also needs: chill, post-2021, result, expectation", "sanctuary, fighters, UN", "ideology"])("recognises %j as a word list", (text) => {
    expect(isWordList(text)).toBe(true);
  });
  it.each(["Your answer does not make this point.", "You make part of this point, but not that it resists acting, talks or waits."])("reads %j as a sentence", (text) => {
    expect(isWordList(text)).toBe(false);
  });
});

describe("teacherFeedback wording", () => {
  it.each([
    ["Japan's pledge to phase out coal plants by 2035.", "The answer did not mention Japan's pledge to phase out coal plants by 2035."],
    ["Describes Brazil's response to the fires in the Amazon.", "The answer did not mention Brazil's response to the fires in the Amazon."],
    ["Monsoon failure: A weak monsoon cuts the kharif harvest and raises food prices.", "The answer did not mention that a weak monsoon cuts the kharif harvest and raises food prices."],
  ])("rebuilds an older grade's missed-point line for %j as a sentence about the answer", (point, expected) => {
    expect(teacherFeedback({ point, kind: "content", awarded: 0, max: 2, feedback: "Your answer does not make this point." })).toBe(expected);
  });

  it("keeps a one-letter label that opens a point", () => {
    expect(teacherFeedback({ point: "A and B are on separate branches of the circuit.", kind: "content", awarded: 0, max: 1, feedback: "" })).toBe(
      "The answer did not mention that A and B are on separate branches of the circuit.",
    );
  });

  it("keeps the name that opens a point capitalised in a partial-credit line", () => {
    const text = teacherFeedback({ point: "Germany's shift from nuclear power to renewables, which raised coal use for a decade.", kind: "content", awarded: 1, max: 2, feedback: "" });
    expect(text).toBe("The answer touches on this point but does not fully state Germany's shift from nuclear power to renewables, which raised coal use for a decade.");
  });
});
