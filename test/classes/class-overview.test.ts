import { describe, expect, it } from "vitest";
import { buildClassOverview, describeTrend, orderAssignments, type OverviewAssignment, type OverviewAttempt } from "@/lib/classes/class-overview";

const NOW = new Date("2026-03-01T10:00:00Z");
const at = (h: number) => new Date(NOW.getTime() + h * 3_600_000);
const ana = { id: "s1", name: "Ana", email: "ana@example.com" };
const ben = { id: "s2", name: "Ben", email: "ben@example.com" };

function assignment(over: Partial<OverviewAssignment> & { id: string }): OverviewAssignment {
  return { title: over.id, kind: "written", dueAt: null, createdAt: NOW, maxScore: 10, ...over };
}
function attempt(over: Partial<OverviewAttempt> & { assignmentId: string }): OverviewAttempt {
  return { studentId: ana.id, questionId: "q1", status: "graded", startedAt: at(0), submittedAt: at(1), score: 5, maxScore: 10, isProvisional: false, ...over };
}

describe("orderAssignments", () => {
  it("puts dated work by due time first, then undated work by when it was set", () => {
    const ordered = orderAssignments([
      assignment({ id: "undated-late", createdAt: at(5) }),
      assignment({ id: "due-later", dueAt: at(48) }),
      assignment({ id: "undated-early", createdAt: at(1) }),
      assignment({ id: "due-soon", dueAt: at(24) }),
    ]);
    expect(ordered.map((a) => a.id)).toEqual(["due-soon", "due-later", "undated-early", "undated-late"]);
  });
});

describe("buildClassOverview", () => {
  const assignments = [assignment({ id: "w1", dueAt: at(2) }), assignment({ id: "w2", dueAt: at(24) }), assignment({ id: "quiz", kind: "quiz", dueAt: at(48), maxScore: null })];

  it("gives each student a cell per assignment with score, status and lateness", () => {
    const overview = buildClassOverview({
      assignments,
      students: [ana, ben],
      attempts: [
        attempt({ assignmentId: "w1", submittedAt: at(3), score: 4 }),
        attempt({ assignmentId: "w2", status: "in_progress", submittedAt: null, score: null }),
        attempt({ assignmentId: "quiz", questionId: null, score: 8, maxScore: 20, isProvisional: false }),
        attempt({ assignmentId: "w1", studentId: ben.id, isProvisional: true, score: 7 }),
      ],
      dueAtOf: (assignmentId) => assignments.find((a) => a.id === assignmentId)!.dueAt,
    });
    const [anaRow, benRow] = overview.rows;
    expect(anaRow!.cells).toEqual([
      { assignmentId: "w1", status: "late", score: 4, maxScore: 10, share: 0.4, isLate: true },
      { assignmentId: "w2", status: "in_progress", score: null, maxScore: 10, share: null, isLate: false },
      { assignmentId: "quiz", status: "submitted", score: 8, maxScore: 20, share: 0.4, isLate: false },
    ]);
    expect(benRow!.cells.map((c) => c.status)).toEqual(["provisional", "not_started", "not_started"]);
  });

  it("counts a quiz that ran out of time as handed in, with its score", () => {
    const overview = buildClassOverview({
      assignments: [assignment({ id: "quiz", kind: "quiz", dueAt: at(48), maxScore: null })],
      students: [ana],
      attempts: [attempt({ assignmentId: "quiz", questionId: null, status: "expired", score: 6, maxScore: 20 })],
      dueAtOf: () => at(48),
    });
    expect(overview.rows[0]!.cells[0]).toMatchObject({ status: "submitted", score: 6, share: 0.3 });
  });

  it("applies a student's extension to lateness", () => {
    const overview = buildClassOverview({
      assignments: [assignment({ id: "w1", dueAt: at(2) })],
      students: [ana],
      attempts: [attempt({ assignmentId: "w1", submittedAt: at(3) })],
      dueAtOf: () => at(4),
    });
    expect(overview.rows[0]!.cells[0]).toMatchObject({ status: "submitted", isLate: false });
  });

  it("counts a hand-in within the grace after the due time as on time, as the gradebook does (code review)", () => {
    const due = at(2);
    const overviewAt = (sec: number) =>
      buildClassOverview({
        assignments: [assignment({ id: "w1", dueAt: due })],
        students: [ana],
        attempts: [attempt({ assignmentId: "w1", submittedAt: new Date(due.getTime() + sec * 1000) })],
        dueAtOf: () => due,
      }).rows[0]!.cells[0];
    expect(overviewAt(3)).toMatchObject({ status: "submitted", isLate: false });
    expect(overviewAt(60)).toMatchObject({ status: "late", isLate: true });
  });

  it("counts the newest finished attempt at each question of a written assignment", () => {
    const overview = buildClassOverview({
      assignments: [assignment({ id: "w1", maxScore: 20 })],
      students: [ana],
      attempts: [
        attempt({ assignmentId: "w1", questionId: "q1", startedAt: at(0), score: 2 }),
        attempt({ assignmentId: "w1", questionId: "q1", startedAt: at(2), score: 6 }),
        attempt({ assignmentId: "w1", questionId: "q2", startedAt: at(1), score: 9 }),
        attempt({ assignmentId: "w1", questionId: "q2", startedAt: at(3), status: "in_progress", submittedAt: null, score: null }),
      ],
      dueAtOf: () => null,
    });
    expect(overview.rows[0]!.cells[0]).toMatchObject({ score: 15, maxScore: 20, share: 0.75 });
  });

  it("trends over the last scored assignments and averages every one", () => {
    const many = [1, 2, 3, 4].map((i) => assignment({ id: `w${i}`, dueAt: at(i) }));
    const overview = buildClassOverview({
      assignments: many,
      students: [ana, ben],
      attempts: [2, 4, 6, 9].map((score, i) => attempt({ assignmentId: `w${i + 1}`, score })),
      dueAtOf: () => null,
      trendLength: 3,
    });
    expect(overview.rows[0]).toMatchObject({ trend: [0.4, 0.6, 0.9], meanShare: 0.525 });
    expect(overview.rows[0]!.trendChange).toBeCloseTo(0.5);
    expect(overview.rows[1]).toMatchObject({ trend: [], trendChange: null, meanShare: null });
  });
});

describe("describeTrend", () => {
  it.each([
    [[], "—"],
    [[0.625], "63 %"],
    [[0.4, 0.7, 0.81], "40 → 70 → 81 %"],
  ])("%j reads %s", (trend, expected) => {
    expect(describeTrend(trend)).toBe(expected);
  });
});
