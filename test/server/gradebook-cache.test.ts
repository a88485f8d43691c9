// A process keeps an assignment's shaped gradebook in memory while the assignment's stamp is
// unchanged (model GradebookStamp, bumped by triggers in the writer's transaction). These tests warm
// the cache, then make each kind of write the gradebook reads — through the use cases, and straight
// through the database as any other code path or process would — and expect the very next load to
// show it. A write the triggers missed would leave a stale gradebook and fail here.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { getGradebookStamp } from "@/lib/db/gradebook";
import type { UserRecord } from "@/lib/db/users";
import { optionToken } from "@/lib/quiz/option-tokens";
import { assignSetToClass, startAssignedQuizFor } from "@/lib/server/assignments";
import { getAssignmentGradebookFor } from "@/lib/server/gradebook";
import { saveQuizAnswerFor, submitQuizFor } from "@/lib/server/quiz";
import { moderateWrittenPoint, saveWritingDraft, startWritingAttempt, submitWritingAttempt } from "@/lib/server/writing";
import { createTestClass, createTestUser } from "../support/actors";
import { useTestDatabase } from "../support/database";
import { createFloodsQuestionSet, createTwoQuestionQuizSet } from "../support/written-sets";

useTestDatabase();

const NOW = new Date("2026-03-01T10:00:00Z");
const later = (min: number) => new Date(NOW.getTime() + min * 60_000);
const ANSWER = "Introduction: floods matter.\n\nMonsoon floods spread fresh silt over the fields every year, which keeps the soil fertile.\n\nConclusion: protect floodplains.";
let teacher: UserRecord;
let asha: UserRecord;
let ravi: UserRecord;
let classId = "";
let setId = "";
let questionId = "";
let points: Record<"c1" | "s1", string>;
let assignmentId = "";
let ashaAttempt = "";

const load = (at = later(60)) => getAssignmentGradebookFor(teacher, assignmentId, at);
const rowOf = async (studentId: string, at?: Date) => (await load(at)).gradebook.rows.find((r) => r.student.id === studentId);
const stampOf = async () => (await getGradebookStamp(assignmentId))?.version;

beforeAll(async () => {
  teacher = await createTestUser("cache-teacher", "teacher");
  asha = await createTestUser("cache-asha", "student");
  ravi = await createTestUser("cache-ravi", "student");
  classId = await createTestClass(teacher.id, [asha.id], "Batch C", "CACHE01");
  const set = await createFloodsQuestionSet(teacher.id, "Floods");
  ({ setId, questionId, points } = set);
  assignmentId = (await assignSetToClass(teacher, { studySetId: setId, classId, kind: "written", questionIds: [questionId], dueAt: "2026-03-01T16:00" }, NOW)).id;
});

// Every test starts from a warm cache, as a teacher who has the gradebook open would.
beforeEach(async () => {
  await load();
});

describe("the cached gradebook", () => {
  it("is built once and served again while nothing changed (the clock alone does not rebuild it)", async () => {
    const first = await load();
    const again = await load(later(61));
    expect(again.gradebook).toBe(first.gradebook);
    expect(again.heatmap).toBe(first.heatmap);
  });

  it("a new assignment has a stamp from the start", async () => {
    expect(await stampOf()).toMatch(/^[0-9a-f-]{36}:\d+$/);
  });

  it("shows a student who starts, with the time used running on with the clock", async () => {
    const draft = await startWritingAttempt(asha, { questionId, assignmentId }, later(5));
    ashaAttempt = draft.attemptId;
    expect(await rowOf(asha.id, later(10))).toMatchObject({ status: "in_progress", timeUsedSec: 300 });
    expect(await rowOf(asha.id, later(12))).toMatchObject({ status: "in_progress", timeUsedSec: 420 });
  });

  it("is not rebuilt for an autosave (the stamp stays), yet shows the hand-in and its marks", async () => {
    const stamp = await stampOf();
    const draft = await saveWritingDraft(asha, { attemptId: ashaAttempt, text: "Floods bring silt.", version: 1 }, later(6));
    expect(draft.status).toBe("saved");
    expect(await stampOf()).toBe(stamp);
    await submitWritingAttempt(asha, { attemptId: ashaAttempt, text: ANSWER, version: draft.status === "saved" ? draft.version : 1 }, later(16));
    const row = await rowOf(asha.id);
    expect(row?.status).toMatch(/submitted|provisional/);
    expect(row?.timeUsedSec).toBe(660);
    expect(row?.cells.every((c) => c.awarded !== null)).toBe(true);
  });

  it("shows a teacher's moderation, and a mark changed or removed by any other path", async () => {
    await moderateWrittenPoint(teacher, { attemptId: ashaAttempt, rubricPointId: points.c1, awarded: 1.5, reason: "Half the point." }, later(20));
    const moderated = await load();
    expect(moderated.gradebook.rows.find((r) => r.student.id === asha.id)?.cells[0]).toMatchObject({ awarded: 1.5, isModerated: true });
    expect(moderated.heatmap.columns.find((c) => c.id === points.c1)).toMatchObject({ markedCount: 1, missedCount: 0, partlyCount: 1 });
    expect(moderated.agreement.points.find((p) => p.columnId === points.c1)).toMatchObject({ changedCount: 1, changedAttemptIds: [ashaAttempt] });
    const db = await getDb();
    await db.pointScore.updateMany({ where: { rubricPointId: points.c1, source: "moderated" }, data: { awarded: 0.5 } });
    expect((await rowOf(asha.id))?.cells[0]).toMatchObject({ awarded: 0.5, isModerated: true });
    await db.pointScore.deleteMany({ where: { rubricPointId: points.c1, source: "moderated" } });
    expect((await rowOf(asha.id))?.cells[0]).toMatchObject({ isModerated: false });
  });

  it("shows an answer marked provisional, and its marks accepted", async () => {
    const db = await getDb();
    await db.response.updateMany({ where: { attemptId: ashaAttempt }, data: { isProvisional: true, marksAcceptedAt: null } });
    expect((await rowOf(asha.id))?.status).toBe("provisional");
    await db.response.updateMany({ where: { attemptId: ashaAttempt }, data: { marksAcceptedAt: later(30), marksAcceptedById: teacher.id } });
    expect((await rowOf(asha.id))?.status).not.toBe("provisional");
  });

  it("shows a late hand-in as on time once the student's due date is extended, and late again when the extension goes", async () => {
    // Handed in at 10:16 UTC, due 10:30 UTC (16:00 in the display time zone): on time. Moving the due time earlier makes it late.
    const db = await getDb();
    await db.assignment.update({ where: { id: assignmentId }, data: { dueAt: later(10) } });
    expect(await rowOf(asha.id)).toMatchObject({ isLate: true });
    await db.dueExtension.create({ data: { assignmentId, studentId: asha.id, dueAt: later(20), createdById: teacher.id } });
    expect(await rowOf(asha.id)).toMatchObject({ isLate: false });
    await db.dueExtension.update({ where: { assignmentId_studentId: { assignmentId, studentId: asha.id } }, data: { dueAt: later(12) } });
    expect(await rowOf(asha.id)).toMatchObject({ isLate: true });
    await db.dueExtension.delete({ where: { assignmentId_studentId: { assignmentId, studentId: asha.id } } });
    await db.assignment.update({ where: { id: assignmentId }, data: { dueAt: later(30) } });
    expect(await rowOf(asha.id)).toMatchObject({ isLate: false });
  });

  it("shows the assignment's new title, the class's new name, a student's new name and e-mail", async () => {
    const db = await getDb();
    await db.assignment.update({ where: { id: assignmentId }, data: { title: "Floods, renamed" } });
    expect((await load()).assignment.title).toBe("Floods, renamed");
    await db.classroom.update({ where: { id: classId }, data: { name: "Batch C (2027)" } });
    expect((await load()).assignment.className).toBe("Batch C (2027)");
    await db.user.update({ where: { id: asha.id }, data: { name: "Asha Verma", email: "asha.verma@example.com" } });
    expect((await rowOf(asha.id))?.student).toMatchObject({ name: "Asha Verma", email: "asha.verma@example.com" });
  });

  it("shows a student who joins, and drops one removed before doing any work (one who did work stays)", async () => {
    const db = await getDb();
    await db.enrollment.create({ data: { classId, studentId: ravi.id } });
    expect(await rowOf(ravi.id)).toMatchObject({ status: "not_started" });
    await db.enrollment.update({ where: { classId_studentId: { classId, studentId: ravi.id } }, data: { removedAt: later(40) } });
    expect(await rowOf(ravi.id)).toBeUndefined();
    await db.enrollment.update({ where: { classId_studentId: { classId, studentId: asha.id } }, data: { removedAt: later(40) } });
    expect(await rowOf(asha.id)).toBeDefined();
  });

  it("shows a rubric point's new wording and marks, and a theme from the model answer", async () => {
    const db = await getDb();
    await db.rubricPoint.update({ where: { id: points.c1 }, data: { point: "Fresh silt each monsoon keeps delta soil fertile.", marks: 3 } });
    const column = (await load()).gradebook.columns.find((c) => c.id === points.c1);
    expect(column).toMatchObject({ text: "Fresh silt each monsoon keeps delta soil fertile.", max: 3 });
    const answer = await db.modelAnswer.create({
      data: {
        questionId,
        directive: "Explain",
        coreDemands: [],
        introduction: "-",
        conclusion: "-",
        wordCount: 1,
        sections: { create: [{ heading: "Causes", position: 0, points: { create: [{ text: "Silt.", position: 0 }] } }, { heading: "Effects", position: 1 }] },
      },
      select: { sections: { select: { id: true, heading: true, points: { select: { id: true } } } } },
    });
    const causes = answer.sections.find((s) => s.heading === "Causes")!;
    await db.rubricPoint.update({ where: { id: points.c1 }, data: { modelAnswerPointId: causes.points[0]!.id } });
    expect((await load()).gradebook.columns.find((c) => c.id === points.c1)?.theme).toBe("Causes");
    await db.modelAnswerSection.update({ where: { id: causes.id }, data: { heading: "Why deltas stay fertile" } });
    expect((await load()).gradebook.columns.find((c) => c.id === points.c1)?.theme).toBe("Why deltas stay fertile");
    const effects = answer.sections.find((s) => s.heading === "Effects")!;
    await db.modelAnswerPoint.update({ where: { id: causes.points[0]!.id }, data: { sectionId: effects.id } });
    expect((await load()).gradebook.columns.find((c) => c.id === points.c1)?.theme).toBe("Effects");
  });

  it("shows a rubric point added and one removed; a draft question added to the set changes nothing", async () => {
    const db = await getDb();
    const added = await db.rubricPoint.create({ data: { questionId, key: "e1", point: "An example from a real delta.", marks: 1, kind: "structure", position: 2 }, select: { id: true } });
    expect((await load()).gradebook.columns.map((c) => c.id)).toContain(added.id);
    await db.rubricPoint.delete({ where: { id: added.id } });
    expect((await load()).gradebook.columns.map((c) => c.id)).not.toContain(added.id);
    const stamp = await stampOf();
    await db.question.create({ data: { studySetId: setId, kind: "written", prompt: "A draft?", explanation: "-", marks: 3, timeLimitSec: 600, position: 9, status: "draft" } });
    expect(await stampOf()).toBe(stamp);
  });

  it("drops a mark whose answer row is deleted, and a student whose enrollment is deleted without work", async () => {
    const db = await getDb();
    const ravisAttempt = await db.attempt.create({
      data: { userId: ravi.id, kind: "written_practice", studySetId: setId, assignmentId, questionId, status: "graded", startedAt: later(1), submittedAt: later(9) },
      select: { id: true },
    });
    await db.enrollment.update({ where: { classId_studentId: { classId, studentId: ravi.id } }, data: { removedAt: null } });
    const response = await db.response.create({ data: { attemptId: ravisAttempt.id, questionId, content: { text: "Silt." }, flags: [], score: 1, maxScore: 3 }, select: { id: true } });
    await db.pointScore.create({ data: { responseId: response.id, rubricPointId: points.c1, source: "auto", awarded: 1, max: 3, evidence: [], feedback: "-" } });
    expect((await rowOf(ravi.id))?.cells[0]).toMatchObject({ awarded: 1 });
    await db.response.delete({ where: { id: response.id } });
    expect((await rowOf(ravi.id))?.cells[0]).toMatchObject({ awarded: null });
    await db.attempt.delete({ where: { id: ravisAttempt.id } });
    await db.enrollment.delete({ where: { classId_studentId: { classId, studentId: ravi.id } } });
    expect(await rowOf(ravi.id)).toBeUndefined();
  });

  it("drops a student's work when their attempt is deleted", async () => {
    const db = await getDb();
    await db.attempt.delete({ where: { id: ashaAttempt } });
    expect(await rowOf(asha.id)).toBeUndefined();
  });
});

describe("a quiz assignment's cached gradebook", () => {
  let quizAssignmentId = "";
  let questionIds: string[] = [];
  const loadQuiz = () => getAssignmentGradebookFor(teacher, quizAssignmentId, later(60));

  beforeAll(async () => {
    const db = await getDb();
    const { setId: quizSetId, questionIds: quizQuestionIds } = await createTwoQuestionQuizSet(teacher.id, "Rivers quiz", "River");
    questionIds = quizQuestionIds;
    await db.enrollment.upsert({ where: { classId_studentId: { classId, studentId: ravi.id } }, create: { classId, studentId: ravi.id }, update: { removedAt: null } });
    quizAssignmentId = (await assignSetToClass(teacher, { studySetId: quizSetId, classId, kind: "quiz", quizPick: "chosen", questionIds, timeLimitMin: "10", marking: "prelims" }, NOW)).id;
    await loadQuiz();
  });

  it("shows a quiz handed in with its scores, then the marking scheme's new mark for a right answer", async () => {
    const db = await getDb();
    const { attemptId } = await startAssignedQuizFor(ravi, { assignmentId: quizAssignmentId }, later(1));
    const right = await db.option.findFirstOrThrow({ where: { questionId: questionIds[0]!, isCorrect: true }, select: { id: true } });
    const stamp = (await getGradebookStamp(quizAssignmentId))?.version;
    await saveQuizAnswerFor(ravi, attemptId, { questionId: questionIds[0]!, answer: { optionIds: [optionToken(attemptId, right.id)] }, version: 1 }, later(2));
    expect((await getGradebookStamp(quizAssignmentId))?.version).toBe(stamp);
    await submitQuizFor(ravi, attemptId, later(3));
    const row = (await loadQuiz()).gradebook.rows.find((r) => r.student.id === ravi.id);
    expect(row?.status).toBe("submitted");
    expect(row?.cells[0]).toMatchObject({ awarded: 2, max: 2 });
    const quiz = await db.assignment.findUniqueOrThrow({ where: { id: quizAssignmentId }, select: { quizId: true } });
    await db.quiz.update({ where: { id: quiz.quizId! }, data: { markCorrect: 3 } });
    expect((await loadQuiz()).gradebook.columns[0]).toMatchObject({ max: 3 });
    await db.response.updateMany({ where: { attemptId, questionId: questionIds[0]! }, data: { score: 0 } });
    expect((await loadQuiz()).gradebook.rows.find((r) => r.student.id === ravi.id)?.cells[0]).toMatchObject({ awarded: 0 });
  });

  it("shows a question's new wording (the autosave above left the stamp alone)", async () => {
    const db = await getDb();
    await db.question.update({ where: { id: questionIds[1]! }, data: { prompt: "Which river floods the delta?" } });
    expect((await loadQuiz()).gradebook.columns[1]).toMatchObject({ text: "Which river floods the delta?" });
  });
});
