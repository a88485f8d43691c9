import { describe, expect, it } from "vitest";
import { ratingIdFor, settleRatingId, type PendingRatingIds } from "@/lib/srs/rating-ids";

function ids() {
  let n = 0;
  return () => `id-${++n}`;
}

describe("the review screen's pending rating ids", () => {
  it("sends a card's rating again with its id after a lost response, though an undo showed another card in between", () => {
    const pending: PendingRatingIds = new Map();
    const newId = ids();
    // Card A's rating is sent; its response is lost (a failure that may be retried).
    const first = ratingIdFor(pending, "A", newId);
    settleRatingId(pending, "A", "retryable");
    // Undo of the previous card brings B on screen; B is rated and stored.
    const b = ratingIdFor(pending, "B", newId);
    settleRatingId(pending, "B", "stored");
    expect(b).not.toBe(first);
    // A shows again: its rating goes with the same id, so the server applies it once.
    expect(ratingIdFor(pending, "A", newId)).toBe(first);
  });

  it("gives a card's next rating a new id once the last one was stored or refused for good", () => {
    const pending: PendingRatingIds = new Map();
    const newId = ids();
    const stored = ratingIdFor(pending, "A", newId);
    settleRatingId(pending, "A", "stored");
    const refused = ratingIdFor(pending, "A", newId);
    expect(refused).not.toBe(stored);
    settleRatingId(pending, "A", "refused");
    const next = ratingIdFor(pending, "A", newId);
    expect([stored, refused]).not.toContain(next);
    expect(pending.size).toBe(1);
  });

  it("never gives two cards the same id", () => {
    const pending: PendingRatingIds = new Map();
    const newId = ids();
    const a = ratingIdFor(pending, "A", newId);
    settleRatingId(pending, "A", "retryable");
    expect(ratingIdFor(pending, "B", newId)).not.toBe(a);
  });
});
