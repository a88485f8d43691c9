import type { ReviewedCard } from "../classes/card-review";
import { gradebookStudents, type GradebookRosterEntry, type GradebookStudent } from "../classes/gradebook";
import type { RatingCount } from "../progress/stats";
import { getDb } from "./client";

export interface CardReviewSource {
  assignment: { id: string; classId: string; className: string; title: string; studySetId: string; dueAt: Date | null };
  /** The set's accepted cards, the ones the assignment asks to review. */
  cardCount: number;
  /** The class's students (not those removed from it), by name. */
  students: GradebookStudent[];
  extensions: Map<string, Date>;
  reviewed: ReviewedCard[];
  ratings: (RatingCount & { studentId: string })[];
}

/** What a card-review assignment's gradebook shows: its class's students and their reviews of the set's accepted cards; null when no such assignment of that kind. */
export async function getCardReviewSource(assignmentId: string): Promise<CardReviewSource | null> {
  const db = await getDb();
  const assignment = await db.assignment.findFirst({
    where: { id: assignmentId, kind: "study_set" },
    select: {
      id: true,
      classId: true,
      title: true,
      studySetId: true,
      dueAt: true,
      classroom: { select: { name: true } },
      extensions: { select: { studentId: true, dueAt: true } },
      studySet: { select: { cards: { where: { status: "accepted" }, select: { id: true } } } },
    },
  });
  if (!assignment) return null;
  const cardIds = assignment.studySet.cards.map((c) => c.id);
  // Only students in the class now: a card review belongs to no assignment, so what a removed student reviews of the set
  // (before or after leaving, as their own study) cannot be told apart from work for the class, and is not shown.
  const enrollments = await db.enrollment.findMany({ where: { classId: assignment.classId, removedAt: null }, select: { removedAt: true, student: { select: { id: true, name: true, email: true } } } });
  const studentIds = enrollments.map((e) => e.student.id);
  const [states, ratingGroups] = await Promise.all([
    db.cardState.findMany({ where: { cardId: { in: cardIds }, userId: { in: studentIds }, reps: { gt: 0 } }, select: { userId: true, due: true, lastReview: true } }),
    db.reviewLog.groupBy({ by: ["userId", "rating", "state"], where: { cardId: { in: cardIds }, userId: { in: studentIds } }, _count: { _all: true } }),
  ]);
  const roster: GradebookRosterEntry[] = enrollments.map((e) => ({ student: e.student, isRemoved: e.removedAt !== null }));
  return {
    assignment: { id: assignment.id, classId: assignment.classId, className: assignment.classroom.name, title: assignment.title, studySetId: assignment.studySetId, dueAt: assignment.dueAt },
    cardCount: cardIds.length,
    students: gradebookStudents(roster, states.map((s) => ({ studentId: s.userId }))),
    extensions: new Map(assignment.extensions.map((e) => [e.studentId, e.dueAt])),
    reviewed: states.map((s) => ({ studentId: s.userId, dueAt: s.due, lastReviewAt: s.lastReview })),
    ratings: ratingGroups.map((g) => ({ studentId: g.userId, rating: g.rating, state: g.state, count: g._count._all })),
  };
}
