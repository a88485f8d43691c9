import { describe, expect, it } from "vitest";
import { escapeHtml, fromRowWire, gradebookRowsHtml, toRowWire, type GradebookRowView } from "@/components/classes/gradebook-rows-html";

const row = (over: Partial<GradebookRowView> = {}): GradebookRowView => ({
  studentId: "s1",
  name: "Asha Rao",
  statusLabel: "Submitted",
  statusTone: "good",
  score: "3 / 4",
  time: "10 min",
  cells: [["1", "a1", false], ["0", "a1", true], ["2", null, false], null],
  ...over,
});

describe("gradebookRowsHtml", () => {
  it("renders a row: the student's link, the status badge, score, time, then each cell", () => {
    expect(gradebookRowsHtml("c1", "written", [row()])).toBe(
      '<tr><th scope="row" class="text-left font-medium"><a href="/classes/c1/students/s1" class="text-accent">Asha Rao</a></th>' +
        '<td><span class="inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium bg-surface-2 text-good">Submitted</span></td><td>3 / 4</td><td>10 min</td>' +
        '<td><a href="/attempts/a1">1</a></td><td><a href="/attempts/a1">0<span title="Moderated">*</span></a></td><td>2</td><td>—</td></tr>',
    );
  });

  it("escapes what a student typed, so a name cannot inject markup or break out of an attribute", () => {
    const html = gradebookRowsHtml("c1", "written", [row({ name: `<img src=x onerror="alert(1)">Tom & 'Jerry'`, studentId: 'x" onclick="y', cells: [] })]);
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;Tom &amp; &#39;Jerry&#39;</a>");
    expect(html).not.toContain("<img");
    expect(html).toContain('href="/classes/c1/students/x%22%20onclick%3D%22y"');
  });

  it("renders nothing for no rows and one <tr> per row", () => {
    expect(gradebookRowsHtml("c1", "written", [])).toBe("");
    expect(gradebookRowsHtml("c1", "written", [row(), row({ studentId: "s2" })]).match(/<tr>/g)).toHaveLength(2);
  });

  it("escapeHtml leaves plain text (accents, dashes) as it is", () => {
    expect(escapeHtml("Zoë — naïve")).toBe("Zoë — naïve");
    expect(escapeHtml(`a<b>&"'`)).toBe("a&lt;b&gt;&amp;&quot;&#39;");
  });

  it("links a quiz's cells to the quiz's results", () => {
    expect(gradebookRowsHtml("c1", "quiz", [row({ cells: [["2", "q1", false]] })])).toContain('<td><a href="/quiz/q1/results">2</a></td>');
  });
});

describe("the rows' compact form for the browser", () => {
  it("comes back as the same rows: marks, links, moderation, unmarked cells, fractions and a name with every separator", () => {
    const rows = [
      row(),
      row({ studentId: "s2", name: "A|B@C*D \"E\"", cells: [null, null, ["½", null, true], ["-0.67", "a9", false], ["1¾", "a9", true]] }),
      row({ studentId: "s3", cells: [] }),
      row({ studentId: "s4", cells: [null] }),
    ];
    expect(rows.map(toRowWire).map((wire, i) => fromRowWire(wire, rows[i]!.cells.length))).toEqual(rows);
  });

  it("carries each row's cells as one text", () => {
    expect(toRowWire(row())[6]).toBe("1@a1|0@a1*|2|");
  });
});
