import { beforeAll, describe, expect, it } from "vitest";
import type { UserRecord } from "@/lib/db/users";
import { getDb } from "@/lib/db/client";
import { seedStudyPack } from "@/lib/db/seed";
import type { Grader } from "@/lib/grading";
import { ttpStudyPack } from "@/lib/study-pack/ttp";
import {
  getAttemptFor,
  getStudentWorkFor,
  getWritingPageFor,
  moderateWrittenPoint,
  saveWritingDraft,
  startWritingAttempt,
  submitWritingAttempt,
  type AttemptResult,
  type DraftView,
} from "@/lib/server/writing";
import { createTestUser, outcomeOf } from "../support/actors";
import { useTestDatabase } from "../support/database";

useTestDatabase();

const NOW = new Date("2026-03-01T10:00:00Z");
const later = (sec: number) => new Date(NOW.getTime() + sec * 1000);

const ANSWER = `Since the Taliban returned to Kabul in 2021, the TTP has resurged from Afghan sanctuaries: CRSS counted over 2,500 terror-related deaths in Pakistan in 2024.

Bilateral relations
- The Afghan Taliban regard the TTP as an ideological ally rather than a terrorist group, so Kabul refuses to act; Islamabad's bet that they would was a strategic miscalculation.
- Safe havens in Afghanistan sustain cross-border attacks; a July 2024 UN report estimated at least 6,000 TTP fighters there.
- Attacks lead to Pakistani air strikes and Afghan retaliation, as in the October 2025 clashes in which more than 70 people died.
- Pakistan's deportation of over 800,000 Afghan refugees and border closures that disrupt trade have used up its leverage without winning cooperation.

Counter-terrorism cooperation
- Divergent threat perceptions and mutual suspicion block intelligence-sharing and joint operations, while Kabul denies that militants use its soil.
- Kabul fears that a crackdown would push TTP fighters into the rival IS-KP, so it only relocates a few fighters away from the border.
- Pakistan sees India's engagement with the Taliban as a threat, and China's Belt and Road investments are exposed.

Way forward: Kabul must honour its Doha pledges, Pakistan should pair pressure with incentives such as extending CPEC, and regional mediation by China and Qatar should institutionalise border management.`;

type Who = "owner" | "otherStudent" | "classTeacher" | "otherTeacher";
const users = {} as Record<Who, UserRecord>;
let setId = "";
let questionId = "";
let noRubricQuestionId = "";
let classId = "";
let gradedAttemptId = "";
let firstPointId = "";

async function makeUser(key: Who, role: "student" | "teacher") {
  users[key] = await createTestUser(key, role);
}


beforeAll(async () => {
  await makeUser("owner", "student");
  await makeUser("otherStudent", "student");
  await makeUser("classTeacher", "teacher");
  await makeUser("otherTeacher", "teacher");
  const db = await getDb();
  ({ id: setId } = await seedStudyPack(ttpStudyPack, users.classTeacher.id));
  const questions = await db.question.findMany({
    where: { studySetId: setId, kind: "written" },
    orderBy: { position: "asc" },
    select: { id: true, marks: true, _count: { select: { rubricPoints: true } } },
  });
  questionId = questions.find((q) => q._count.rubricPoints > 0)!.id;
  // Every written question of the shipped pack has a rubric now; one without (a teacher's question not yet
  // given a marking scheme) is made here for the refusal tests.
  noRubricQuestionId = (
    await db.question.create({
      data: { studySetId: setId, kind: "written", prompt: "Discuss the role of regional powers in the border dispute.", explanation: "No marking scheme yet.", marks: 10, timeLimitSec: 420, wordLimit: 150, position: 999, status: "accepted" },
      select: { id: true },
    })
  ).id;
  const classroom = await db.classroom.create({ data: { name: "Mains batch", joinCode: "MAINS01", teacherId: users.classTeacher.id }, select: { id: true } });
  classId = classroom.id;
  await db.enrollment.create({ data: { classId, studentId: users.owner.id } });
  // The other teacher teaches a class the owner is not in.
  await db.classroom.create({ data: { name: "Other batch", joinCode: "OTHER01", teacherId: users.otherTeacher.id } });
});

async function startAndSubmit(who: Who, text: string, at = NOW): Promise<string> {
  const draft = await startWritingAttempt(users[who], { questionId }, at);
  const submitted = await submitWritingAttempt(users[who], { attemptId: draft.attemptId, text, version: draft.version }, later(600));
  expect(submitted.status).toBe("graded");
  return draft.attemptId;
}

describe("before submission", () => {
  it("shows the question's limits but no rubric or model answer in any payload", async () => {
    const page = await getWritingPageFor(users.owner, setId, questionId);
    const draft = await startWritingAttempt(users.owner, { questionId }, NOW);
    const saved = await saveWritingDraft(users.owner, { attemptId: draft.attemptId, text: "Kabul", version: draft.version }, later(5));
    const view = await getAttemptFor(users.owner, draft.attemptId);
    const pageAgain = await getWritingPageFor(users.owner, setId, questionId);
    expect(page.question).toMatchObject({ marks: 15, wordLimit: 250, timeLimitSec: 660, canBeMarked: true });
    const wire = JSON.stringify([page, draft, saved, view, pageAgain]);
    const rubric = ttpStudyPack.set.modelAnswers[0]!;
    for (const secret of [rubric.rubric[0]!.point, rubric.rubric[10]!.point, rubric.introduction, rubric.conclusion, rubric.body[0]!.points[0]!.text, rubric.coreDemands[0]!]) {
      expect(wire).not.toContain(secret);
    }
    expect(view.state).toBe("in_progress");
  });

  it("fixes the start time and deadline on the server and resumes the same attempt", async () => {
    const first = await startWritingAttempt(users.otherStudent, { questionId }, NOW);
    const again = await startWritingAttempt(users.otherStudent, { questionId }, later(60));
    expect(again.attemptId).toBe(first.attemptId);
    expect(first.startedAt.toISOString()).toBe(NOW.toISOString());
    expect(first.deadlineAt?.toISOString()).toBe(later(660).toISOString());
  });

  it("refuses to start a question that has no rubric, with a clear message", async () => {
    await expect(startWritingAttempt(users.owner, { questionId: noRubricQuestionId }, NOW)).rejects.toThrow(/no marking scheme/);
  });

  it("answers NOT_FOUND for a question in another set's URL", async () => {
    expect(await outcomeOf(() => getWritingPageFor(users.owner, "another-set", questionId))).toBe("NOT_FOUND");
  });
});

describe("autosave", () => {
  let draft: DraftView;
  beforeAll(async () => {
    const db = await getDb();
    const user = await db.user.create({ data: { name: "Saver", email: "saver@example.com", role: "student", passwordHash: "x" }, select: { id: true, role: true } });
    draft = await startWritingAttempt(user, { questionId }, NOW);
    Object.assign(draft, { user });
  });

  it("bumps the version on every save", async () => {
    const user = (draft as DraftView & { user: UserRecord }).user;
    const a = await saveWritingDraft(user, { attemptId: draft.attemptId, text: "First line.", version: 1 }, later(10));
    const b = await saveWritingDraft(user, { attemptId: draft.attemptId, text: "First line. Second line.", version: 2 }, later(20));
    expect(a).toMatchObject({ status: "saved", version: 2 });
    expect(b).toMatchObject({ status: "saved", version: 3 });
  });

  it("rejects a stale version and keeps the stored text", async () => {
    const user = (draft as DraftView & { user: UserRecord }).user;
    const stale = await saveWritingDraft(user, { attemptId: draft.attemptId, text: "Text from an old tab", version: 2 }, later(30));
    expect(stale).toEqual({ status: "conflict", current: { text: "First line. Second line.", version: 3, savedAt: later(20) } });
    const db = await getDb();
    const response = await db.response.findFirst({ where: { attemptId: draft.attemptId }, select: { content: true, version: true } });
    expect(response).toEqual({ content: { text: "First line. Second line." }, version: 3 });
  });

  it("lets nobody but the owner save into a draft", async () => {
    for (const who of ["otherStudent", "classTeacher", "otherTeacher"] as const) {
      expect(await outcomeOf(() => saveWritingDraft(users[who], { attemptId: draft.attemptId, text: "x", version: 3 }, later(40)))).toBe("FORBIDDEN");
    }
  });

  it("saves an answer carrying NUL, controls, a lone surrogate and a bidi override, keeping emoji and joiners", async () => {
    const user = (draft as DraftView & { user: UserRecord }).user;
    const saved = await saveWritingDraft(user, { attemptId: draft.attemptId, text: "Water\u0000 talks\u0007 stall\ud800 \u202eed 👩‍👩‍👧 now.", version: 3 }, later(45));
    expect(saved).toMatchObject({ status: "saved", version: 4 });
    const db = await getDb();
    const response = await db.response.findFirst({ where: { attemptId: draft.attemptId }, select: { content: true } });
    expect(response?.content).toEqual({ text: "Water talks stall ed 👩‍👩‍👧 now." });
  });

  it.each([
    [2_147_483_648, "past PostgreSQL's integer"],
    [0, "zero"],
    [-1, "negative"],
    [1.5, "a fraction"],
  ])("refuses draft version %s (%s) with an accurate message and writes nothing", async (version) => {
    const user = (draft as DraftView & { user: UserRecord }).user;
    const db = await getDb();
    const before = await db.response.findFirst({ where: { attemptId: draft.attemptId }, select: { content: true, version: true } });
    const error = await saveWritingDraft(user, { attemptId: draft.attemptId, text: "Overwrite?", version }, later(46)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "INVALID" });
    expect(String((error as Error).message) + JSON.stringify((error as { fieldErrors?: unknown }).fieldErrors)).toMatch(/Draft version must be a positive whole number/);
    expect(await db.response.findFirst({ where: { attemptId: draft.attemptId }, select: { content: true, version: true } })).toEqual(before);
  });

  it("refuses an attempt id carrying NUL as invalid rather than failing in the database", async () => {
    const user = (draft as DraftView & { user: UserRecord }).user;
    expect(await outcomeOf(() => saveWritingDraft(user, { attemptId: `${draft.attemptId}\u0000`, text: "x", version: 4 }, later(47)))).toBe("INVALID");
  });

  it("rejects a 100 000-word paste with a clear message", async () => {
    const user = (draft as DraftView & { user: UserRecord }).user;
    const huge = "word ".repeat(100_000);
    await expect(saveWritingDraft(user, { attemptId: draft.attemptId, text: huge, version: 4 }, later(50))).rejects.toThrow("The answer is 500,000 characters, 440,000 over the 60,000-character limit");
  });
});

describe("submission and grading", () => {
  beforeAll(async () => {
    gradedAttemptId = await startAndSubmit("owner", ANSWER);
  });

  it("stores one automatic score per rubric point, with evidence quoted from the answer", async () => {
    const db = await getDb();
    const response = await db.response.findFirst({
      where: { attemptId: gradedAttemptId },
      select: { content: true, score: true, maxScore: true, flags: true, gradeDetails: true, gradedAt: true, scores: { select: { source: true, awarded: true, max: true, evidence: true, feedback: true, rubricPointId: true } } },
    });
    const rubricCount = await db.rubricPoint.count({ where: { questionId } });
    expect(response?.content).toEqual({ text: ANSWER });
    expect(response?.scores).toHaveLength(rubricCount);
    expect(response?.scores.every((s) => s.source === "auto" && s.feedback.length > 0)).toBe(true);
    const earned = response!.scores.filter((s) => s.awarded > 0);
    expect(earned.length).toBeGreaterThan(5);
    for (const s of earned.filter((x) => Array.isArray(x.evidence) && x.evidence.length)) {
      for (const e of s.evidence as { start: number; end: number; quote: string }[]) expect(ANSWER.slice(e.start, e.end)).toBe(e.quote);
    }
    const total = response!.scores.reduce((sum, s) => sum + s.awarded, 0);
    expect(response?.score).toBe(total);
    expect(response?.maxScore).toBe(15);
    expect(response?.gradedAt).toEqual(later(600));
    expect(response?.gradeDetails).toMatchObject({ wordCount: expect.any(Number), grader: "heuristic" });
    const attempt = await db.attempt.findUnique({ where: { id: gradedAttemptId }, select: { status: true, score: true, maxScore: true, submittedAt: true, kind: true } });
    expect(attempt).toEqual({ status: "graded", score: total, maxScore: 15, submittedAt: later(600), kind: "written_practice" });
  });

  it("shows the result with numbered points, evidence, missed points' sources and time taken", async () => {
    const view = (await getAttemptFor(users.owner, gradedAttemptId)) as AttemptResult;
    expect(view.state).toBe("graded");
    expect(view.timeTakenSec).toBe(600);
    expect(view.overtimeSec).toBe(0);
    expect(view.points.map((p) => p.number)).toEqual(view.points.map((_, i) => i + 1));
    expect(view.points.some((p) => p.awarded > 0 && p.evidence.length > 0)).toBe(true);
    expect(view.wordCount).toBeGreaterThan(150);
    for (const p of view.points.filter((x) => x.awarded < x.max && x.kind === "content")) expect(p.modelAnswer).toBeTruthy();
    expect(view.canModerate).toBe(false);
    expect(view.studentPageHref).toBeNull();
    expect(view.isModerated).toBe(false);
  });

  it("answers a second submit with the finished attempt, changing nothing", async () => {
    const again = await submitWritingAttempt(users.owner, { attemptId: gradedAttemptId, text: "changed", version: 2 }, later(700));
    expect(again).toEqual({ status: "submitted", attemptId: gradedAttemptId });
    const db = await getDb();
    expect((await db.response.findFirst({ where: { attemptId: gradedAttemptId }, select: { content: true } }))?.content).toEqual({ text: ANSWER });
  });

  it("keeps the text when grading fails, and the attempt stays open to submit again", async () => {
    const db = await getDb();
    const user = await db.user.create({ data: { name: "Unlucky", email: "unlucky@example.com", role: "student", passwordHash: "x" }, select: { id: true, role: true } });
    const draft = await startWritingAttempt(user, { questionId }, NOW);
    const failing: Grader = {
      name: "heuristic",
      gradeWrittenAnswer: () => Promise.reject(new Error("grader down")),
    };
    await expect(submitWritingAttempt(user, { attemptId: draft.attemptId, text: "My whole answer.", version: 1 }, later(60), failing)).rejects.toThrow("grader down");
    const stored = await db.response.findFirst({ where: { attemptId: draft.attemptId }, select: { content: true, version: true, scores: { select: { id: true } } } });
    expect(stored).toEqual({ content: { text: "My whole answer." }, version: 2, scores: [] });
    const retry = await submitWritingAttempt(user, { attemptId: draft.attemptId, text: "My whole answer.", version: 2 }, later(90));
    expect(retry.status).toBe("graded");
  });

  it("tells the student clearly when a question has no rubric, keeping the text", async () => {
    const db = await getDb();
    const attempt = await db.attempt.create({
      data: {
        userId: users.owner.id,
        kind: "written_practice",
        studySetId: setId,
        questionId: noRubricQuestionId,
        responses: { create: { questionId: noRubricQuestionId, content: { text: "" } } },
      },
      select: { id: true },
    });
    await expect(submitWritingAttempt(users.owner, { attemptId: attempt.id, text: "An answer.", version: 1 }, later(60))).rejects.toThrow(/no marking scheme/);
    expect((await db.response.findFirst({ where: { attemptId: attempt.id }, select: { content: true } }))?.content).toEqual({ text: "An answer." });
  });
});

describe("moderation", () => {
  it("keeps the automatic mark, adds the override and recomputes the totals the student sees", async () => {
    const before = (await getAttemptFor(users.classTeacher, gradedAttemptId)) as AttemptResult;
    expect(before.canModerate).toBe(true);
    expect(before.studentPageHref).toBe(`/classes/${classId}/students/${users.owner.id}`);
    const point = before.points.find((p) => p.awarded < p.max) ?? before.points[0]!;
    firstPointId = point.rubricPointId;
    const newMark = point.max;
    const totals = await moderateWrittenPoint(
      users.classTeacher,
      { attemptId: gradedAttemptId, rubricPointId: point.rubricPointId, awarded: newMark, reason: "The point is made in the second bullet." },
      later(3600),
    );
    expect(totals.score).toBe(before.score - point.awarded + newMark);

    const db = await getDb();
    const rows = await db.pointScore.findMany({ where: { rubricPointId: point.rubricPointId, response: { attemptId: gradedAttemptId } }, orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => [r.source, r.awarded])).toEqual([
      ["auto", point.awarded],
      ["moderated", newMark],
    ]);
    expect(rows[1]).toMatchObject({ moderatedById: users.classTeacher.id, reason: "The point is made in the second bullet." });
    const attempt = await db.attempt.findUnique({ where: { id: gradedAttemptId }, select: { score: true } });
    expect(attempt?.score).toBe(totals.score);

    const seen = (await getAttemptFor(users.owner, gradedAttemptId)) as AttemptResult;
    const seenPoint = seen.points.find((p) => p.rubricPointId === point.rubricPointId)!;
    expect(seen.score).toBe(totals.score);
    expect(seen.autoScore).toBe(before.autoScore);
    expect(seen.isModerated).toBe(true);
    expect(seenPoint).toMatchObject({
      awarded: newMark,
      autoAwarded: point.awarded,
      moderatorName: "classTeacher",
      moderation: { reason: "The point is made in the second bullet." },
    });
    // Shown as "Automatic marking said: …": the feedback still speaks of the automatic mark.
    expect(seenPoint.feedback).toBe(point.feedback);
  });

  it("lets the newest override win", async () => {
    await moderateWrittenPoint(users.classTeacher, { attemptId: gradedAttemptId, rubricPointId: firstPointId, awarded: 0.5, reason: "On reflection, only half made." }, later(7200));
    const seen = (await getAttemptFor(users.owner, gradedAttemptId)) as AttemptResult;
    expect(seen.points.find((p) => p.rubricPointId === firstPointId)).toMatchObject({ awarded: 0.5, moderation: { reason: "On reflection, only half made." } });
  });

  it.each([
    [-0.5, "A mark cannot be negative."],
    [0.3, "steps of ½"],
    [5, "steps of ½"],
  ])("refuses the mark %s", async (awarded, message) => {
    await expect(
      moderateWrittenPoint(users.classTeacher, { attemptId: gradedAttemptId, rubricPointId: firstPointId, awarded, reason: "Because." }, later(8000)),
    ).rejects.toThrow(message);
  });

  it("requires a reason", async () => {
    await expect(
      moderateWrittenPoint(users.classTeacher, { attemptId: gradedAttemptId, rubricPointId: firstPointId, awarded: 1, reason: "   " }, later(8000)),
    ).rejects.toThrow(/reason/);
  });
});

describe("who may see and moderate a graded answer", () => {
  it.each([
    ["owner", "ok"],
    ["otherStudent", "FORBIDDEN"],
    ["classTeacher", "ok"],
    ["otherTeacher", "FORBIDDEN"],
  ] as const)("view: %s → %s", async (who, expected) => {
    expect(await outcomeOf(() => getAttemptFor(users[who], gradedAttemptId))).toBe(expected);
  });

  it.each([
    ["owner", "FORBIDDEN"],
    ["otherStudent", "FORBIDDEN"],
    ["classTeacher", "ok"],
    ["otherTeacher", "FORBIDDEN"],
  ] as const)("moderate: %s → %s", async (who, expected) => {
    expect(
      await outcomeOf(() => moderateWrittenPoint(users[who], { attemptId: gradedAttemptId, rubricPointId: firstPointId, awarded: 1, reason: "Checked again." }, later(9000))),
    ).toBe(expected);
  });

  it.each([
    ["owner", "FORBIDDEN"],
    ["otherStudent", "FORBIDDEN"],
    ["classTeacher", "ok"],
    ["otherTeacher", "FORBIDDEN"],
  ] as const)("a student's work list: %s → %s", async (who, expected) => {
    expect(await outcomeOf(() => getStudentWorkFor(users[who], classId, users.owner.id))).toBe(expected);
  });

  it("lists the student's graded attempts for the class teacher, marked as moderated", async () => {
    const work = await getStudentWorkFor(users.classTeacher, classId, users.owner.id);
    expect(work.student.id).toBe(users.owner.id);
    expect(work.attempts.find((a) => a.id === gradedAttemptId)).toMatchObject({ status: "graded", isModerated: true, maxScore: 15 });
  });

  it("lets nobody but the owner submit an answer", async () => {
    const draft = await startWritingAttempt(users.otherStudent, { questionId }, NOW);
    for (const who of ["owner", "classTeacher", "otherTeacher"] as const) {
      expect(await outcomeOf(() => submitWritingAttempt(users[who], { attemptId: draft.attemptId, text: "Not mine.", version: draft.version }, later(60)))).toBe("FORBIDDEN");
    }
  });

  it("refuses to start a question in a set the learner may not see", async () => {
    const db = await getDb();
    const hidden = await db.studySet.create({
      data: {
        ownerId: users.otherTeacher.id,
        title: "Unpublished",
        status: "draft",
        questions: {
          create: [{ kind: "written", prompt: "Hidden?", explanation: "-", marks: 5, timeLimitSec: 300, position: 0, rubricPoints: { create: [{ key: "c1", point: "Secret point.", marks: 5, kind: "content", position: 0 }] } }],
        },
      },
      select: { id: true, questions: { select: { id: true } } },
    });
    const hiddenQuestion = hidden.questions[0]!.id;
    expect(await outcomeOf(() => startWritingAttempt(users.owner, { questionId: hiddenQuestion }, NOW))).toBe("FORBIDDEN");
    expect(await outcomeOf(() => getWritingPageFor(users.owner, hidden.id, hiddenQuestion))).toBe("FORBIDDEN");
    expect(await outcomeOf(() => startWritingAttempt(users.otherTeacher, { questionId: hiddenQuestion }, NOW))).toBe("ok");
  });

  it("answers NOT_FOUND for a student who is not in the class, and for a missing attempt", async () => {
    expect(await outcomeOf(() => getStudentWorkFor(users.classTeacher, classId, users.otherStudent.id))).toBe("NOT_FOUND");
    expect(await outcomeOf(() => getAttemptFor(users.owner, "no-such-attempt"))).toBe("NOT_FOUND");
  });
});
