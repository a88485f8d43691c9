import { describe, expect, it } from "vitest";
import { canAskRegrade, latestRegradeByPoint, regradeState, type RegradeRecord } from "@/lib/writing/regrade";
import { REGRADE_REASON_MAX } from "@/lib/writing/regrade";
import { answerRegradeSchema, askRegradeSchema } from "@/lib/writing/schemas";

const NOW = new Date("2026-03-01T10:00:00Z");
const at = (min: number) => new Date(NOW.getTime() + min * 60_000);

function record(over: Partial<RegradeRecord>): RegradeRecord {
  return { id: "r1", rubricPointId: "p1", reason: "I named the silt.", status: "open", isAccepted: null, answer: null, answeredByName: null, answeredAt: null, createdAt: NOW, ...over };
}

describe("latestRegradeByPoint", () => {
  it("keeps the newest request of each point", () => {
    const latest = latestRegradeByPoint([
      record({ id: "a", createdAt: at(0), status: "answered", isAccepted: false }),
      record({ id: "b", createdAt: at(5) }),
      record({ id: "c", rubricPointId: "p2", createdAt: at(1) }),
    ]);
    expect(latest.get("p1")?.id).toBe("b");
    expect(latest.get("p2")?.id).toBe("c");
  });

  it("breaks a tie in creation time by the later id, whatever the input order", () => {
    expect(latestRegradeByPoint([record({ id: "z" }), record({ id: "a" })]).get("p1")?.id).toBe("z");
    expect(latestRegradeByPoint([record({ id: "a" }), record({ id: "z" })]).get("p1")?.id).toBe("z");
  });
});

describe("canAskRegrade", () => {
  it.each([
    [true, undefined, true],
    [true, record({ status: "open" }), false],
    [true, record({ status: "answered", isAccepted: false }), true],
    [false, undefined, false],
  ] as const)("owner %s with newest request %o: %s", (isOwn, latest, expected) => {
    expect(canAskRegrade({ isOwn }, latest)).toBe(expected);
  });
});

describe("regradeState", () => {
  it.each([
    ["open", null, "open"],
    ["answered", true, "accepted"],
    ["answered", false, "declined"],
  ] as const)("%s with isAccepted %s reads %s", (status, isAccepted, expected) => {
    expect(regradeState({ status, isAccepted })).toBe(expected);
  });
});

describe("askRegradeSchema", () => {
  it("normalises the reason: controls and bidi overrides removed, NFC, trimmed", () => {
    const parsed = askRegradeSchema.parse({ attemptId: "a1", rubricPointId: "p1", reason: "  Cafe\u0301 \u202Esilt\u0000 named  " });
    expect(parsed.reason).toBe("Café silt named");
  });

  it.each([
    ["too short", "ok"],
    ["too long", "x".repeat(REGRADE_REASON_MAX + 1)],
    ["blank after trimming", "     \u0000   "],
  ])("refuses a reason that is %s", (_label, reason) => {
    const result = askRegradeSchema.safeParse({ attemptId: "a1", rubricPointId: "p1", reason });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["reason"]);
  });

  it("refuses an id that is not a record id", () => {
    expect(askRegradeSchema.safeParse({ attemptId: "a/1", rubricPointId: "p1", reason: "I named the silt." }).success).toBe(false);
  });
});

describe("answerRegradeSchema", () => {
  it("accepts with a mark and a reply, or declines with a reply", () => {
    expect(answerRegradeSchema.parse({ requestId: "r1", decision: "accept", awarded: 1.5, reply: "Yes, you did." })).toMatchObject({ decision: "accept", awarded: 1.5 });
    expect(answerRegradeSchema.parse({ requestId: "r1", decision: "decline", reply: "The silt is not linked to fertility." })).toMatchObject({ decision: "decline" });
  });

  it.each([
    ["an accept without a mark", { requestId: "r1", decision: "accept", reply: "Yes." }],
    ["a negative mark", { requestId: "r1", decision: "accept", awarded: -1, reply: "Yes, you did." }],
    ["no reply", { requestId: "r1", decision: "decline", reply: " " }],
    ["an unknown decision", { requestId: "r1", decision: "maybe", reply: "Perhaps." }],
  ])("refuses %s", (_label, input) => {
    expect(answerRegradeSchema.safeParse(input).success).toBe(false);
  });
});
