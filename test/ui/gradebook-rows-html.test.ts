import { describe, expect, it } from "vitest";
import { escapeHtml, gradebookRowsHtml, type GradebookRowView } from "@/components/classes/gradebook-rows-html";

const row = (over: Partial<GradebookRowView> = {}): GradebookRowView => ({
  studentId: "s1",
  name: "Asha Rao",
  statusLabel: "Submitted",
  statusTone: "good",
  score: "3 / 4",
  time: "10 min",
  cells: [["1", "/attempts/a1", false], ["0", "/attempts/a1", true], ["2", null, false], null],
  ...over,
});

describe("gradebookRowsHtml", () => {
  it("renders a row: the student's link, the status badge, score, time, then each cell", () => {
    expect(gradebookRowsHtml("c1", [row()])).toBe(
      '<tr><th scope="row" class="text-left font-medium"><a href="/classes/c1/students/s1" class="text-accent">Asha Rao</a></th>' +
        '<td><span class="inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium bg-surface-2 text-good">Submitted</span></td><td>3 / 4</td><td>10 min</td>' +
        '<td><a href="/attempts/a1">1</a></td><td><a href="/attempts/a1">0<span title="Moderated">*</span></a></td><td>2</td><td>—</td></tr>',
    );
  });

  it("escapes what a student typed, so a name cannot inject markup or break out of an attribute", () => {
    const html = gradebookRowsHtml("c1", [row({ name: `<img src=x onerror="alert(1)">Tom & 'Jerry'`, studentId: 'x" onclick="y', cells: [] })]);
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;Tom &amp; &#39;Jerry&#39;</a>");
    expect(html).not.toContain("<img");
    expect(html).toContain('href="/classes/c1/students/x%22%20onclick%3D%22y"');
  });

  it("renders nothing for no rows and one <tr> per row", () => {
    expect(gradebookRowsHtml("c1", [])).toBe("");
    expect(gradebookRowsHtml("c1", [row(), row({ studentId: "s2" })]).match(/<tr>/g)).toHaveLength(2);
  });

  it("escapeHtml leaves plain text (accents, dashes) as it is", () => {
    expect(escapeHtml("Zoë — naïve")).toBe("Zoë — naïve");
    expect(escapeHtml(`a<b>&"'`)).toBe("a&lt;b&gt;&amp;&quot;&#39;");
  });
});
