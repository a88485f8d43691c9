import { badgeTones, type BadgeTone } from "@/components/ui/badge-tones";

/** One cell as the server shaped it: the mark as text, where to open the answer (or null), moderated or not; null when unmarked. */
export type GradebookRowCell = readonly [mark: string, href: string | null, isModerated: boolean] | null;

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

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text or an attribute value made inert in HTML: & < > " ' as entities. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const BADGE_CLASS = "inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium";

/**
 * The gradebook's body rows as one HTML string (every name, label and link escaped), for the page's
 * `<tbody>`. A class of 200 students × 20 questions is thousands of cells and nothing in them is
 * interactive (sorting and filtering are links): built as text, the server renders them in one
 * string pass instead of an element per cell and its flight payload carries them once, and the
 * browser has nothing to hydrate there. Same markup as the Badge and plain anchors; styling comes from
 * the table (see the page), not per cell.
 */
export function gradebookRowsHtml(classId: string, rows: readonly GradebookRowView[]): string {
  const studentBase = `/classes/${encodeURIComponent(classId)}/students/`;
  let html = "";
  for (const r of rows) {
    html += `<tr><th scope="row" class="text-left font-medium"><a href="${escapeHtml(studentBase + encodeURIComponent(r.studentId))}" class="text-accent">${escapeHtml(r.name)}</a></th>`;
    html += `<td><span class="${BADGE_CLASS} ${badgeTones[r.statusTone]}">${escapeHtml(r.statusLabel)}</span></td><td>${escapeHtml(r.score)}</td><td>${escapeHtml(r.time)}</td>`;
    for (const c of r.cells) {
      if (c === null) html += "<td>—</td>";
      else if (c[1] === null) html += `<td>${escapeHtml(c[0])}</td>`;
      else html += `<td><a href="${escapeHtml(c[1])}">${escapeHtml(c[0])}${c[2] ? '<span title="Moderated">*</span>' : ""}</a></td>`;
    }
    html += "</tr>";
  }
  return html;
}
