import { describe, expect, it } from "vitest";
import { acceptSelectedLabel, describeLeftToReview } from "@/lib/authoring/review-summary";

const counts = (draft: number, accepted = 0, rejected = 0) => ({ draft, accepted, rejected });

describe("describeLeftToReview", () => {
  it.each([
    ["both kinds left", counts(2), counts(6), "2 cards and 6 questions to review"],
    ["one question left", counts(0, 4), counts(1, 5), "1 question to review"],
    ["one card left", counts(1, 3), counts(0, 6), "1 card to review"],
  ])("counts only the drafts still unreviewed: %s", (_, cards, questions, expected) => {
    expect(describeLeftToReview(cards, questions)).toBe(expected);
  });

  it("says every question is reviewed once all six are accepted", () => {
    expect(describeLeftToReview(counts(0), counts(0, 6))).toBe("All questions reviewed");
  });

  it("counts rejected items as reviewed", () => {
    expect(describeLeftToReview(counts(0, 3, 2), counts(0, 5, 1))).toBe("All cards and questions reviewed");
  });

  it("says a set with no items has none yet", () => {
    expect(describeLeftToReview(counts(0), counts(0))).toBe("No cards or questions yet");
  });
});

describe("acceptSelectedLabel", () => {
  it.each([
    [1, "Accept 1 selected draft"],
    [12, "Accept 12 selected drafts"],
  ])("names how many drafts the button accepts: %i", (selected, expected) => {
    expect(acceptSelectedLabel(selected)).toBe(expected);
  });

  it("offers no button once no selected draft is left", () => {
    expect(acceptSelectedLabel(0)).toBeNull();
  });
});
