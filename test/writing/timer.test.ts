import { describe, expect, it } from "vitest";
import { formatDateTime } from "@/lib/format";
import { deadlineFor, formatClock, formatDuration, overtimeSec, remainingSec, submissionTimeNote, timeTakenSec } from "@/lib/writing/timer";

const NOW = new Date("2026-03-01T10:00:00Z");
const at = (ms: number) => NOW.getTime() + ms;

describe("attempt timing", () => {
  it("sets the deadline the time limit after the start", () => {
    expect(deadlineFor(NOW, 660)?.toISOString()).toBe("2026-03-01T10:11:00.000Z");
  });

  it.each([0, -5, null, undefined])("leaves an attempt with time limit %s untimed", (limit) => {
    expect(deadlineFor(NOW, limit)).toBeNull();
  });

  it.each([
    [0, 660],
    [659_001, 1],
    [659_999, 1],
    [660_000, 0],
    [660_999, 0],
    [661_000, -1],
    [725_000, -65],
  ])("at %i ms after the start of an 11-minute attempt, %i s remain", (elapsedMs, expected) => {
    expect(remainingSec(at(660_000), at(elapsedMs))).toBe(expected);
  });

  it.each([
    [0, "00:00"],
    [5, "00:05"],
    [659, "10:59"],
    [-65, "01:05"],
    [3723, "1:02:03"],
  ])("shows %i s on the clock as %s", (sec, text) => {
    expect(formatClock(sec)).toBe(text);
  });

  it.each([
    [45, "45 s"],
    [540, "9 min"],
    [552, "9 min 12 s"],
    [3720, "1 h 2 min"],
    [-3, "0 s"],
  ])("describes %i s as %s", (sec, text) => {
    expect(formatDuration(sec)).toBe(text);
  });

  it("measures time taken and overtime from the server's timestamps", () => {
    const submitted = new Date(at(725_000));
    expect(timeTakenSec(NOW, submitted)).toBe(725);
    expect(overtimeSec(new Date(at(660_000)), submitted)).toBe(65);
    expect(overtimeSec(new Date(at(660_000)), new Date(at(660_000)))).toBe(0);
    expect(overtimeSec(null, submitted)).toBe(0);
    expect(timeTakenSec(submitted, NOW)).toBe(0);
  });
});

describe("submissionTimeNote", () => {
  const start = NOW;
  const min = (m: number) => new Date(NOW.getTime() + m * 60_000);

  it("says an answer can still go in after time is up when nothing closes", () => {
    expect(submissionTimeNote({ startedAt: start, deadlineAt: min(7), closesAt: null })).toBe("Time allowed: 7 min; you can still submit after time is up.");
  });

  it("says until when an answer can still go in when the due time comes after the deadline", () => {
    expect(submissionTimeNote({ startedAt: start, deadlineAt: min(7), closesAt: min(60) })).toBe(
      `Time allowed: 7 min; you can still submit after time is up, until the due time (${formatDateTime(min(60))}).`,
    );
  });

  it("never says an answer can go in after time is up when the due time is the deadline", () => {
    const note = submissionTimeNote({ startedAt: start, deadlineAt: min(1.25), closesAt: min(1.25) });
    expect(note).toBe(`Time allowed: 1 min 15 s, until the due time (${formatDateTime(min(1.25))}); this assignment does not accept late work, so submit before then.`);
    expect(note).not.toContain("after time is up");
  });

  it("says nothing of time for an untimed answer that never closes", () => {
    expect(submissionTimeNote({ startedAt: start, deadlineAt: null, closesAt: null })).toBe("");
  });
});
