"use client";

import { gradebookRowsHtml, type GradebookRowView } from "./gradebook-rows-html";

/**
 * The gradebook's body rows: the page sends them as compact per-cell tuples (its flight payload
 * carries the data once, not the markup), and they render here as one escaped HTML string on the
 * server and again, identically, when the browser hydrates — no element per cell either side.
 */
export function GradebookRows({ classId, rows }: { classId: string; rows: readonly GradebookRowView[] }) {
  return <tbody className="divide-y divide-border" dangerouslySetInnerHTML={{ __html: gradebookRowsHtml(classId, rows) }} />;
}
