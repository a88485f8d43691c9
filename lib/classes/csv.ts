import Papa from "papaparse";

/**
 * CSV that opens cleanly in a spreadsheet: UTF-8 with a byte-order mark (so Excel reads accents),
 * CRLF line ends, every field quoted where needed (papaparse), and formula injection neutralised —
 * a text cell starting with = + - @, a tab or a carriage return gets a leading apostrophe, so a
 * spreadsheet shows it as text instead of running it (OWASP "CSV Injection").
 */

const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell made safe for a spreadsheet: numbers stay numbers; risky text gains a leading apostrophe. */
export function neutraliseCell(value: string | number | null | undefined): string | number {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? value : "";
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export const UTF8_BOM = "\uFEFF";

/** The CSV text (with its BOM) of a header row and data rows. */
export function toSpreadsheetCsv(headers: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  const data = [headers.map(neutraliseCell), ...rows.map((r) => r.map(neutraliseCell))];
  return UTF8_BOM + Papa.unparse(data, { newline: "\r\n", quotes: false, header: false });
}

/** A download's file name: `<kind>-<title as a lowercase ASCII slug>.csv` ("untitled" when no letter or digit of the title is ASCII). */
export function csvFileName(kind: string, title: string): string {
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
  return `${kind}-${slug || "untitled"}.csv`;
}
