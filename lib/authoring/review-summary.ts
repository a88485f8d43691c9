import { plural } from "@/lib/format";

/** A set's cards or questions per review status. */
export interface StatusCounts {
  draft: number;
  accepted: number;
  rejected: number;
}

/**
 * What is still to review in a set, from its live counts: "1 card and 6 questions to review", or once
 * no draft is left "All questions reviewed" (naming only the kinds the set holds). A set with no items
 * at all has nothing to review and says so.
 */
export function describeLeftToReview(cards: StatusCounts, questions: StatusCounts): string {
  const total = (c: StatusCounts) => c.draft + c.accepted + c.rejected;
  if (total(cards) === 0 && total(questions) === 0) return "No cards or questions yet";
  if (cards.draft === 0 && questions.draft === 0) {
    const held = [total(cards) > 0 ? "cards" : null, total(questions) > 0 ? "questions" : null].filter(Boolean);
    return `All ${held.join(" and ")} reviewed`;
  }
  const left = [cards.draft > 0 ? plural(cards.draft, "card") : null, questions.draft > 0 ? plural(questions.draft, "question") : null].filter(Boolean);
  return `${left.join(" and ")} to review`;
}

/**
 * The label of the button accepting every selected draft at once ("Accept 3 selected drafts"), or null
 * when there is none to accept — every draft reviewed, or only low scorers left, which start unselected
 * and are accepted one by one — so no button offers to accept nothing.
 */
export function acceptSelectedLabel(selectedDrafts: number): string | null {
  return selectedDrafts > 0 ? `Accept ${plural(selectedDrafts, "selected draft")}` : null;
}
