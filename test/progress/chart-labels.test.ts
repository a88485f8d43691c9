import { describe, expect, it } from "vitest";
import { categoryChartHeightPx, wrapLabel } from "@/lib/progress/chart-labels";

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

  it("cuts a word longer than a line", () => {
    expect(wrapLabel("Counterinsurgency", 8, 3)).toEqual(["Counteri", "nsurgenc", "y"]);
  });

  it("ends the last line with an ellipsis when the label needs more lines than allowed", () => {
    expect(wrapLabel("aaaa bbbb cccc dddd", 4, 2)).toEqual(["aaaa", "bbb…"]);
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
