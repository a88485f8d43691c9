import { describe, expect, it } from "vitest";
import { ingestMaterial } from "@/lib/material/ingest";
import { generateStudySet } from "@/lib/generate/study-set";
import { isEvidenceExact, studySetSchema, type StudySet } from "@/lib/generate/schemas";
import { stemsOf } from "@/lib/generate/text";
import { ttpNotes } from "@/lib/study-pack/ttp-notes";
import { describeWithSharedMaterial, MATERIAL_FILES, readMaterial } from "./helpers";

// Page furniture that must never reach a card or question (the kinds the cleaner removes).
const BOILERPLATE = [
  /enable javascript/i,
  /html5 video/i,
  /newsletter/i,
  /editor's digest/i,
  /print pdf/i,
  /pdf version/i,
  /latest comments/i,
  /\b\d+ (?:days?|hours?|minutes?) ago\b/i,
  /read the full article/i,
  /data visuali[sz]ation by/i,
  /views and opinions expressed/i,
  /\bdate \d{4}-\d{2}-\d{2}\b/,
];

function itemTexts(set: StudySet): string[] {
  return [
    ...set.cards.flatMap((c) => [c.front, c.back]),
    ...set.questions.flatMap((q) => [q.prompt, q.explanation, q.answer ?? "", ...(q.options ?? []).map((o) => o.text)]),
    ...set.modelAnswers.flatMap((m) => [m.introduction, m.conclusion, ...m.body.flatMap((s) => [s.heading, ...s.points.flatMap((p) => [p.text, p.example ?? ""])])]),
  ];
}

/**
 * What every generated set must satisfy, checked over one body of material. `minimums` scales the
 * item counts to the material's size (the study pack's notes are shorter than the articles).
 */
function checkStudySet(load: () => Array<Parameters<typeof generateStudySet>[0][number]>, minimums: { items: number; timed: number; spans: number; cardKinds: string[] }) {
  const materials = load();
  const set = generateStudySet(materials);
  const byId = new Map(set.materials.map((m) => [m.id, m]));

  it("matches the study-set schema", () => {
    expect(studySetSchema.safeParse(set).success).toBe(true);
  });

  it(`has at least ${minimums.items} items, ${minimums.timed} of them timed questions`, () => {
    const timed = set.questions.filter((q) => q.kind !== "written").length;
    expect(set.cards.length + timed).toBeGreaterThanOrEqual(minimums.items);
    expect(timed).toBeGreaterThanOrEqual(minimums.timed);
  });

  it("uses at least the expected card kinds, and every timed question kind", () => {
    // These kinds, and at most an acronym or a who-said card besides: which weak kind fills the last places of the floor
    // (an acronym card, a minister's offer, a report's figure) moves with the scoring and, since a sentence makes one
    // item, with which form of a fact is kept.
    const kinds = new Set<string>(set.cards.map((c) => c.kind));
    for (const kind of minimums.cardKinds) expect(kinds.has(kind)).toBe(true);
    expect([...kinds].filter((k) => !minimums.cardKinds.includes(k) && k !== "acronym" && k !== "who_said")).toEqual([]);
    expect(new Set(set.questions.map((q) => q.kind))).toEqual(new Set(["single_choice", "true_false", "numeric", "written"]));
    expect(set.questions.some((q) => q.prompt.startsWith("Consider the following statements"))).toBe(true);
  });

  it("quotes every evidence span exactly", () => {
    const spans = [
      ...set.cards.flatMap((c) => c.evidence),
      ...set.questions.flatMap((q) => [...q.evidence, ...(q.options ?? []).flatMap((o) => o.evidence ?? [])]),
      ...set.modelAnswers.flatMap((m) => m.body.flatMap((s) => s.points.flatMap((p) => p.evidence))),
    ];
    expect(spans.length).toBeGreaterThan(minimums.spans);
    expect(spans.filter((s) => !isEvidenceExact(s, byId))).toEqual([]);
  });

  it("carries no page boilerplate in any item", () => {
    const offending = itemTexts(set).filter((t) => BOILERPLATE.some((re) => re.test(t)));
    expect(offending).toEqual([]);
  });

  it("has no duplicate cards", () => {
    const fronts = set.cards.map((c) => `${c.kind}|${c.front.toLowerCase().replace(/[^a-z0-9_]+/g, " ").trim()}`);
    expect(new Set(fronts).size).toBe(fronts.length);
    const ids = set.cards.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("offers no distractor that the material states for the same slot", () => {
    // A distractor is "stated true" when some sentence holds it together with most of the words around the blank.
    const sentences = set.materials.flatMap((m) => m.text.split(/(?<=[.!?"])\s+|\n/));
    const problems: string[] = [];
    for (const q of set.questions) {
      if (q.kind !== "single_choice" || !q.prompt.includes("_____")) continue;
      const context = new Set(stemsOf(q.prompt.replace(/^Which \w+ completes the statement\?/, "")));
      for (const o of q.options ?? []) {
        if (o.correct) continue;
        for (const s of sentences) {
          if (!s.includes(o.text)) continue;
          const stems = new Set(stemsOf(s.replace(o.text, " ")));
          const shared = [...context].filter((w) => stems.has(w)).length;
          if (shared >= Math.max(4, context.size * 0.6)) problems.push(`${o.text} :: ${q.prompt}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("gives every timed question an explanation citing its evidence and a time limit", () => {
    for (const q of set.questions) {
      expect(q.timeLimitSec).toBeGreaterThan(0);
      if (q.kind !== "written") expect(q.explanation).toMatch(/Source \(/);
    }
  });

  it("makes cloze cards that delete a fact, never a stop word", () => {
    for (const c of set.cards.filter((x) => x.kind === "cloze")) {
      expect(c.front).toContain("_____");
      expect(c.back).toMatch(/\d|[A-Z]/);
    }
  });

  it("generates written questions with UPSC limits and model answers within them", () => {
    const written = set.questions.filter((q) => q.kind === "written");
    expect(written.length).toBeGreaterThan(0);
    for (const q of written) {
      expect([150, 250]).toContain(q.wordLimit);
      expect(set.modelAnswers.find((m) => m.questionId === q.id)).toBeDefined();
    }
  });

  // Speed is measured by `npm run bench:generate` (five files under 1 s, 1 MB under 30 s), not by a timed test.
}

describeWithSharedMaterial("study set from the five shared files (reads ../shared/material)", () => {
  checkStudySet(() => MATERIAL_FILES.map((f) => ingestMaterial({ source: f, filename: f, content: readMaterial(f) })), // One item per source sentence and per answer, and once a set has enough items
  // (ENOUGH_ITEMS, 40) its weakest (< 0.65: passing names, head counts, procedural bodies, running tallies) go:
  // issue 9 asks for at least 40 items per text that a teacher would keep, not a number of flashcards.
  // An acronym card (what an abbreviation stands for) is vocabulary and makes the set only when nothing better is left.
  { items: 40, timed: 12, spans: 60, cardKinds: ["qa", "cloze", "timeline"] });
});

describe("study set from the study pack's own notes (always runs)", () => {
  checkStudySet(() => ttpNotes.map((m) => ingestMaterial({ source: m.source, title: m.title, content: m.text })), // The notes define nothing in an appositive: their one "qa" card was "What is the The Tehrik-e-Taliban Pakistan? → The largest contributor".
  { items: 40, timed: 12, spans: 50, cardKinds: ["cloze", "timeline"] });
});
