import { describe, expect, it } from "vitest";
import { accommodatedTimeLimitSec, accommodationSchema, describeExtraTime, extraTimeOf } from "@/lib/classes/accommodations";
import { cappedDeadline, quizDeadline } from "@/lib/quiz/clock";
import {
  assignmentInputSchema,
  canStartAttempt,
  closingTimeFor,
  cutShortNotice,
  effectiveDueAt,
  extensionDueProblem,
  isResultReleased,
  isSubmittedLate,
  nextFreeTitle,
  practiceHoldMessage,
  releaseConfirmation,
  resultReleasePhrase,
  settleAssignmentTitle,
  studentAssignmentLabel,
  studentAssignmentState,
  SUBMISSION_GRACE_SEC,
  checkAssignment,
} from "@/lib/classes/assignments";

const NOW = new Date("2026-03-01T10:00:00Z");
const ZONE = "Asia/Kolkata";
const context = { now: NOW, timeZone: ZONE, questions: { writtenIds: ["q1", "q2"], objectiveIds: ["o1", "o2", "o3"] } };
const check = (raw: object, ctx: Parameters<typeof checkAssignment>[1] = context) => checkAssignment({ studySetId: "s", classId: "c", ...raw }, ctx);

describe("assignment rules from the form", () => {
  it("reads due and opening times as wall-clock times in the display zone", () => {
    const result = check({ kind: "written", questionIds: ["q1", "q1"], opensAt: "2026-03-02T09:00", dueAt: "2026-03-05T17:30", timeLimitMin: "11", attemptsAllowed: "2" });
    expect(result).toMatchObject({
      ok: true,
      rules: expect.objectContaining({
        opensAt: new Date("2026-03-02T03:30:00Z"),
        dueAt: new Date("2026-03-05T12:00:00Z"),
        timeLimitSec: 660,
        attemptsAllowed: 2,
        questionIds: ["q1"],
      }),
    });
  });

  it("defaults to a study set with one attempt, results on submission and late work accepted", () => {
    expect(check({})).toMatchObject({
      ok: true,
      rules: { kind: "study_set", opensAt: null, dueAt: null, timeLimitSec: null, attemptsAllowed: 1, questionIds: [], resultRelease: "on_submission", latePolicy: "accept_late", quiz: null },
    });
  });

  it.each([
    ["a past due time", { dueAt: "2026-02-27T10:00" }, "dueAt"],
    ["opening after the due time", { opensAt: "2026-03-06T10:00", dueAt: "2026-03-05T10:00" }, "opensAt"],
    ["a written assignment with no question", { kind: "written" }, "questionIds"],
    ["a question from another set", { kind: "written", questionIds: ["elsewhere"] }, "questionIds"],
    ["results after the due time with no due time", { kind: "written", questionIds: ["q1"], resultRelease: "after_due" }, "resultRelease"],
    ["a quiz of chosen questions with none chosen", { kind: "quiz", quizPick: "chosen" }, "questionIds"],
    ["a quiz choosing a written question", { kind: "quiz", quizPick: "chosen", questionIds: ["q1"] }, "questionIds"],
    ["a random quiz with no count", { kind: "quiz", quizPick: "random" }, "quizCount"],
    ["a random quiz drawing more than the set has", { kind: "quiz", quizPick: "random", quizCount: "4" }, "quizCount"],
  ])("refuses %s with a field error", (_label, raw, field) => {
    const result = check(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.fieldErrors)).toContain(field);
  });

  it("makes a timed quiz of chosen questions with its marking scheme, or of N drawn at random", () => {
    const chosen = check({ kind: "quiz", quizPick: "chosen", questionIds: ["o3", "o1"], timeLimitMin: "10", marking: "prelims" });
    expect(chosen).toMatchObject({ ok: true, rules: { kind: "quiz", timeLimitSec: 600, questionIds: [], quiz: { pick: { by: "chosen", questionIds: ["o3", "o1"] }, marking: "prelims" } } });
    const random = check({ kind: "quiz", quizPick: "random", quizCount: "2" });
    expect(random).toMatchObject({ ok: true, rules: { quiz: { pick: { by: "random", count: 2 }, marking: "standard" } } });
  });

  it("gives every message of the form at once, the rules across fields with the fields' own", () => {
    const result = check({ kind: "quiz", quizPick: "random", opensAt: "2026-12-20T09:00", dueAt: "2026-12-10T17:00", quizCount: "-5", attemptsAllowed: "0" });
    expect(result).toEqual({
      ok: false,
      fieldErrors: {
        quizCount: ["Draw at least 1 question."],
        attemptsAllowed: ["At least 1 attempt."],
        opensAt: ["The assignment must open before it is due."],
      },
    });
  });

  it("checks a rule whenever the fields it reads are valid, and skips it when one of them is not", () => {
    expect(check({ kind: "written", timeLimitMin: "ten", resultRelease: "after_due" })).toMatchObject({
      ok: false,
      fieldErrors: { timeLimitMin: ["Enter whole minutes."], questionIds: ["Choose at least one written question."], resultRelease: [expect.stringContaining("need a due time")] },
    });
    const badDue = check({ kind: "written", questionIds: ["q1"], opensAt: "2026-03-06T10:00", dueAt: "soon", resultRelease: "after_due" });
    expect(badDue).toEqual({ ok: false, fieldErrors: { dueAt: ["Pick a date and time, or leave it empty."] } });
  });

  it("ignores what the form holds for fields the chosen kind does not use", () => {
    const review = check({ kind: "study_set", timeLimitMin: "4", attemptsAllowed: "0", resultRelease: "after_due", quizPick: "random", quizCount: "-5", questionIds: ["q1"] });
    expect(review).toMatchObject({ ok: true, rules: { kind: "study_set", timeLimitSec: null, attemptsAllowed: 1, resultRelease: "on_submission", questionIds: [], quiz: null } });
    const written = check({ kind: "written", questionIds: ["q1"], quizPick: "random", quizCount: "-5", marking: "negative" });
    expect(written).toMatchObject({ ok: true, rules: { kind: "written", questionIds: ["q1"], quiz: null } });
    const quizOfAll = check({ kind: "quiz", quizPick: "all", quizCount: "999", questionIds: ["q1"] });
    expect(quizOfAll).toMatchObject({ ok: true, rules: { quiz: { pick: { by: "all" } }, questionIds: [] } });
  });

  it("gives a written assignment the time limit typed for it: the time to write each answer", () => {
    expect(check({ kind: "written", questionIds: ["q1"], timeLimitMin: "4" })).toMatchObject({ ok: true, rules: { timeLimitSec: 240 } });
  });

  it("without the set's questions, still reports the rest of the form; a valid form needs them", () => {
    const withoutSet = { now: NOW, timeZone: ZONE };
    expect(checkAssignment({ classId: "c", kind: "written", attemptsAllowed: "0" }, withoutSet)).toEqual({
      ok: false,
      fieldErrors: { studySetId: ["Missing id."], attemptsAllowed: ["At least 1 attempt."] },
    });
    expect(() => check({}, withoutSet)).toThrow(/questions/);
  });

  it("reports a title the class already uses beside the other errors, and alone says what to do instead", () => {
    const siblings = [{ id: "a1", kind: "quiz" as const, title: "Quiz 1" }];
    expect(check({ kind: "quiz", title: "quiz 1", attemptsAllowed: "0" }, { ...context, siblings })).toEqual({
      ok: false,
      fieldErrors: { attemptsAllowed: ["At least 1 attempt."], title: [expect.stringContaining("try “quiz 2”")] },
    });
    const alone = check({ kind: "quiz", title: "Quiz 1" }, { ...context, siblings });
    expect(alone).toMatchObject({ ok: false, conflict: expect.stringContaining("Give this one its own title"), fieldErrors: { title: [expect.any(String)] } });
  });

  it("refuses a quiz on a set with no quiz questions", () => {
    const result = check({ kind: "quiz" }, { ...context, questions: { writtenIds: [], objectiveIds: [] } });
    expect(result).toMatchObject({ ok: false, fieldErrors: { kind: [expect.stringContaining("no quiz questions")] } });
  });

  it.each([
    [{ marking: "negative" }],
    [{ timeLimitMin: "0" }],
    [{ attemptsAllowed: "21" }],
    [{ dueAt: "tomorrow" }],
    [{ kind: "exam" }],
  ])("rejects malformed input %o", (raw) => {
    expect(assignmentInputSchema.safeParse({ studySetId: "s", classId: "c", ...raw }).success).toBe(false);
  });
});

describe("a student's due time, start and results", () => {
  const due = new Date("2026-03-05T12:00:00Z");
  const later = new Date("2026-03-07T12:00:00Z");

  it("extends a student's due time only to a time still ahead and after the assignment's own", () => {
    expect(extensionDueProblem(later, due, NOW)).toBeNull();
    expect(extensionDueProblem(later, null, NOW)).toBeNull();
    expect(extensionDueProblem(NOW, due, NOW)).toMatch(/already passed/);
    expect(extensionDueProblem(due, due, NOW)).toBe("The assignment is due 5 Mar, 17:30 IST: choose a later time to extend it.");
  });

  it("takes the later of the assignment's due time and the student's extension", () => {
    expect(effectiveDueAt(due, later)).toEqual(later);
    expect(effectiveDueAt(later, due)).toEqual(later);
    expect(effectiveDueAt(due, null)).toEqual(due);
    expect(effectiveDueAt(null, later)).toEqual(later);
  });

  it("refuses before opening, after the due time when late work is refused, and past the attempts allowed", () => {
    const rules = { opensAt: new Date("2026-03-02T00:00:00Z"), latePolicy: "refuse" as const, attemptsAllowed: 1 };
    expect(canStartAttempt(rules, { dueAt: due, attemptsUsed: 0 }, NOW)).toMatchObject({ ok: false, reason: "not_open" });
    expect(canStartAttempt(rules, { dueAt: due, attemptsUsed: 0 }, new Date("2026-03-05T12:00:01Z"))).toMatchObject({ ok: false, reason: "closed" });
    expect(canStartAttempt(rules, { dueAt: due, attemptsUsed: 1 }, new Date("2026-03-03T00:00:00Z"))).toMatchObject({ ok: false, reason: "no_attempts_left" });
    expect(canStartAttempt(rules, { dueAt: due, attemptsUsed: 0 }, due)).toEqual({ ok: true, isLate: false });
  });

  it("accepts late work, marked late, when the assignment says so; an extension moves the line", () => {
    const rules = { opensAt: null, latePolicy: "accept_late" as const, attemptsAllowed: 1 };
    const afterDue = new Date("2026-03-06T00:00:00Z");
    expect(canStartAttempt(rules, { dueAt: due, attemptsUsed: 0 }, afterDue)).toEqual({ ok: true, isLate: true });
    expect(canStartAttempt(rules, { dueAt: effectiveDueAt(due, later), attemptsUsed: 0 }, afterDue)).toEqual({ ok: true, isLate: false });
    expect(isSubmittedLate(afterDue, due)).toBe(true);
    expect(isSubmittedLate(due, due)).toBe(false);
    // A hand-in within the grace (network delay) is on time; one after it is late.
    expect(isSubmittedLate(new Date(due.getTime() + (SUBMISSION_GRACE_SEC - 1) * 1000), due)).toBe(false);
    expect(isSubmittedLate(new Date(due.getTime() + (SUBMISSION_GRACE_SEC + 1) * 1000), due)).toBe(true);
    expect(isSubmittedLate(afterDue, null)).toBe(false);
  });

  it.each([
    ["on submission", { resultRelease: "on_submission", resultsReleasedAt: null }, NOW, true],
    ["after the due time, before it", { resultRelease: "after_due", resultsReleasedAt: null }, NOW, false],
    ["after the due time, once passed", { resultRelease: "after_due", resultsReleasedAt: null }, due, true],
    ["by the teacher, not yet", { resultRelease: "by_teacher", resultsReleasedAt: null }, later, false],
    ["by the teacher, released", { resultRelease: "by_teacher", resultsReleasedAt: NOW }, NOW, true],
  ] as const)("releases results %s: %s", (_label, rules, at, expected) => {
    expect(isResultReleased(rules, { dueAt: due }, at)).toBe(expected);
  });

  it.each([
    [{ opensAt: null }, { dueAt: due, hasSubmitted: true }, later, "done"],
    [{ opensAt: later }, { dueAt: null, hasSubmitted: false }, NOW, "upcoming"],
    [{ opensAt: null }, { dueAt: due, hasSubmitted: false }, later, "overdue"],
    [{ opensAt: null }, { dueAt: due, hasSubmitted: false }, NOW, "due"],
  ] as const)("lists %o / %o as %s", (assignment, student, at, expected) => {
    expect(studentAssignmentState(assignment, student, at)).toBe(expected);
  });
});

describe("extra time", () => {
  it("multiplies the limit, then adds minutes; untimed stays untimed", () => {
    expect(accommodatedTimeLimitSec(660, { extraTimeMultiplier: 1.5, extraTimeMinutes: null })).toBe(990);
    expect(accommodatedTimeLimitSec(660, { extraTimeMultiplier: 1.5, extraTimeMinutes: 5 })).toBe(1290);
    expect(accommodatedTimeLimitSec(660, { extraTimeMultiplier: null, extraTimeMinutes: 10 })).toBe(1260);
    expect(accommodatedTimeLimitSec(null, { extraTimeMultiplier: 2, extraTimeMinutes: 10 })).toBeNull();
  });

  it("is one shape for every timed attempt: a quiz started with the accommodation ends when a written answer would", () => {
    const start = new Date("2026-03-01T10:00:00Z");
    const accommodation = { extraTimeMultiplier: 1.5, extraTimeMinutes: 2 };
    expect(extraTimeOf(accommodation)).toEqual({ multiplier: 1.5, addedSec: 120 });
    expect(quizDeadline(start, 600, extraTimeOf(accommodation))?.getTime()).toBe(start.getTime() + (accommodatedTimeLimitSec(600, accommodation) ?? 0) * 1000);
    expect(extraTimeOf(null)).toEqual({ multiplier: 1, addedSec: 0 });
  });

  it("describes it for the roster", () => {
    expect(describeExtraTime({ extraTimeMultiplier: 1.5, extraTimeMinutes: 10 })).toBe("1.5× time + 10 min");
    expect(describeExtraTime({ extraTimeMultiplier: null, extraTimeMinutes: 10 })).toBe("+10 min");
    expect(describeExtraTime({ extraTimeMultiplier: null, extraTimeMinutes: null })).toBe("");
  });

  it.each([
    ["extraTimeMultiplier", "abc", "Enter a number such as 1.5."],
    ["extraTimeMultiplier", "1,5", "Enter a number such as 1.5."],
    ["extraTimeMinutes", "ten", "Enter whole minutes."],
  ])("says what to type when %s is %o, not a type error", (field, value, message) => {
    const parsed = accommodationSchema.safeParse({ classId: "c", studentId: "s", [field]: value });
    expect(parsed.error?.issues.map((i) => i.message)).toEqual([message]);
  });

  it("refuses a multiplier below 1 and negative minutes; empty fields clear", () => {
    expect(accommodationSchema.safeParse({ classId: "c", studentId: "s", extraTimeMultiplier: "0.5" }).success).toBe(false);
    expect(accommodationSchema.safeParse({ classId: "c", studentId: "s", extraTimeMinutes: "-5" }).success).toBe(false);
    expect(accommodationSchema.parse({ classId: "c", studentId: "s", extraTimeMultiplier: "", extraTimeMinutes: "" })).toMatchObject({ extraTimeMultiplier: null, extraTimeMinutes: null });
  });
});

describe("a due time that refuses late work", () => {
  const due = new Date("2026-03-01T10:30:00Z");
  const before = (sec: number) => new Date(due.getTime() - sec * 1000);

  it("closes work only when late work is refused", () => {
    expect(closingTimeFor("refuse", due)).toBe(due);
    expect(closingTimeFor("accept_late", due)).toBeNull();
    expect(closingTimeFor("refuse", null)).toBeNull();
  });

  it("caps an attempt's deadline at the closing time when that comes first", () => {
    const ownDeadline = new Date(before(75).getTime() + 420_000);
    expect(cappedDeadline(ownDeadline, due)).toBe(due);
    expect(cappedDeadline(before(600), due)).toEqual(before(600));
    expect(cappedDeadline(ownDeadline, null)).toBe(ownDeadline);
    expect(cappedDeadline(null, due)).toBe(due);
  });

  it("tells the student before they start when the due time cuts their time short", () => {
    expect(cutShortNotice(due, 420, before(75))).toBe("The due time is in 1 min 15 s: you will have until then, not the full 7 min.");
  });

  it.each([
    ["the due time leaves the whole limit", due, 420, before(420)],
    ["nothing closes", null, 420, before(75)],
    ["untimed", due, null, before(75)],
    ["the due time has passed", due, 420, before(-1)],
  ] as const)("says nothing when %s", (_label, closesAt, allowedSec, now) => {
    expect(cutShortNotice(closesAt, allowedSec, now)).toBeNull();
  });
});

describe("studentAssignmentLabel", () => {
  it.each([
    ["due", true, "Due"],
    ["due", false, "No due date"],
    ["upcoming", false, "Opens later"],
    ["overdue", true, "Overdue"],
    ["done", false, "Done"],
  ] as const)("labels %s (with a due time: %s) %j", (state, hasDueAt, expected) => {
    expect(studentAssignmentLabel(state, hasDueAt ? new Date("2026-03-05T12:00:00Z") : null)).toBe(expected);
  });
});

describe("wording", () => {
  it("says when results are released mid-sentence, keeping the capital I", () => {
    expect(resultReleasePhrase("by_teacher")).toBe("when I release them");
    expect(resultReleasePhrase("after_due")).toBe("after the due time");
  });

  it.each([
    [1, "This question is in your assigned quiz “Mock 1”. It opens"],
    [25, "These questions are in your assigned quiz “Mock 1”. They open"],
  ])("explains %s held question(s) in the right number", (count, start) => {
    expect(practiceHoldMessage({ title: "Mock 1", kind: "quiz" }, count)).toMatch(new RegExp(`^${start}`));
  });
});

describe("another assignment of a set the class already has", () => {
  const quiz1 = { id: "a1", kind: "quiz", title: "Quiz 1" } as const;
  const review = { id: "a2", kind: "study_set", title: "Read the cards" } as const;

  it("takes its own title beside a quiz of another title", () => {
    expect(settleAssignmentTitle({ kind: "quiz", title: "Quiz 2" }, [quiz1, review])).toEqual({ ok: true, title: "Quiz 2" });
  });

  it("may share a title with an assignment of another kind", () => {
    expect(settleAssignmentTitle({ kind: "written", title: "Quiz 1" }, [quiz1])).toEqual({ ok: true, title: "Quiz 1" });
  });

  it("refuses the same kind under the same title, ignoring case and spacing, and suggests the next number", () => {
    const result = settleAssignmentTitle({ kind: "quiz", title: " quiz  1" }, [quiz1]);
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining("a quiz called “Quiz 1”"), fieldErrors: { title: [expect.stringContaining("try “quiz 2”")] } });
  });

  it("refuses a second card review of the set whatever its title", () => {
    const result = settleAssignmentTitle({ kind: "study_set", title: "Another look" }, [review]);
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining("“Read the cards” already asks this class to review this set's cards"), fieldErrors: { kind: [expect.any(String)] } });
  });

  it("numbers an empty title on from the kind's default", () => {
    expect(settleAssignmentTitle({ kind: "quiz", title: undefined }, [])).toEqual({ ok: true, title: "Quiz" });
    expect(settleAssignmentTitle({ kind: "quiz", title: undefined }, [{ id: "q", kind: "quiz", title: "quiz" }, quiz1])).toEqual({ ok: true, title: "Quiz 2" });
    expect(settleAssignmentTitle({ kind: "written", title: undefined }, [quiz1])).toEqual({ ok: true, title: "Written answers" });
  });

  it.each([
    ["Essay", [], "Essay"],
    ["Essay", ["essay"], "Essay 2"],
    ["Essay", ["Essay", "Essay 2"], "Essay 3"],
    ["Quiz 1", ["Quiz 1", "Quiz 2"], "Quiz 3"],
    ["Mock 09", ["Mock 09"], "Mock 10"],
  ] as const)("finds a free title for %s beside %j: %s", (title, taken, expected) => {
    expect(nextFreeTitle(title, taken)).toBe(expected);
  });
});

describe("the confirmation before releasing results", () => {
  it("says what each student will see, by what the assignment asks", () => {
    expect(releaseConfirmation("written")).toMatch(/marks on each rubric point.*model answer.*each mark you changed with your reason/);
    expect(releaseConfirmation("quiz")).toMatch(/their score.*correct answer with its explanation/);
    for (const kind of ["written", "quiz"] as const) expect(releaseConfirmation(kind)).toMatch(/hand it in later see theirs as soon as they do.*withdraw/);
  });
});
