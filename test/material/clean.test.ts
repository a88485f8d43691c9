import { describe, expect, it } from "vitest";
import { cleanText, parseDateLabel } from "@/lib/material/clean";
import { normalizeText } from "@/lib/material/normalize";

// Snippets written for these tests in the style of news pages; not copied from any source.
const PAGE = [
  "Unlock the Morning Briefing for free",
  "Jane Doe, our foreign editor, picks the week's best reads in this free newsletter.",
  "4 hours ago",
  "Border talks stall as militants regroup \u2013 DW \u2013 03/11/2025",
  "The Eastern Frontier Front (EFF) has doubled its attacks since 2023, officials said.",
  "To view this video please enable JavaScript, and consider upgrading to a web browser that supports HTML5 video",
  "\u201cWe will not negotiate under fire,\u201d said Omar Riaz, the province\u2019s home minister.",
  "Graphics by Sam Lee and mapping by Ana Ruiz",
  "To get PDF version, Please click on \"Print PDF\" button.",
  "Latest Comments",
].join("\n");

describe("cleanText", () => {
  const result = cleanText(PAGE);

  it.each([
    ["newsletter banner", "Unlock the Morning Briefing"],
    ["newsletter blurb", "this free newsletter"],
    ["relative date", "4 hours ago"],
    ["video placeholder", "enable JavaScript"],
    ["credit line", "Graphics by"],
    ["print control", "Print PDF"],
    ["comments widget", "Latest Comments"],
  ])("drops the %s", (_label, fragment) => {
    expect(result.text).not.toContain(fragment);
  });

  it("keeps the article's sentences", () => {
    expect(result.text).toContain("The Eastern Frontier Front (EFF) has doubled its attacks since 2023, officials said.");
  });

  it("lifts a title glued to its outlet and date into metadata", () => {
    expect(result.title).toBe("Border talks stall as militants regroup");
    expect(result.outlet).toBe("DW");
    expect(result.publishedAt).toBe("2025-03-11");
    expect(result.text.split("\n")[0]).toBe("Border talks stall as militants regroup");
  });

  it("lifts a date label glued to the title line", () => {
    const glued = cleanText(" date 2025-06-30 Why the frontier is burning again\nFighting resumed on Monday after a lull of three weeks.");
    expect(glued.publishedAt).toBe("2025-06-30");
    expect(glued.title).toBe("Why the frontier is burning again");
    expect(glued.text.startsWith("Why the frontier is burning again\n")).toBe(true);
  });

  it("records why each line was removed", () => {
    expect(result.removed.map((r) => r.reason)).toContain("video or media placeholder");
  });

  it("removes furniture glued to the end of the last line", () => {
    const glued = cleanText("Both sides agreed to meet again in Doha next month to review the truce.Latest Comments");
    expect(glued.text).toBe("Both sides agreed to meet again in Doha next month to review the truce.");
  });

  it("strips a wire dateline before the lede", () => {
    expect(cleanText("KABUL: Officials said on Monday that the border crossing would reopen for trucks.").text).toBe(
      "Officials said on Monday that the border crossing would reopen for trucks.",
    );
  });

  it("does not drop a long sentence that merely mentions a newsletter", () => {
    const line =
      "The ministry's weekly newsletter, circulated to district officers across the province, warned that recruitment by armed groups had risen sharply in the border districts during the past two years of the conflict.";
    expect(cleanText(line).text).toBe(line);
  });
});

describe("normalizeText", () => {
  it("straightens quotes and apostrophes", () => {
    expect(normalizeText("\u201cIt\u2019s over,\u201d she said")).toBe("\"It's over,\" she said");
  });
  it("turns a spaced dash into a spaced hyphen and an unspaced one into a hyphen", () => {
    expect(normalizeText("Kabul \u2014 and Islamabad \u2013 agreed; the Iran\u2013Iraq border")).toBe("Kabul - and Islamabad - agreed; the Iran-Iraq border");
  });
  it("collapses spaced dots into an ellipsis and runs of spaces into one", () => {
    expect(normalizeText("wait . . . for  it\u00a0now")).toBe("wait ... for it now");
  });
});

describe("parseDateLabel", () => {
  it.each([
    ["2026-02-27", "2026-02-27"],
    ["08/14/2025", "2025-08-14"],
    ["14 August 2025", "2025-08-14"],
    ["Aug 14, 2025", "2025-08-14"],
    ["someday", null],
  ])("reads %s", (label, iso) => {
    expect(parseDateLabel(label)).toBe(iso);
  });
});

describe("cleanText on an HTML-like page", () => {
  const page = cleanText(
    [
      "Rates hold as inflation cools | The Ledger",
      "Rates hold as inflation cools",
      "By Priya Nair \u00b7 3 hours ago",
      "The central bank kept its benchmark rate at 6.5% on Thursday.",
    ].join("\n"),
  );
  it("splits a page title from its outlet", () => {
    expect(page).toMatchObject({ title: "Rates hold as inflation cools", outlet: "The Ledger" });
  });
  it("keeps the title once and drops the byline with its relative date", () => {
    expect(page.text).toBe("Rates hold as inflation cools\nThe central bank kept its benchmark rate at 6.5% on Thursday.");
  });
});

describe("sentence starts vouched for by citation markers on a long line", () => {
  it("finds every start, also after a long run of markers and far into the line", () => {
    const run = Array.from({ length: 30 }, (_, i) => `[${i + 1}]`).join("");
    const filler = "The commission heard evidence from many districts. ".repeat(60);
    const line = `${filler}The war ended in 1918.${run} Peace talks began at once. ${filler}The treaty was signed.[7] Trade resumed.`;
    const { text, sentenceStarts } = cleanText(line);
    expect(sentenceStarts.map((at) => text.slice(at, at + 12))).toEqual(["Peace talks ", "Trade resume"]);
  });
});
