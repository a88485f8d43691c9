import { describe, expect, it } from "vitest";
import { endOfDayIn, formatSource, timeZoneOffsetMinutes } from "@/lib/format";

describe("time zones", () => {
  it("knows India is 5 h 30 min east of UTC", () => {
    expect(timeZoneOffsetMinutes(new Date("2026-03-01T10:00:00Z"), "Asia/Kolkata")).toBe(330);
  });

  it("ends an Indian calendar day at 18:29:59 UTC", () => {
    expect(endOfDayIn("2026-03-01", "Asia/Kolkata").toISOString()).toBe("2026-03-01T18:29:59.000Z");
  });

  it("follows daylight saving where a zone has it", () => {
    expect(endOfDayIn("2026-07-01", "Europe/London").toISOString()).toBe("2026-07-01T22:59:59.000Z");
    expect(endOfDayIn("2026-01-15", "Europe/London").toISOString()).toBe("2026-01-15T23:59:59.000Z");
  });
});

describe("formatSource", () => {
  it.each([
    ["CNA", "2026-02-27", "CNA, 27 Feb 2026"],
    ["Financial Times", "2025", "Financial Times, 2025"],
    [null, null, ""],
  ])("credits %s %s as %j", (outlet, date, expected) => {
    expect(formatSource(outlet, date)).toBe(expected);
  });
});
