"use client";

import { fromRowWire, gradebookRowsHtml, type GradebookRowWire } from "./gradebook-rows-html";

/**
 * The gradebook's body rows: the page sends them compactly (one text of cells per row, see
 * GradebookRowWire — its flight payload carries the data once, not the markup), and they render
 * here as one escaped HTML string on the server and again, identically, when the browser hydrates —
 * no element per cell either side.
 */
export function GradebookRows({ classId, workKind, columnCount, rows }: { classId: string; workKind: "quiz" | "written"; columnCount: number; rows: readonly GradebookRowWire[] }) {
  const views = rows.map((row) => fromRowWire(row, columnCount));
  return <tbody className="divide-y divide-border" dangerouslySetInnerHTML={{ __html: gradebookRowsHtml(classId, workKind, views) }} />;
}
