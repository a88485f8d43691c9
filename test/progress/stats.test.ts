import { describe, expect, it } from "vitest";
import { addDays, cardMasteryByTheme, forecastDueByDay, masteryByDimension, masteryByTheme, reviewStreak, scoresOverTime, trueRetention } from "@/lib/progress/stats";

/** The calendar day `days` after `dayKey` as Date arithmetic gives it: the reference addDays must agree with. */
const addDaysByDate = (dayKey: string, days: number) => new Date(Date.parse(`${dayKey}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Counts Date objects constructed while `fn` runs (Next.js wraps the Date constructor during requests, so each costs more there). */
function datesConstructedBy(fn: () => void): number {
  const RealDate = globalThis.Date;
  let constructed = 0;
  globalThis.Date = new Proxy(RealDate, {
    construct(target, args: unknown[], newTarget: new (...a: unknown[]) => object) {
      constructed++;
      return Reflect.construct(target, args, newTarget) as object;
    },
  });
  try {
    fn();
  } finally {
    globalThis.Date = RealDate;
  }
  return constructed;
}

describe("addDays", () => {
  it.each([
    ["2026-03-01", -1, "2026-02-28"],
    ["2024-02-28", 1, "2024-02-29"],
    ["2100-02-28", 1, "2100-03-01"],
    ["2000-02-28", 1, "2000-02-29"],
    ["2026-12-31", 1, "2027-01-01"],
    ["2026-01-01", -366, "2024-12-31"],
    ["1970-01-01", -1, "1969-12-31"],
  ])("moves %s by %i days to %s", (key, days, expected) => {
    expect(addDays(key, days)).toBe(expected);
  });

  it("agrees with calendar arithmetic on every day from 1990 to 2110", () => {
    const mismatches: string[] = [];
    for (let key = "1990-01-01"; key < "2110-01-01"; key = addDaysByDate(key, 1)) {
      for (const days of [1, -1, 7, -30, 366]) if (addDays(key, days) !== addDaysByDate(key, days)) mismatches.push(`${key} ${days}`);
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
  });

  it.each(["2026-13-01", "2026-02-30", "2026-1-01", "", "yesterday"])("refuses %j, which is no calendar day", (key) => {
    expect(() => addDays(key, 1)).toThrow(RangeError);
  });
});

describe("forecastDueByDay", () => {
  it("counts overdue cards today and leaves out days past the window", () => {
    const forecast = forecastDueByDay(
      [
        { day: "2026-02-20", count: 4 },
        { day: "2026-02-27", count: 1 },
        { day: "2026-03-01", count: 2 },
        { day: "2026-03-03", count: 5 },
        { day: "2026-03-09", count: 7 },
      ],
      "2026-03-01",
      7,
    );
    expect(forecast).toHaveLength(7);
    expect(forecast[0]).toEqual({ day: "2026-03-01", due: 7 });
    expect(forecast[2]).toEqual({ day: "2026-03-03", due: 5 });
    expect(forecast.reduce((s, d) => s + d.due, 0)).toBe(12);
  });
});

describe("trueRetention", () => {
  it("counts only recall tests of cards in review, passed when not rated Again", () => {
    const result = trueRetention([
      { rating: 1, state: "review", count: 1 },
      { rating: 3, state: "review", count: 3 },
      { rating: 1, state: "learning", count: 5 },
    ]);
    expect(result).toEqual({ retention: 0.75, reviews: 4 });
  });

  it("is null with no recall tests", () => {
    expect(trueRetention([{ rating: 3, state: "new", count: 2 }]).retention).toBeNull();
  });
});

describe("reviewStreak", () => {
  it("counts days in a row ending today", () => {
    expect(reviewStreak(new Set(["2026-02-27", "2026-02-28", "2026-03-01"]), "2026-03-01")).toBe(3);
  });
  it("is not broken before today's reviews are done", () => {
    expect(reviewStreak(new Set(["2026-02-27", "2026-02-28"]), "2026-03-01")).toBe(2);
  });
  it("is zero after a missed day", () => {
    expect(reviewStreak(new Set(["2026-02-27"]), "2026-03-01")).toBe(0);
  });
  it("follows a streak across a year end and a leap day", () => {
    const days = Array.from({ length: 400 }, (_, i) => addDaysByDate("2025-01-31", i));
    expect(reviewStreak(new Set(days), days.at(-1)!)).toBe(400);
    expect(reviewStreak(new Set(days.filter((d) => d !== "2025-12-31")), days.at(-1)!)).toBe(days.length - 1 - days.indexOf("2025-12-31"));
  });
  it("walks a year-long streak without building a Date per day (Next.js wraps the Date constructor in requests)", () => {
    const year = new Set(Array.from({ length: 366 }, (_, i) => addDaysByDate("2026-03-01", -i)));
    let streak = 0;
    expect(datesConstructedBy(() => (streak = reviewStreak(year, "2026-03-01")))).toBe(0);
    expect(streak).toBe(366);
  });
});

describe("scores and mastery", () => {
  it("turns graded attempts into percentages in time order", () => {
    const points = scoresOverTime([
      { kind: "written_practice", submittedAt: new Date("2026-03-02"), score: 6, maxScore: 15, title: "Q" },
      { kind: "quiz", submittedAt: new Date("2026-03-01"), score: 3, maxScore: 4, title: "Quiz" },
      { kind: "quiz", submittedAt: new Date("2026-03-03"), score: 0, maxScore: 0, title: "Empty" },
    ]);
    expect(points.map((p) => p.percent)).toEqual([75, 40]);
  });

  it("ranks themes and rubric dimensions weakest first", () => {
    const marks = [
      { theme: "Security", dimension: "content", awarded: 2, max: 2 },
      { theme: "Diplomatic", dimension: "content", awarded: 0, max: 2 },
      { theme: "Structure", dimension: "introduction", awarded: 0.25, max: 1 },
    ];
    expect(masteryByTheme(marks).map((m) => m.label)).toEqual(["Diplomatic", "Structure", "Security"]);
    expect(masteryByDimension(marks)[0]).toMatchObject({ label: "introduction", share: 0.25, missed: 0 });
  });

  it("counts a quiz answer lost under negative marking as nothing earned, not less", () => {
    const marks = [
      { theme: "Durand Line", awarded: 2, max: 2 },
      { theme: "Durand Line", awarded: -0.67, max: 2 },
      { theme: "Structure", dimension: "introduction", awarded: 0.5, max: 1 },
    ];
    expect(masteryByTheme(marks)).toEqual([
      { label: "Durand Line", share: 0.5, earned: 2, available: 4, missed: 1 },
      { label: "Structure", share: 0.5, earned: 0.5, available: 1, missed: 0 },
    ]);
  });

  it("gives each set its share of mature cards, adding up sets of one title", () => {
    expect(
      cardMasteryByTheme([
        { theme: "TTP", seen: 3, mature: 1, total: 3 },
        { theme: "Durand Line", seen: 4, mature: 4, total: 4 },
        { theme: "TTP", seen: 1, mature: 1, total: 1 },
      ]),
    ).toEqual([
      { label: "Durand Line", share: 1, mature: 4, seen: 4, total: 4 },
      { label: "TTP", share: 0.5, mature: 2, seen: 4, total: 4 },
    ]);
  });
});
