import { describe, expect, it } from "vitest";
import { DISPLAY_TIME_ZONE, dayKeyIn, endOfDayIn, startOfDayIn, formatDate, formatDateTime, formatSource, formatTimeOfDay, timeInputHint, timeZoneOffsetMinutes, utcOffsetLabel, zoneLabel, zoneLabelsAround } from "@/lib/format";

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

  // A review found the offset taken at the day's digits in UTC, not at its local midnight: on the day Sydney's summer time
  // starts the day began at 23:00 of the day before, and a forecast's last day lost its last hour of cards.
  it.each([
    ["2026-10-04", "Australia/Sydney", "2026-10-03T14:00:00.000Z"],
    ["2026-09-27", "Pacific/Auckland", "2026-09-26T12:00:00.000Z"],
    ["2026-09-06", "America/Santiago", "2026-09-06T04:00:00.000Z"], // clocks skip 00:00–01:00: the day starts at 01:00
    ["2026-04-05", "America/Santiago", "2026-04-05T04:00:00.000Z"],
    ["2026-10-25", "Europe/London", "2026-10-24T23:00:00.000Z"],
    ["2026-03-01", "Asia/Kolkata", "2026-02-28T18:30:00.000Z"],
  ])("starts %s in %s at its first instant, on days the clocks change too", (day, zone, expected) => {
    const start = startOfDayIn(day, zone);
    expect(start.toISOString()).toBe(expected);
    expect(dayKeyIn(start, zone)).toBe(day);
    expect(dayKeyIn(new Date(start.getTime() - 1), zone)).not.toBe(day);
    const end = endOfDayIn(day, zone);
    expect(dayKeyIn(end, zone)).toBe(day);
    expect(dayKeyIn(new Date(end.getTime() + 1000), zone)).not.toBe(day);
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

  it("also gives the labels of times already known that the page shows, such as a draft saved before the clocks changed", () => {
    const now = new Date("2026-03-29T12:00:00Z");
    const savedAt = new Date("2026-03-28T20:00:00Z");
    const labels = zoneLabelsAround(now, "Europe/London", [savedAt]);
    expect(labels).toEqual({ "0": "GMT", "60": "BST" });
    expect(formatTimeOfDay(savedAt, "Europe/London", labels)).toBe("20:00 GMT");
  });

  it("switches label exactly when the clocks change, whichever instants of that day were named first", () => {
    for (const [zone, change, before, after] of [
      ["Europe/London", "2026-03-29T01:00:00Z", "GMT", "BST"],
      ["Europe/London", "2026-10-25T01:00:00Z", "BST", "GMT"],
      ["Australia/Sydney", "2026-04-04T16:00:00Z", "AEDT", "AEST"],
      ["America/New_York", "2026-11-01T06:00:00Z", "EDT", "EST"],
    ] as const) {
      const t = new Date(change).getTime();
      // The days around it named first at other hours.
      for (let h = -30; h <= 30; h += 6) zoneLabel(new Date(t + h * 3_600_000), zone);
      expect([zoneLabel(new Date(t - 1), zone), zoneLabel(new Date(t), zone)]).toEqual([before, after]);
      expect([zoneLabel(new Date(t - 86_400_000), zone), zoneLabel(new Date(t + 86_400_000), zone)]).toEqual([before, after]);
    }
  });

  it("names each instant of a year by the offset the zone has then (one label per offset)", () => {
    for (const zone of ["Europe/London", "Australia/Lord_Howe", "America/Santiago", "Asia/Kolkata", "Pacific/Chatham"]) {
      const labelOf = new Map<number, string>();
      for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 47 * 60_000) {
        const at = new Date(t);
        const offset = timeZoneOffsetMinutes(at, zone);
        const label = zoneLabel(at, zone);
        expect(labelOf.get(offset) ?? label, `${zone} at ${at.toISOString()}`).toBe(label);
        labelOf.set(offset, label);
      }
      expect(new Set(labelOf.values()).size).toBe(labelOf.size);
    }
  });
});

describe("timeInputHint", () => {
  it.each([
    ["Asia/Kolkata", "Time in IST (Asia/Kolkata), as Crux shows every time."],
    ["UTC", "Time in UTC, as Crux shows every time."],
    ["America/Sao_Paulo", "Time in UTC-3 (America/Sao_Paulo), as Crux shows every time."],
  ])("tells in which zone a time typed for %s is read", (zone, expected) => {
    expect(timeInputHint(new Date("2026-01-15T12:00:00Z"), zone)).toBe(expected);
  });

  it.each([
    ["Europe/London", "Time in Europe/London (GMT/BST), as Crux shows every time."],
    ["Australia/Sydney", "Time in Australia/Sydney (AEST/AEDT), as Crux shows every time."],
    ["America/New_York", "Time in America/New_York (EST/EDT), as Crux shows every time."],
  ])("names both labels of %s, whose clocks change with the season, in either season", (zone, expected) => {
    expect(timeInputHint(new Date("2026-01-15T12:00:00Z"), zone)).toBe(expected);
    expect(timeInputHint(new Date("2026-07-15T12:00:00Z"), zone)).toBe(expected);
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

