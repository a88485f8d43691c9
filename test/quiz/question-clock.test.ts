import { describe, expect, it } from "vitest";
import {
  afterReport,
  MAX_REPORT_FAILURES,
  MAX_TIME_ON_MS,
  reportOutcome,
  secondsOnQuestion,
  setPageVisible,
  showQuestion,
  startClock,
  takeReports,
  timeOnQuestion,
  type QuestionClock,
  type TimeReport,
} from "@/lib/quiz/question-clock";

const sec = (n: number) => n * 1000;

/** Sends every report at `nowMs` with one outcome, as the quiz page does. */
function send(clock: QuestionClock, nowMs: number, outcome: "taken" | "retry" | "refused"): [TimeReport[], QuestionClock] {
  const [reports, measured] = takeReports(clock, nowMs);
  return [reports, reports.reduce((c, r) => afterReport(c, r, outcome), measured)];
}

describe("the quiz page's question clock", () => {
  it("counts the time a question is on screen after its answer is chosen, until the learner moves on", () => {
    // Q1 shows at 0, is answered at 2 s, and the learner checks it until 40 s.
    let clock = showQuestion(startClock(true), "q1", 0);
    clock = showQuestion(clock, "q2", sec(40));
    const [reports] = takeReports(clock, sec(41));
    expect(reports).toEqual([
      { questionId: "q1", totalMs: sec(40) },
      { questionId: "q2", totalMs: sec(1) },
    ]);
  });

  it("sums a question's visits and leaves out the time spent on the others in between", () => {
    let clock = showQuestion(startClock(true), "q1", 0);
    clock = showQuestion(clock, "q2", sec(10));
    clock = showQuestion(clock, "q3", sec(70));
    clock = showQuestion(clock, "q1", sec(100));
    const [reports] = takeReports(clock, sec(105));
    expect(Object.fromEntries(reports.map((r) => [r.questionId, r.totalMs]))).toEqual({ q1: sec(15), q2: sec(60), q3: sec(30) });
  });

  it("counts nothing while the page is hidden", () => {
    let clock = showQuestion(startClock(true), "q1", 0);
    clock = setPageVisible(clock, false, sec(5));
    clock = setPageVisible(clock, true, sec(305));
    const [reports] = takeReports(clock, sec(310));
    expect(reports).toEqual([{ questionId: "q1", totalMs: sec(10) }]);
  });

  it("starts counting a question shown on a hidden page only once the page is visible", () => {
    let clock = showQuestion(startClock(false), "q1", 0);
    clock = setPageVisible(clock, true, sec(20));
    expect(takeReports(clock, sec(25))[0]).toEqual([{ questionId: "q1", totalMs: sec(5) }]);
  });

  it("reports running totals, so a report sent twice says the same and the next one says all", () => {
    const clock = showQuestion(startClock(true), "q1", 0);
    const [first, after] = send(clock, sec(8), "taken");
    const [second] = takeReports(after, sec(11));
    expect(first).toEqual([{ questionId: "q1", totalMs: sec(8) }]);
    expect(second).toEqual([{ questionId: "q1", totalMs: sec(11) }]);
  });

  it("sends nothing for a question whose total the server has already taken", () => {
    let clock = showQuestion(startClock(true), "q1", 0);
    clock = showQuestion(clock, "q2", sec(8));
    const [, after] = send(clock, sec(10), "taken");
    expect(takeReports(after, sec(12))[0]).toEqual([{ questionId: "q2", totalMs: sec(4) }]);
  });

  it("counts on from the totals the server held when the page opened (a reload)", () => {
    const clock = showQuestion(startClock(true, { q1: sec(30), q2: sec(5) }), "q1", 0);
    expect(takeReports(clock, sec(4))[0]).toEqual([{ questionId: "q1", totalMs: sec(34) }]);
  });

  it("reports whole milliseconds and nothing under one", () => {
    const clock = showQuestion(startClock(true), "q1", 0.25);
    const [none, after] = takeReports(clock, 0.75);
    expect(none).toEqual([]);
    expect(takeReports(after, 1.5)[0]).toEqual([{ questionId: "q1", totalMs: 1 }]);
  });

  it("never reports more than the server can store for a question", () => {
    const clock = showQuestion(startClock(true), "q1", 0);
    expect(takeReports(clock, 30 * 86_400_000)[0]).toEqual([{ questionId: "q1", totalMs: MAX_TIME_ON_MS }]);
  });

  it("sends a total whose report failed again with the next, measured to then", () => {
    const clock = showQuestion(startClock(true), "q1", 0);
    const [, after] = send(clock, sec(4), "retry");
    expect(takeReports(after, sec(6))[0]).toEqual([{ questionId: "q1", totalMs: sec(6) }]);
  });

  it("stops sending a question's time once the server refuses it for good", () => {
    const clock = showQuestion(startClock(true), "q1", 0);
    const [, after] = send(clock, sec(4), "refused");
    expect(takeReports(after, sec(60))[0]).toEqual([]);
  });

  it(`stops sending a question's time after ${MAX_REPORT_FAILURES} failures in a row, not before, and a success starts the count again`, () => {
    let clock = showQuestion(startClock(true), "q1", 0);
    for (let i = 1; i < MAX_REPORT_FAILURES; i++) [, clock] = send(clock, sec(i), "retry");
    [, clock] = send(clock, sec(10), "taken");
    for (let i = 1; i < MAX_REPORT_FAILURES; i++) [, clock] = send(clock, sec(10 + i), "retry");
    expect(takeReports(clock, sec(30))[0]).toHaveLength(1);
    [, clock] = send(clock, sec(30), "retry");
    expect(takeReports(clock, sec(40))[0]).toEqual([]);
  });
});

describe("reportOutcome", () => {
  it.each([
    [200, "taken"],
    [null, "retry"],
    [500, "retry"],
    [503, "retry"],
    [401, "retry"],
    [429, "retry"],
    [404, "refused"],
    [409, "refused"],
    [422, "refused"],
  ] as const)("reads status %j as %s", (status, expected) => {
    expect(reportOutcome(status)).toBe(expected);
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

describe("timeOnQuestion", () => {
  const at = (s: number) => new Date(Date.UTC(2026, 2, 1, 10, 0, s));

  it("is the time on screen when the page reported it", () => {
    expect(timeOnQuestion({ timeOnMs: 40_000, firstSeenAt: at(0), answeredAt: at(2) })).toEqual({ sec: 40, measure: "on_screen" });
  });

  it("falls back to first view to answer for an attempt from before the page measured it", () => {
    expect(timeOnQuestion({ timeOnMs: null, firstSeenAt: at(0), answeredAt: at(12) })).toEqual({ sec: 12, measure: "first_view_to_answer" });
  });

  it("is 'not recorded' for a question of a new attempt (0 ms stored) seen or answered but never reported — never the older measure (new-user test)", () => {
    expect(timeOnQuestion({ timeOnMs: 0, firstSeenAt: at(0), answeredAt: at(39) })).toEqual({ measure: "not_recorded" });
    expect(timeOnQuestion({ timeOnMs: 0, firstSeenAt: at(0), answeredAt: null })).toEqual({ measure: "not_recorded" });
  });

  it("shows nothing for a question of a new attempt never seen", () => {
    expect(timeOnQuestion({ timeOnMs: 0, firstSeenAt: null, answeredAt: null })).toBeNull();
  });

  it("is unknown when neither was recorded", () => {
    expect(timeOnQuestion({ timeOnMs: null, firstSeenAt: at(0), answeredAt: null })).toBeNull();
  });
});
