import type { RatingCount } from "../progress/stats";
import { trueRetention } from "../progress/stats";
import type { GradebookStudent } from "./gradebook";

/**
 * The gradebook of a card-review assignment ("Study set: review the cards"): there is no attempt
 * and no mark, so each student's row says how far they got through the assigned set's cards — how
 * many they have reviewed, when they last did, how many are due again now, whether they are behind
 * the assignment's due date, and their true retention on those cards. Pure: the database layer hands
 * in plain rows.
 */

/** One card of the assigned set a student has reviewed (their FSRS state of it). */
export interface ReviewedCard {
  studentId: string;
  /** When the card is next due for that student. */
  dueAt: Date;
  lastReviewAt: Date | null;
}

export interface CardReviewRow {
  student: GradebookStudent;
  /** Distinct cards of the set reviewed at least once. */
  reviewedCount: number;
  lastReviewAt: Date | null;
  /** Reviewed cards due again at `now`. */
  dueNowCount: number;
  /** The assignment's due date (with the student's extension) has passed and not every card was reviewed. */
  isOverdue: boolean;
  /** Share of review-state reviews not rated Again (see trueRetention); null before any. */
  retention: number | null;
}

export interface CardReviewBook {
  cardCount: number;
  rows: CardReviewRow[];
  /** Students who reviewed every card. */
  completedCount: number;
}

/**
 * Builds the card-review rows for `students` (already in display order) from the cards they reviewed
 * and the counts of their ratings on the set's cards. An empty set counts as done by everyone.
 */
export function buildCardReviewBook(input: {
  cardCount: number;
  students: readonly GradebookStudent[];
  reviewed: readonly ReviewedCard[];
  ratings: readonly (RatingCount & { studentId: string })[];
  dueAtOf: (studentId: string) => Date | null;
  now: Date;
}): CardReviewBook {
  const byStudent = new Map<string, ReviewedCard[]>();
  for (const card of input.reviewed) byStudent.set(card.studentId, [...(byStudent.get(card.studentId) ?? []), card]);
  const rows = input.students.map((student): CardReviewRow => {
    const cards = byStudent.get(student.id) ?? [];
    const reviewedCount = Math.min(cards.length, input.cardCount);
    const lastReviewAt = cards.reduce<Date | null>((last, c) => (c.lastReviewAt && (!last || c.lastReviewAt > last) ? c.lastReviewAt : last), null);
    const dueAt = input.dueAtOf(student.id);
    return {
      student,
      reviewedCount,
      lastReviewAt,
      dueNowCount: cards.filter((c) => c.dueAt <= input.now).length,
      isOverdue: dueAt !== null && dueAt < input.now && reviewedCount < input.cardCount,
      retention: trueRetention(input.ratings.filter((r) => r.studentId === student.id)).retention,
    };
  });
  return { cardCount: input.cardCount, rows, completedCount: rows.filter((r) => r.reviewedCount >= input.cardCount).length };
}
