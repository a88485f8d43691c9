import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MostMissedList } from "@/components/classes/most-missed-list";
import type { HeatCell } from "@/lib/classes/gradebook";

const cell = (text: string): HeatCell => ({ id: "p1", label: "Q1 · 1", text, markedCount: 4, missedCount: 2, partlyCount: 0, missedShare: 0.5, partlyShare: 0, meanEarnedShare: 0.5 });
const render = (text: string) =>
  renderToStaticMarkup(createElement(MostMissedList, { mostMissed: { cells: [cell(text)], minMarked: 3, tooFewCount: 0, eligibleCount: 1 }, itemNoun: "point", base: "/b" }));

describe("Most missed: a long point's text", () => {
  it("is cut between characters, never inside one (a character of two code units at the cut), the whole text on hover", () => {
    const text = `${"x".repeat(88)}𝒜 and the rest of the point`;
    const html = render(text);
    expect(html).toContain(`title="${text}"`);
    expect(html).toContain(`>${"x".repeat(88)}𝒜…</span>`);
    expect(html).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it("is shown whole, without a title, when it is short enough", () => {
    const html = render("Sanctuaries sustain attacks.");
    expect(html).toContain(">Sanctuaries sustain attacks.</span>");
    expect(html).not.toContain("title=");
  });
});

describe("Most missed: the share earned as a bar", () => {
  const withShare = (meanEarnedShare: number) =>
    renderToStaticMarkup(
      createElement(MostMissedList, { mostMissed: { cells: [{ ...cell("A point."), meanEarnedShare }], minMarked: 3, tooFewCount: 0, eligibleCount: 1 }, itemNoun: "point", base: "/b" }),
    );

  it("is as long as the share and coloured by how much was missed, hidden from screen readers (the text says it)", () => {
    expect(withShare(0.2)).toMatch(/aria-hidden="true"[^>]*data-testid="earned-bar"><span class="[^"]*bg-bad[^"]*" style="width:20%"/);
    expect(withShare(0.5)).toMatch(/bg-warn[^"]*" style="width:50%"/);
    expect(withShare(0.8)).toMatch(/bg-accent[^"]*" style="width:80%"/);
    expect(withShare(0.2)).toContain("20 % earned");
  });

  it("keeps a sliver for a point nobody earned, so the bar is seen as empty rather than missing", () => {
    expect(withShare(0)).toMatch(/bg-bad[^"]*" style="width:2%"/);
  });
});
