import { describe, expect, it } from "vitest";
import { segmentByEvidence } from "@/lib/writing/highlight";

const TEXT = "Kabul shelters the TTP. Pakistan strikes back. Talks stall.";

describe("segmentByEvidence", () => {
  it("returns the whole text as one unmarked run when nothing earned a point", () => {
    expect(segmentByEvidence(TEXT, [])).toEqual([{ start: 0, end: TEXT.length, text: TEXT, labels: [] }]);
  });

  it("marks each evidence span with its point number and keeps the text between", () => {
    const runs = segmentByEvidence(TEXT, [
      { label: 1, start: 0, end: 23, quote: "Kabul shelters the TTP." },
      { label: 2, start: 24, end: 46, quote: "Pakistan strikes back." },
    ]);
    expect(runs.map((r) => [r.text, r.labels])).toEqual([
      ["Kabul shelters the TTP.", [1]],
      [" ", []],
      ["Pakistan strikes back.", [2]],
      [" Talks stall.", []],
    ]);
    expect(runs.map((r) => r.text).join("")).toBe(TEXT);
  });

  it("gives a sentence that earned two points both numbers", () => {
    const runs = segmentByEvidence(TEXT, [
      { label: 3, start: 0, end: 23, quote: "Kabul shelters the TTP." },
      { label: 1, start: 0, end: 23, quote: "Kabul shelters the TTP." },
    ]);
    expect(runs[0]).toEqual({ start: 0, end: 23, text: "Kabul shelters the TTP.", labels: [1, 3] });
  });

  it("splits overlapping spans into runs covered by one or both", () => {
    const runs = segmentByEvidence("abcdef", [
      { label: 1, start: 0, end: 4 },
      { label: 2, start: 2, end: 6 },
    ]);
    expect(runs.map((r) => [r.text, r.labels])).toEqual([
      ["ab", [1]],
      ["cd", [1, 2]],
      ["ef", [2]],
    ]);
  });

  it("moves a span whose offsets drifted to its quote's nearest occurrence", () => {
    const runs = segmentByEvidence(TEXT, [{ label: 1, start: 20, end: 30, quote: "Talks stall." }]);
    expect(runs.find((r) => r.labels.length)?.start).toBe(TEXT.indexOf("Talks stall."));
  });

  it("drops a span whose quote is not in the text, and clamps spans past the end", () => {
    expect(segmentByEvidence(TEXT, [{ label: 1, start: 0, end: 5, quote: "not there" }]).every((r) => r.labels.length === 0)).toBe(true);
    const runs = segmentByEvidence("abc", [{ label: 4, start: 1, end: 99 }]);
    expect(runs.map((r) => [r.text, r.labels])).toEqual([
      ["a", []],
      ["bc", [4]],
    ]);
  });

  it("handles an empty answer", () => {
    expect(segmentByEvidence("", [{ label: 1, start: 0, end: 3 }])).toEqual([]);
  });
});
