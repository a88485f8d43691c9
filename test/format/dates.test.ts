import { describe, expect, it } from "vitest";
import { DISPLAY_TIME_ZONE, endOfDayIn, formatDate, formatDateTime, formatSource, formatTimeOfDay, timeInputHint, timeZoneOffsetMinutes, utcOffsetLabel, zoneLabel, zoneLabelsAround } from "@/lib/format";

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

  it("shows the time in the app's time zone on the 24-hour clock, whatever the device's zone, with the zone's name", () => {
    expect(formatTimeOfDay(at, "Asia/Kolkata")).toBe("02:31 IST");
    expect(formatTimeOfDay(at, "Europe/London")).toBe("21:01 GMT");
  });

  it("matches the time of day the rest of the app shows", () => {
    expect(formatDateTime(at).endsWith(formatTimeOfDay(at))).toBe(true);
  });

  it("takes the zone's name from the labels the server handed over, by the offset then", () => {
    expect(formatTimeOfDay(at, "Asia/Kolkata", { "330": "IST" })).toBe("02:31 IST");
    expect(formatTimeOfDay(at, "Asia/Kolkata", { "60": "BST" })).toBe("02:31 IST");
    expect(formatTimeOfDay(at, "Asia/Kolkata", zoneLabelsAround(at, "Asia/Kolkata"))).toBe("02:31 IST");
  });
});

describe("zone labels", () => {
  const winter = new Date("2026-01-15T12:00:00Z");
  const summer = new Date("2026-07-15T12:00:00Z");

  it.each([
    ["Asia/Kolkata", winter, "IST"],
    ["Europe/London", winter, "GMT"],
    ["Europe/London", summer, "BST"],
    ["America/New_York", winter, "EST"],
    ["America/New_York", summer, "EDT"],
    ["Europe/Berlin", summer, "CEST"],
    ["Australia/Sydney", winter, "AEDT"],
    ["Asia/Singapore", winter, "SGT"],
    ["UTC", winter, "UTC"],
  ])("names %s at %s by its abbreviation, %s", (zone, at, expected) => {
    expect(zoneLabel(at, zone)).toBe(expected);
  });

  it.each([
    ["Asia/Kathmandu", "UTC+5:45"],
    ["Asia/Tokyo", "UTC+9"],
    ["America/Sao_Paulo", "UTC-3"],
    ["Europe/Dublin", "UTC+1"],
  ])("names %s by its UTC offset where English speakers there use no abbreviation (or one that names another zone)", (zone, expected) => {
    expect(zoneLabel(summer, zone)).toBe(expected);
  });

  it.each([
    [0, "UTC"],
    [330, "UTC+5:30"],
    [-210, "UTC-3:30"],
    [-300, "UTC-5"],
  ])("writes an offset of %d minutes as %s", (minutes, expected) => {
    expect(utcOffsetLabel(minutes)).toBe(expected);
  });

  it("gives a client the labels of both sides of a change of clocks within the next day", () => {
    expect(zoneLabelsAround(new Date("2026-03-28T12:00:00Z"), "Europe/London")).toEqual({ "0": "GMT", "60": "BST" });
    expect(zoneLabelsAround(winter, "Asia/Kolkata")).toEqual({ "330": "IST" });
  });
});

describe("timeInputHint", () => {
  it.each([
    ["Asia/Kolkata", "Time in IST (Asia/Kolkata), as Crux shows every time."],
    ["UTC", "Time in UTC, as Crux shows every time."],
  ])("tells in which zone a time typed for %s is read", (zone, expected) => {
    expect(timeInputHint(new Date("2026-01-15T12:00:00Z"), zone)).toBe(expected);
  });
});

describe("formatDateTime and formatDate", () => {
  const at = new Date("2026-12-05T11:30:00Z");

  it("shows a date and time of day with the display zone's name", () => {
    expect(DISPLAY_TIME_ZONE).toBe("Asia/Kolkata");
    expect(formatDateTime(at)).toBe("5 Dec, 17:00 IST");
  });

  it("shows a calendar date without a zone", () => {
    expect(formatDate(at)).toBe("5 Dec 2026");
  });
});

