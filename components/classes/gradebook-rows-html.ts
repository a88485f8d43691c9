import { badgeTones, type BadgeTone } from "@/components/ui/badge-tones";

import { attemptHref } from "@/lib/classes/attempt-href";

/** One cell as the server shaped it: the mark as text, the attempt that earned it (or null), moderated or not; null when unmarked. */
export type GradebookRowCell = readonly [mark: string, attemptId: string | null, isModerated: boolean] | null;

/** One student's row, already formatted on the server. */
export interface GradebookRowView {
  studentId: string;
  name: string;
  statusLabel: string;
  statusTone: BadgeTone;
  score: string;
  time: string;
  cells: readonly GradebookRowCell[];
}

/**
 * A row as the page sends it to the browser: [studentId, name, status label, status tone, score,
 * time, cells], the cells as one text — each cell "" when unmarked, else its mark, then "@" and the
 * attempt id when it links to one, then "*" when a teacher moderated it, cells separated by "|".
 * Marks are digits, fractions and signs and attempt ids are cuids, so none holds "|", "@" or "*".
 * Thousands of cells travel as one string each row instead of an array each, which the page's
 * flight payload encodes and the browser decodes in one native pass.
 */
export type GradebookRowWire = readonly [studentId: string, name: string, statusLabel: string, statusTone: BadgeTone, score: string, time: string, cells: string];

export function toRowWire(row: GradebookRowView): GradebookRowWire {
  const cells = row.cells.map((c) => (c === null ? "" : `${c[0]}${c[1] === null ? "" : `@${c[1]}`}${c[2] ? "*" : ""}`)).join("|");
  return [row.studentId, row.name, row.statusLabel, row.statusTone, row.score, row.time, cells];
}

/** The row back from its compact form; `columnCount` tells no cells ("") from one unmarked cell (""). */
export function fromRowWire(wire: GradebookRowWire, columnCount: number): GradebookRowView {
  const [studentId, name, statusLabel, statusTone, score, time, text] = wire;
  if (columnCount === 0) return { studentId, name, statusLabel, statusTone, score, time, cells: [] };
  const cells = text.split("|").map((cell): GradebookRowCell => {
    if (cell === "") return null;
    const isModerated = cell.endsWith("*");
    const body = isModerated ? cell.slice(0, -1) : cell;
    const at = body.indexOf("@");
    return at === -1 ? [body, null, isModerated] : [body.slice(0, at), body.slice(at + 1), isModerated];
  });
  return { studentId, name, statusLabel, statusTone, score, time, cells };
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text or an attribute value made inert in HTML: & < > " ' as entities. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const BADGE_CLASS = "inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium";

/**
 * The gradebook's body rows as one HTML string (every name, label and link escaped), for the rows'
 * `<tbody>` (components/classes/gradebook-rows.tsx). A class of 200 students × 20 questions is
 * thousands of cells and nothing in them is interactive (sorting and filtering are links): built as
 * text, they render in one string pass instead of an element per cell. Same markup as the Badge and
 * plain anchors; styling comes from the table (see the page), not per cell.
 */
export function gradebookRowsHtml(classId: string, workKind: "quiz" | "written", rows: readonly GradebookRowView[]): string {
  const studentBase = `/classes/${encodeURIComponent(classId)}/students/`;
  let html = "";
  for (const r of rows) {
    html += `<tr><th scope="row" class="text-left font-medium"><a href="${escapeHtml(studentBase + encodeURIComponent(r.studentId))}" class="text-accent">${escapeHtml(r.name)}</a></th>`;
    html += `<td><span class="${BADGE_CLASS} ${badgeTones[r.statusTone]}">${escapeHtml(r.statusLabel)}</span></td><td>${escapeHtml(r.score)}</td><td>${escapeHtml(r.time)}</td>`;
    for (const c of r.cells) {
      if (c === null) html += "<td>—</td>";
      else if (c[1] === null) html += `<td>${escapeHtml(c[0])}</td>`;
      else html += `<td><a href="${escapeHtml(attemptHref(workKind, c[1]))}">${escapeHtml(c[0])}${c[2] ? '<span title="Moderated">*</span>' : ""}</a></td>`;
    }
    html += "</tr>";
  }
  return html;
}
