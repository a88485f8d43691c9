import { describe, expect, it } from "vitest";
import { buildCardReviewBook, type ReviewedCard } from "@/lib/classes/card-review";

const NOW = new Date("2026-03-01T10:00:00Z");
const at = (iso: string) => new Date(iso);
const ana = { id: "ana", name: "Ana", email: "ana@example.com" };
const ben = { id: "ben", name: "Ben", email: "ben@example.com" };
const card = (studentId: string, dueAt: string, lastReviewAt: string): ReviewedCard => ({ studentId, dueAt: at(dueAt), lastReviewAt: at(lastReviewAt) });

describe("buildCardReviewBook", () => {
  const book = (dueAt: Date | null) =>
    buildCardReviewBook({
      cardCount: 3,
      students: [ana, ben],
      reviewed: [card("ana", "2026-03-01T09:00:00Z", "2026-02-27T08:00:00Z"), card("ana", "2026-03-04T00:00:00Z", "2026-02-28T08:00:00Z")],
      ratings: [
        { studentId: "ana", rating: 3, state: "review", count: 3 },
        { studentId: "ana", rating: 1, state: "review", count: 1 },
        { studentId: "ana", rating: 1, state: "new", count: 2 },
      ],
      dueAtOf: () => dueAt,
      now: NOW,
    });

  it("counts each student's reviewed cards, last review, cards due now and retention", () => {
    expect(book(null).rows[0]).toEqual({ student: ana, reviewedCount: 2, lastReviewAt: at("2026-02-28T08:00:00Z"), dueNowCount: 1, isOverdue: false, retention: 0.75 });
  });

  it("gives a student who has not started nothing reviewed and no retention", () => {
    expect(book(null).rows[1]).toEqual({ student: ben, reviewedCount: 0, lastReviewAt: null, dueNowCount: 0, isOverdue: false, retention: null });
  });

  it("marks overdue whoever has not reviewed every card once the due date has passed, and not before", () => {
    expect(book(at("2026-03-01T09:59:59Z")).rows.map((r) => r.isOverdue)).toEqual([true, true]);
    expect(book(NOW).rows.map((r) => r.isOverdue)).toEqual([false, false]);
  });

  it("counts those who reviewed every card as done", () => {
    const done = buildCardReviewBook({ cardCount: 1, students: [ana, ben], reviewed: [card("ben", "2026-03-05T00:00:00Z", "2026-02-28T08:00:00Z")], ratings: [], dueAtOf: () => null, now: NOW });
    expect(done.completedCount).toBe(1);
  });
});
