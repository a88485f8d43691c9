import { describe, expect, it } from "vitest";
import { categoryChartHeightPx, endLabelRoomPx, scoreDayTicks, wrapLabel } from "@/lib/progress/chart-labels";

describe("wrapLabel", () => {
  it("keeps a label that fits on one line", () => {
    expect(wrapLabel("Introduction", 16)).toEqual(["Introduction"]);
  });

  it("breaks between words so no line is longer than the limit", () => {
    const lines = wrapLabel("Pakistan's relations with the Taliban government", 16);
    expect(lines).toEqual(["Pakistan's", "relations with", "the Taliban…"]);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(16);
  });

  it("shows every word when the lines allow it", () => {
    expect(wrapLabel("Word limit and structure", 12, 3)).toEqual(["Word limit", "and", "structure"]);
  });

  it("breaks a dashed compound after its dash, never inside a word", () => {
    expect(wrapLabel("Pakistan–Afghanistan conflict and counter-terrorism cooperation", 16, 3)).toEqual(["Pakistan–", "Afghanistan", "conflict and…"]);
    expect(wrapLabel("The TTP, the Pakistan–Afghanistan conflict", 16, 4)).toEqual(["The TTP, the", "Pakistan–", "Afghanistan", "conflict"]);
  });

  it("keeps a dashed compound whole when it fits", () => {
    expect(wrapLabel("Counter-terrorism", 18)).toEqual(["Counter-terrorism"]);
    expect(wrapLabel("India–Pakistan talks", 16)).toEqual(["India–Pakistan", "talks"]);
  });

  it("does not break after a dash that starts a number or stands alone", () => {
    expect(wrapLabel("Rainfall −5 to -10 per cent — the worst year", 12, 5)).toEqual(["Rainfall −5", "to -10 per", "cent — the", "worst year"]);
  });

  it("shortens a word longer than a line with an ellipsis on its own line instead of continuing it on the next", () => {
    expect(wrapLabel("Counterinsurgency operations", 8, 3)).toEqual(["Counter…", "operati…"]);
  });

  it("ends the last line with an ellipsis when the label needs more lines than allowed, dropping whole words for it", () => {
    expect(wrapLabel("aaaa bbbb cccc dddd", 4, 2)).toEqual(["aaaa", "bbb…"]);
    expect(wrapLabel("aa bb cc dd ee ff", 5, 2)).toEqual(["aa bb", "cc…"]);
  });

  it.each([
    ["Pakistan–Afghanistan conflict", 12],
    ["Relations between the Taliban government and Islamabad", 10],
    ["Cross-border militancy and counter-insurgency", 10],
  ])("never splits a word of %j across lines (width %i)", (label, width) => {
    const lines = wrapLabel(label, width, 10);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(width);
    expect(lines.join(" ").replace(/([-–—]) /g, "$1")).toBe(label);
  });

  it("gives one empty line for an empty label", () => {
    expect(wrapLabel("   ", 10)).toEqual([""]);
  });
});

describe("categoryChartHeightPx", () => {
  const layout = { lineHeightPx: 14, rowPaddingPx: 16, axisPx: 24 };

  it("sizes every row for the label with the most lines", () => {
    expect(categoryChartHeightPx([1, 3, 2, 1], layout)).toBe(24 + 4 * (3 * 14 + 16));
  });

  it("gives a row at least one line", () => {
    expect(categoryChartHeightPx([0], layout)).toBe(24 + 14 + 16);
  });

  it("is only the axis with no rows", () => {
    expect(categoryChartHeightPx([], layout)).toBe(24);
  });
});

describe("scoreDayTicks", () => {
  it("gives several scores on one day a single tick, at the day's first score (new-user test: '7 Dec 2026' three times)", () => {
    expect(scoreDayTicks(["2026-12-07", "2026-12-07", "2026-12-07"])).toEqual({ ticks: [0], labels: ["7 Dec"] });
  });

  it("puts one tick on each day, every label different", () => {
    const axis = scoreDayTicks(["2026-11-30", "2026-12-01", "2026-12-01", "2026-12-07", "2026-12-07"]);
    expect(axis).toEqual({ ticks: [0, 1, 3], labels: ["30 Nov", "1 Dec", "7 Dec"] });
    expect(new Set(axis.labels).size).toBe(axis.labels.length);
  });

  it("adds the year when the scores span years, so 7 Dec of two years differ", () => {
    expect(scoreDayTicks(["2025-12-07", "2026-01-02", "2026-12-07"]).labels).toEqual(["7 Dec ’25", "2 Jan ’26", "7 Dec ’26"]);
  });

  it("has no ticks without scores", () => {
    expect(scoreDayTicks([])).toEqual({ ticks: [], labels: [] });
  });
});

describe("endLabelRoomPx", () => {
  it("leaves half the longest label after the last point, so it is not clipped at the edge", () => {
    expect(endLabelRoomPx(["7 Dec"], 7)).toBe(22);
    expect(endLabelRoomPx(["30 Nov", "7 Dec ’26"], 7)).toBe(36);
  });
});
