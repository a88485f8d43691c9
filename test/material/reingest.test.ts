import { describe, expect, it } from "vitest";
import { cleanText } from "@/lib/material/clean";
import { ingestMaterial } from "@/lib/material/ingest";
import { isAppError } from "@/lib/errors";
import type { ProcessedMaterial } from "@/lib/material/schemas";

// Written for this test: after "World War I." and before "A. K. Verma" only the removed footnote
// marker shows that a new sentence begins; the stored (cleaned) text no longer has the markers.
const CONTENT = [
  "Veterans' league",
  "",
  "The regiment served in Flanders throughout World War I.[41] Its veterans founded a league in 1920.[b] Its first secretary was a clerk from Ypres, appointed by Col.[7] A. K. Verma led the league until 1931.[citation needed] The league's hall covers 40 km².",
].join("\n");

const first = ingestMaterial({ source: "league", content: CONTENT });

/** The engine read of a stored material, as the re-ingest paths make it. */
const reread = (text: string, sentenceStarts?: number[]) => ingestMaterial({ title: first.material.title, source: "league", format: "text", content: text, ...(sentenceStarts ? { sentenceStarts } : {}) });

const spans = (pm: ProcessedMaterial) => pm.sentences.map((s) => ({ start: s.start, end: s.end, text: s.text }));

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (isAppError(e) && e.code === "INVALID") return e.message;
    throw e;
  }
  throw new Error("expected AppError(INVALID)");
}

describe("re-reading a stored material with its sentence starts", () => {
  it("records where the removed markers ended a sentence", () => {
    expect(first.material.text).not.toMatch(/\[/);
    expect(first.material.sentenceStarts?.map((at) => first.material.text.slice(at, at + 12))).toEqual(["Its veterans", "Its first se", "A. K. Verma ", "The league's"]);
    expect(first.sentences.map((s) => s.text)).toEqual([
      "The regiment served in Flanders throughout World War I.",
      "Its veterans founded a league in 1920.",
      "Its first secretary was a clerk from Ypres, appointed by Col.",
      "A. K. Verma led the league until 1931.",
      "The league's hall covers 40 km².",
    ]);
  });

  it("cleans the cleaned text to the identical text, so the stored offsets still point where they did", () => {
    const again = cleanText(first.material.text);
    expect(again.text).toBe(first.material.text);
    expect(again.sentenceStarts).toEqual([]);
  });

  it("splits the stored text into the same sentences, at the same offsets, as the first read", () => {
    const second = reread(first.material.text, first.material.sentenceStarts);
    expect(second.material.text).toBe(first.material.text);
    expect(spans(second)).toEqual(spans(first));
    expect(second.material.sentenceStarts).toEqual(first.material.sentenceStarts);
    expect(second.material.id).toBe(first.material.id);
  });

  it("runs sentences together when the stored text is re-read without them", () => {
    const blind = reread(first.material.text);
    expect(blind.sentences.length).toBeLessThan(first.sentences.length);
    expect(blind.sentences.map((s) => s.text)).toContain("The regiment served in Flanders throughout World War I. Its veterans founded a league in 1920.");
    expect(blind.material.sentenceStarts).toBeUndefined();
  });

  it("merges given starts with those cleaning finds, in order and without repeats", () => {
    const text = "The regiment served in Flanders throughout World War I.[41] Its veterans founded a league in 1920. Col. A. K. Verma led it.";
    const pm = ingestMaterial({ source: "merge", format: "text", content: text });
    expect(pm.material.sentenceStarts).toHaveLength(1);
    // Offsets into the content are honoured only when cleaning leaves it as it was: this content carries a marker.
    const changed = ingestMaterial({ source: "merge", format: "text", content: text, sentenceStarts: [3] });
    expect(changed.material.sentenceStarts).toEqual(pm.material.sentenceStarts);
    const stored = pm.material.text;
    const atVerma = stored.indexOf("A. K. Verma");
    const merged = ingestMaterial({ source: "merge", format: "text", content: stored, sentenceStarts: [...pm.material.sentenceStarts!, atVerma] });
    expect(merged.material.sentenceStarts).toEqual([...pm.material.sentenceStarts!, atVerma]);
    expect(merged.sentences.map((s) => s.text)).toEqual(["The regiment served in Flanders throughout World War I.", "Its veterans founded a league in 1920.", "Col.", "A. K. Verma led it."]);
  });

  it.each([
    ["out of order", [40, 20], /ascending order/],
    ["repeated", [20, 20], /ascending order/],
    ["beyond the text", [10_000], /beyond the end of the text/],
    ["negative", [-1], /sentenceStarts/],
    ["fractional", [2.5], /sentenceStarts/],
  ])("refuses sentence starts that are %s", (_, sentenceStarts, message) => {
    expect(refusal(() => reread(first.material.text, sentenceStarts))).toMatch(message);
  });
});
