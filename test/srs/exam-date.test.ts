import { describe, expect, it, vi } from "vitest";
import { EXAM_DATE_MAX_YEARS, examDateBounds } from "@/lib/srs/exam-date";
import { learnerSettingsSchema } from "@/lib/srs/settings";

const TODAY = "2026-12-07";
const form = (examDate: string) => ({ examDate, newCardsPerDay: "20", desiredRetention: "0.9" });

describe("examDateBounds", () => {
  it("runs from tomorrow to five years ahead", () => {
    expect(EXAM_DATE_MAX_YEARS).toBe(5);
    expect(examDateBounds(TODAY)).toEqual({ earliest: "2026-12-08", latest: "2031-12-07" });
  });

  it("moves 29 February on to 1 March in a year without one", () => {
    expect(examDateBounds("2028-02-29").latest).toBe("2033-03-01");
  });
});

describe("learnerSettingsSchema exam date", () => {
  it.each(["2026-12-08", "2031-12-07"])("accepts %s", (examDate) => {
    expect(learnerSettingsSchema(TODAY).safeParse(form(examDate)).success).toBe(true);
  });

  it.each(["2031-12-08", "9999-12-31"])("refuses %s, further ahead than five years, saying the last date it takes (new-user test)", (examDate) => {
    const parsed = learnerSettingsSchema(TODAY).safeParse(form(examDate));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({ path: ["examDate"], message: "The exam date must be within 5 years: on or before 7 Dec 2031." });
  });

  it("names the same last day in a display zone ahead of UTC+12", async () => {
    vi.stubEnv("CRUX_TIME_ZONE", "Pacific/Auckland");
    vi.resetModules();
    try {
      const { learnerSettingsSchema: inAuckland } = await import("@/lib/srs/settings");
      const parsed = inAuckland(TODAY).safeParse(form("2031-12-08"));
      expect(parsed.error?.issues[0]?.message).toBe("The exam date must be within 5 years: on or before 7 Dec 2031.");
    } finally {
      vi.unstubAllEnvs();
      vi.resetModules();
    }
  });

  it("still refuses today and the past", () => {
    expect(learnerSettingsSchema(TODAY).safeParse(form(TODAY)).error?.issues[0]?.message).toBe("The exam date must be after today.");
  });

  it("keeps a date already on record when it is sent back unchanged", () => {
    expect(learnerSettingsSchema(TODAY, "2026-11-01").safeParse(form("2026-11-01")).success).toBe(true);
  });
});
