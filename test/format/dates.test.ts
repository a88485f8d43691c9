import { describe, expect, it } from "vitest";
import { endOfDayIn, formatDateTime, formatSource, formatTimeOfDay, timeZoneOffsetMinutes } from "@/lib/format";

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

describe("formatTimeOfDay", () => {
  const at = new Date("2026-03-01T21:01:00Z");

  it("shows the time in the app's time zone on the 24-hour clock, whatever the device's zone", () => {
    expect(formatTimeOfDay(at, "Asia/Kolkata")).toBe("02:31");
    expect(formatTimeOfDay(at, "Europe/London")).toBe("21:01");
  });

  it("matches the time of day the rest of the app shows", () => {
    expect(formatDateTime(at).endsWith(formatTimeOfDay(at))).toBe(true);
  });
});

