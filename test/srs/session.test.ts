import { describe, expect, it } from "vitest";
import { afterRating, afterUndo, countsLeft, currentCard, LEARN_AHEAD_MS, ratingCount, remainingCount, startSession, withMoreCards, withoutRating, withRating, type SessionRatings } from "@/lib/srs/session";

const T0 = Date.parse("2026-03-01T10:00:00Z");

describe("review session order", () => {
  const start = () => startSession(["a", "b", "c"].map((id) => ({ id, item: id })));

  it("shows the queue's cards in order", () => {
    expect(currentCard(start(), T0)?.id).toBe("a");
  });

  it("brings a card rated Again back after its step, before the remaining cards", () => {
    let q = start();
    q = afterRating(q, currentCard(q, T0)!, T0 + 60_000, T0, "a");
    expect(currentCard(q, T0)?.id).toBe("b");
    expect(currentCard(q, T0 + 61_000)?.id).toBe("a");
    expect(remainingCount(q)).toBe(3);
  });

  it("shows a returning card at once when nothing else is left", () => {
    let q = startSession([{ id: "a", item: "a" }]);
    q = afterRating(q, currentCard(q, T0)!, T0 + 60_000, T0, "a");
    expect(currentCard(q, T0)?.id).toBe("a");
  });

  it("lets a card due beyond the learn-ahead window leave the session", () => {
    let q = start();
    q = afterRating(q, currentCard(q, T0)!, T0 + LEARN_AHEAD_MS + 1, T0, "a");
    expect(remainingCount(q)).toBe(2);
  });

  it("shows an undone card next and stops it returning twice", () => {
    let q = start();
    q = afterRating(q, currentCard(q, T0)!, T0 + 60_000, T0, "a");
    q = afterUndo(q, "a", "a");
    expect(currentCard(q, T0)?.id).toBe("a");
    expect(remainingCount(q)).toBe(3);
  });

  it("appends a later batch after the cards still waiting, skipping cards already in the session", () => {
    let q = start();
    q = afterRating(q, currentCard(q, T0)!, T0 + 60_000, T0, "a");
    q = withMoreCards(q, ["a", "c", "d", "e"].map((id) => ({ id, item: id })));
    expect(q.waiting.map((c) => c.id)).toEqual(["b", "c", "d", "e"]);
    expect(remainingCount(q)).toBe(5);
    expect(currentCard(q, T0 + 61_000)?.id).toBe("a");
  });
});

describe("what the queue summary says is left during a session", () => {
  const start = { dueCount: 3, newToday: 20 };
  const none: SessionRatings = new Map();

  it("counts a rated due card off the reviews due and a rated new card off today's new cards", () => {
    const rated = withRating(withRating(none, "due-1", false), "new-1", true);
    expect(countsLeft(start, rated)).toEqual({ dueCount: 2, newToday: 19 });
  });

  it("counts a card rated Again and then Good once, and both ratings as reviewed", () => {
    const rated = withRating(withRating(none, "new-1", true), "new-1", false);
    expect(countsLeft(start, rated)).toEqual({ dueCount: 3, newToday: 19 });
    expect(ratingCount(rated)).toBe(2);
  });

  it("gives the card back to its count when its only rating is undone, and not before", () => {
    const twice = withRating(withRating(none, "due-1", false), "due-1", false);
    expect(countsLeft(start, withoutRating(twice, "due-1"))).toEqual({ dueCount: 2, newToday: 20 });
    expect(countsLeft(start, withoutRating(withoutRating(twice, "due-1"), "due-1"))).toEqual(start);
  });

  it("never counts below zero", () => {
    expect(countsLeft({ dueCount: 0, newToday: 0 }, withRating(none, "new-1", true))).toEqual({ dueCount: 0, newToday: 0 });
  });
});
