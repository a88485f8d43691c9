import { describe, expect, it } from "vitest";
import { judgeSetDeletion, type SetDeletionFacts } from "@/lib/authoring/set-deletion";

const free: SetDeletionFacts = { assignedIn: [], otherLearnerCount: 0, isGenerating: false, cardCount: 24, questionCount: 10, ownAttemptCount: 0, ownReviewedCardCount: 0 };

describe("judgeSetDeletion", () => {
  it("allows a set nobody else has worked on, saying what goes with it", () => {
    expect(judgeSetDeletion(free)).toEqual({
      isAllowed: true,
      consequence: "Deleting it removes its 24 cards and 10 questions (with their model answers and sources). This cannot be undone.",
    });
  });

  it("names the owner's own work that goes too", () => {
    expect(judgeSetDeletion({ ...free, cardCount: 1, questionCount: 1, ownAttemptCount: 1, ownReviewedCardCount: 12 })).toMatchObject({
      consequence: "Deleting it removes its 1 card and 1 question (with their model answers and sources), and your 1 attempt at it and your reviews of 12 cards. This cannot be undone.",
    });
  });

  it("refuses a set assigned to classes, naming them and what to do", () => {
    const judged = judgeSetDeletion({ ...free, assignedIn: [{ className: "Batch A", assignmentCount: 2 }, { className: "Batch B", assignmentCount: 1 }] });
    expect(judged).toEqual({
      isAllowed: false,
      reason: "This set cannot be deleted. It is assigned to Batch A (2 assignments) and Batch B: delete those assignments from the class page first. An assignment a student has started cannot be deleted, and the set stays with their work.",
    });
  });

  it.each([
    [1, "1 other learner has studied it"],
    [3, "3 other learners have studied it"],
  ])("refuses a set %s other learner(s) worked on", (count, phrase) => {
    expect(judgeSetDeletion({ ...free, otherLearnerCount: count })).toMatchObject({ isAllowed: false, reason: expect.stringContaining(phrase) });
  });

  it("refuses while its items are being generated, giving every reason at once", () => {
    const judged = judgeSetDeletion({ ...free, isGenerating: true, otherLearnerCount: 1 });
    expect(judged).toMatchObject({ isAllowed: false, reason: expect.stringMatching(/erase their work\. Crux is still generating its cards and questions: wait until that has finished\.$/) });
  });
});
