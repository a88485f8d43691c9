/**
 * The review screen's pending rating ids, one per card: the id (a `clientReviewId`) a card's rating
 * was sent with stays the card's until that rating is answered — stored, or refused for good — so
 * the rating sent again after a failure that may have reached the server (its response lost) carries
 * the same id and the server applies it once (reviewCard), however many other cards were shown,
 * rated or undone in between. A rating of the card after that gets a new id.
 */
export type PendingRatingIds = Map<string, string>;

/** How a rating's call ended: stored (or answered with the stored one), refused for good, or failed in a way that may be retried. */
export type RatingSettlement = "stored" | "refused" | "retryable";

/** The id to send the card's rating with: the pending one when its earlier sending is unanswered, else a new one (kept as pending). */
export function ratingIdFor(pending: PendingRatingIds, cardId: string, newId: () => string): string {
  const known = pending.get(cardId);
  if (known) return known;
  const id = newId();
  pending.set(cardId, id);
  return id;
}

/** Records how the card's rating ended: its id is dropped once stored or refused for good, and kept for the retry otherwise. */
export function settleRatingId(pending: PendingRatingIds, cardId: string, settlement: RatingSettlement): void {
  if (settlement !== "retryable") pending.delete(cardId);
}
