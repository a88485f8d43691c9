import { plural } from "@/lib/format";

/**
 * Whether a study set may be deleted by its owner, and what deleting it takes with it. The rule: a
 * deletion loses nobody's work but the owner's. So it is refused while the set is assigned to any
 * class (its students' attempts, marks and gradebooks hang off the assignment; an unstarted one can
 * be deleted from the class page first), while any other learner has worked on it (attempts, card
 * reviews or saved quizzes: a public set, or one assigned earlier), and while Crux is still generating
 * its items. Otherwise the set goes with its cards, questions, model answers and rubrics, the
 * material nothing else uses, and the owner's own attempts and reviews of it. Pure: the database
 * layer counts.
 */
export interface SetDeletionFacts {
  /** Classes the set is assigned to (any teacher's), with how many assignments of it each has. */
  assignedIn: { className: string; assignmentCount: number }[];
  /** Learners other than the owner with attempts at it, reviews of its cards or quizzes made from it. */
  otherLearnerCount: number;
  /** A generation job for the set is queued or running. */
  isGenerating: boolean;
  cardCount: number;
  questionCount: number;
  /** The owner's own attempts at the set (quizzes and written answers). */
  ownAttemptCount: number;
  /** Cards of the set the owner has a review state for. */
  ownReviewedCardCount: number;
}

export type SetDeletion = { isAllowed: true; consequence: string } | { isAllowed: false; reason: string };

/** "A", "A and B", "A, B and C". */
function listed(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/** Decides a deletion from the set's facts (see SetDeletionFacts): why it is refused, or what it will remove. */
export function judgeSetDeletion(facts: SetDeletionFacts): SetDeletion {
  const reasons: string[] = [];
  if (facts.assignedIn.length > 0) {
    const classes = listed(facts.assignedIn.map((c) => (c.assignmentCount > 1 ? `${c.className} (${c.assignmentCount} assignments)` : c.className)));
    const count = facts.assignedIn.reduce((n, c) => n + c.assignmentCount, 0);
    reasons.push(
      `It is assigned to ${classes}: delete ${count === 1 ? "that assignment" : "those assignments"} from the class page first. An assignment a student has started cannot be deleted, and the set stays with their work.`,
    );
  }
  if (facts.otherLearnerCount > 0) {
    reasons.push(
      `${plural(facts.otherLearnerCount, "other learner")} ${facts.otherLearnerCount === 1 ? "has" : "have"} studied it (quizzes, written answers or card reviews), and deleting it would erase their work.`,
    );
  }
  if (facts.isGenerating) reasons.push("Crux is still generating its cards and questions: wait until that has finished.");
  if (reasons.length > 0) return { isAllowed: false, reason: `This set cannot be deleted. ${reasons.join(" ")}` };

  const own = [
    facts.ownAttemptCount > 0 ? `your ${plural(facts.ownAttemptCount, "attempt")} at it` : null,
    facts.ownReviewedCardCount > 0 ? `your reviews of ${plural(facts.ownReviewedCardCount, "card")}` : null,
  ].filter((s): s is string => s !== null);
  const items = `its ${plural(facts.cardCount, "card")} and ${plural(facts.questionCount, "question")} (with their model answers and sources)`;
  return { isAllowed: true, consequence: `Deleting it removes ${items}${own.length > 0 ? `, and ${listed(own)}` : ""}. This cannot be undone.` };
}
