import { describe, expect, it } from "vitest";
import { secondsOnQuestion, setPageVisible, showQuestion, startClock, takeReports, withUnsentReports } from "@/lib/quiz/question-clock";

const sec = (n: number) => n * 1000;

describe("the quiz page's question clock", () => {
  it("counts the time a question is on screen after its answer is chosen, until the learner moves on", () => {
    // Q1 shows at 0, is answered at 2 s, and the learner checks it until 40 s.
    let clock = showQuestion(startClock(true), "q1", 0);
    clock = showQuestion(clock, "q2", sec(40));
    const [reports] = takeReports(clock, sec(41));
    expect(reports).toEqual([
      { questionId: "q1", shownMs: sec(40) },
      { questionId: "q2", shownMs: sec(1) },
    ]);
  });

  it("sums a question's visits and leaves out the time spent on the others in between", () => {
    let clock = showQuestion(startClock(true), "q1", 0);
    clock = showQuestion(clock, "q2", sec(10));
    clock = showQuestion(clock, "q3", sec(70));
    clock = showQuestion(clock, "q1", sec(100));
    const [reports] = takeReports(clock, sec(105));
    expect(Object.fromEntries(reports.map((r) => [r.questionId, r.shownMs]))).toEqual({ q1: sec(15), q2: sec(60), q3: sec(30) });
  });

  it("counts nothing while the page is hidden", () => {
    let clock = showQuestion(startClock(true), "q1", 0);
    clock = setPageVisible(clock, false, sec(5));
    clock = setPageVisible(clock, true, sec(305));
    const [reports] = takeReports(clock, sec(310));
    expect(reports).toEqual([{ questionId: "q1", shownMs: sec(10) }]);
  });

  it("starts counting a question shown on a hidden page only once the page is visible", () => {
    let clock = showQuestion(startClock(false), "q1", 0);
    clock = setPageVisible(clock, true, sec(20));
    expect(takeReports(clock, sec(25))[0]).toEqual([{ questionId: "q1", shownMs: sec(5) }]);
  });

  it("reports each stretch once, and the question on screen goes on counting from the report", () => {
    const clock = showQuestion(startClock(true), "q1", 0);
    const [first, after] = takeReports(clock, sec(8));
    const [second] = takeReports(after, sec(11));
    expect(first).toEqual([{ questionId: "q1", shownMs: sec(8) }]);
    expect(second).toEqual([{ questionId: "q1", shownMs: sec(3) }]);
  });

  it("keeps the fraction of a millisecond for the next report and reports nothing under one", () => {
    const clock = showQuestion(startClock(true), "q1", 0.25);
    const [none, after] = takeReports(clock, 0.75);
    expect(none).toEqual([]);
    expect(takeReports(after, 1.5)[0]).toEqual([{ questionId: "q1", shownMs: 1 }]);
  });

  it("sends a report that failed again with the next", () => {
    const clock = showQuestion(startClock(true), "q1", 0);
    const [failed, after] = takeReports(clock, sec(4));
    const [retried] = takeReports(withUnsentReports(after, failed), sec(6));
    expect(retried).toEqual([{ questionId: "q1", shownMs: sec(6) }]);
  });
});

describe("secondsOnQuestion", () => {
  it.each([
    [null, null],
    [0, 0],
    [1_499, 1],
    [40_500, 41],
  ])("shows %j ms as %j s", (ms, expected) => {
    expect(secondsOnQuestion(ms)).toBe(expected);
  });
});
