import { describe, expect, it } from "vitest";
import { afterRating, afterUndo, currentCard, LEARN_AHEAD_MS, remainingCount, startSession, withMoreCards } from "@/lib/srs/session";

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
