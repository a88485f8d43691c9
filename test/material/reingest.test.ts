import { describe, expect, it } from "vitest";
import { cleanText } from "@/lib/material/clean";
import { ingestMaterial } from "@/lib/material/ingest";
import { isAppError } from "@/lib/errors";
import type { ProcessedMaterial } from "@/lib/material/schemas";
import { draftStudySet } from "@/lib/generate/thread-tasks";

// Written for this test: after "World War I." and before "A. K. Verma" only the removed footnote
// marker shows that a new sentence begins; the stored (cleaned) text no longer has the markers.
const CONTENT = [
  "Veterans' league",
  "",
  "The regiment served in Flanders throughout World War I.[41] Its veterans founded a league in 1920.[b] Its first secretary was a clerk from Ypres, appointed by Col.[7] A. K. Verma led the Flanders Veterans' League until 1931.[citation needed] The league's hall covers 40 km².",
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
      "A. K. Verma led the Flanders Veterans' League until 1931.",
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
    // Given starts are offsets into the content: one inside a part that cleaning changed (here the marker) is dropped.
    const changed = ingestMaterial({ source: "merge", format: "text", content: text, sentenceStarts: [text.indexOf("[41]") + 1] });
    expect(changed.material.sentenceStarts).toEqual(pm.material.sentenceStarts);
    const stored = pm.material.text;
    const atVerma = stored.indexOf("A. K. Verma");
    const merged = ingestMaterial({ source: "merge", format: "text", content: stored, sentenceStarts: [...pm.material.sentenceStarts!, atVerma] });
    expect(merged.material.sentenceStarts).toEqual([...pm.material.sentenceStarts!, atVerma]);
    expect(merged.sentences.map((s) => s.text)).toEqual(["The regiment served in Flanders throughout World War I.", "Its veterans founded a league in 1920.", "Col.", "A. K. Verma led it."]);
  });

  it("keeps the stored starts when cleaning the stored text again removes a line before or after them", () => {
    const stored = first.material.text;
    // Lines that cleaning drops as page furniture, as a later cleaner may newly recognise in a stored text.
    for (const content of [`${stored}\nShare this article`, `Advertisement\n${stored}`, `Advertisement\n${stored}\nShare this article`]) {
      const shift = content.indexOf(stored);
      const again = reread(content, first.material.sentenceStarts!.map((at) => at + shift));
      expect(again.material.text).toBe(stored);
      expect(again.material.sentenceStarts).toEqual(first.material.sentenceStarts);
      expect(spans(again)).toEqual(spans(first));
    }
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

// Invented inputs on which one cleaning pass leaves something the next pass takes off: cleaning a
// stored text again is not idempotent, so a re-read must not clean it again.
const BODY = "The council met in Aranor in 2020 and agreed to cut tariffs by twelve per cent over the decade.";
const NOT_IDEMPOTENT: Array<[string, string]> = [
  ["two wire datelines", `KABUL: ISLAMABAD: ${BODY}`],
  ["a dateline after a wire credit", `PARIS: KABUL, Feb 27 (AFP) - ${BODY}`],
  ["a word repeated three times", `The council met met met in Aranor in 2020.\n\n${BODY}`],
  ["a nested citation marker", `Word[1[2]] here. ${BODY}`],
  ["two glued date labels", `date 2026-02-27 date 2026-02-28 The council meets again\n\n${BODY}`],
  ["a title with two outlets", `A long title for a news piece | Daily | The Times\n\n${BODY}`],
  ["a title with two dates", `Council meets - Daily News - 08/14/2025 - 09/14/2025\n\n${BODY}`],
];
const IDEMPOTENT: Array<[string, string]> = [
  ["footnote markers and a footnote list", `The council met in Aranor.¹ Its chair resigned.[12][citation needed]\n\n1. A footnote.\n\n${BODY}`],
  ["odd whitespace", `Tabs\tin\tthe  middle\u00a0and runs   of spaces.\r\nA Windows line end.   \n\n\n\n${BODY}`],
  ["Unicode", `Café déjà vu — naïve “façade”, Ångström, e\u0301, ﬁ, zero\u200bwidth. ${BODY}`],
];

describe("re-reading a stored text as it is", () => {
  const firstRead = (content: string) => ingestMaterial({ source: "s", content });
  const storedRead = (pm: ProcessedMaterial, isCleaned: boolean) =>
    ingestMaterial({ source: "s", format: "text", content: pm.material.text, sentenceStarts: pm.material.sentenceStarts ?? [] }, { isCleaned });

  it.each(NOT_IDEMPOTENT)("cleaning a stored text again changes it (%s)", (_, content) => {
    const pm = firstRead(content);
    expect(storedRead(pm, false).material.text).not.toBe(pm.material.text);
  });

  it.each(IDEMPOTENT)("cleaning a stored text again leaves it as it is (%s)", (_, content) => {
    const pm = firstRead(content);
    expect(storedRead(pm, false).material.text).toBe(pm.material.text);
  });

  it.each([...NOT_IDEMPOTENT, ...IDEMPOTENT])("keeps the stored text, its sentences and every offset (%s)", (_, content) => {
    const pm = firstRead(content);
    const again = storedRead(pm, true);
    expect(again.material.text).toBe(pm.material.text);
    expect(again.material.id).toBe(pm.material.id);
    expect(spans(again)).toEqual(spans(pm));
    for (const s of again.sentences) expect(pm.material.text.slice(s.start, s.end)).toBe(s.text);
  });

  it("keeps the stored starts of a text whose markers are gone", () => {
    const again = ingestMaterial({ title: first.material.title, source: "league", format: "text", content: first.material.text, sentenceStarts: first.material.sentenceStarts! }, { isCleaned: true });
    expect(spans(again)).toEqual(spans(first));
    expect(again.material.sentenceStarts).toEqual(first.material.sentenceStarts);
  });
});

describe("a generation job re-reading a stored material", () => {
  const stored = { id: "db-league", title: first.material.title, source: "league", outlet: null, publishedAt: null, url: null, text: first.material.text };
  const evidenceQuotes = (outcome: ReturnType<typeof draftStudySet>) => {
    if (!outcome.ok) throw new Error("the engine refused the material");
    return outcome.batches.flatMap((batch) => {
      const { cards, questions } = JSON.parse(batch) as { cards: { evidence: { quote: string }[] }[]; questions: { evidence: { quote: string }[] }[] };
      return [...cards, ...questions].flatMap((item) => item.evidence.map((e) => e.quote));
    });
  };

  it("draws its items from the sentences the stored starts mark, never from two run together", () => {
    const withStarts = evidenceQuotes(draftStudySet({ materials: [{ ...stored, sentenceStarts: first.material.sentenceStarts! }], questions: [], marks: null, batchSize: 50 }));
    const without = evidenceQuotes(draftStudySet({ materials: [{ ...stored, sentenceStarts: [] }], questions: [], marks: null, batchSize: 50 }));
    const runTogether = (quote: string) => /World War I\. Its veterans|Col\. A\. K\. Verma/.test(quote);
    expect(withStarts.length).toBeGreaterThan(0);
    expect(withStarts.filter(runTogether)).toEqual([]);
    expect(without.some(runTogether)).toBe(true);
  });
});
