"use client";

import type { BadgeTone } from "@/components/ui/badge-tones";
import { Badge } from "@/components/ui/panel";

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

/**
 * The gradebook's body rows. A class of 200 students × 20 questions is thousands of cells: sent as
 * compact tuples and rendered here, the page's flight payload carries the data once instead of an
 * element tree per cell, and the server renders the HTML in one pass. Plain anchors (no client Link
 * per cell) open a student or an answer. Styling comes from the table (see the page), not per cell.
 */
export function GradebookRows({ classId, rows }: { classId: string; rows: readonly GradebookRowView[] }) {
  return (
    <tbody className="divide-y divide-border">
      {rows.map((r) => (
        <tr key={r.studentId}>
          <th scope="row" className="text-left font-medium">
            <a href={`/classes/${classId}/students/${r.studentId}`} className="text-accent">
              {r.name}
            </a>
          </th>
          <td>
            <Badge tone={r.statusTone}>{r.statusLabel}</Badge>
          </td>
          <td>{r.score}</td>
          <td>{r.time}</td>
          {r.cells.map((c, i) => (
            <td key={i}>
              {c === null ? (
                "—"
              ) : c[1] ? (
                <a href={c[1]}>
                  {c[0]}
                  {c[2] ? <span title="Moderated">*</span> : null}
                </a>
              ) : (
                c[0]
              )}
            </td>
          ))}
        </tr>
      ))}
    </tbody>
  );
}
