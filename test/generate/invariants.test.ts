import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generateStudySet } from "@/lib/generate/study-set";
import { isEvidenceExact, type StudySet } from "@/lib/generate/schemas";
import { ingestMaterial } from "@/lib/material/ingest";
import { describeWithShared, moreQuestions, readShared } from "../support/shared-material";
import { MATERIAL_FILES, Q1 } from "./helpers";

/**
 * What every generated set promises, asserted over every body of material we have: the seed
 * articles, each text of ../shared/material-more (when present) and the project's own regression
 * texts on other subjects. The patterns here are written independently of the engine's own checks.
 */

const REGRESSION_DIR = path.resolve(__dirname, "regression-texts");
const REGRESSION_QUESTIONS = JSON.parse(readFileSync(path.join(REGRESSION_DIR, "questions.json"), "utf8")) as Record<string, string[]>;
/** Texts written for the blind reviews of held-out material (see held-out-texts/README.md): the same promises hold. */
const HELD_OUT_DIR = path.resolve(__dirname, "held-out-texts");
const MORE_FILES = ["100_97062e8442aca026.txt", "101_3239c72e2416f430.txt", "102_85554f79fe15a1f8.txt"];

const MONTHS = /\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/;
const RELATIVE = /\b(?:yesterday|today|tomorrow|last (?:week|month|year)|next (?:week|month|year)|this (?:week|month)|on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|\d+ (?:days|weeks|months|years) ago|a few years ago)\b/i;
const CITATION = /\[\d+\]|\[edit\]|\[citation needed\]|\bp\. \d+\)/i;
const UNRESOLVED_OPENING = /^(?:It|They|He|She|This|These|Those|That|Its|Their|His|Her|Such)\s/;
// A law or body named only by pointing back ("An amendment to that Act in 2006").
const POINTING_BACK = /\bthat (?:Act|Amendment|Treaty|Protocol|Convention|Agreement|Bill)\b|\b(?:this|these|those) (?:Act|Amendment|Treaty|Protocol|Convention|Agreement|Bill|law|treaty|amendment|reserves?|states?)\b/;
const TTP_VOCABULARY = /\b(?:TTP|Taliban|Tehreek|Tehrik|Cross-border militancy|Ideological affinity|Counter-terrorism coordination|Divergent threat perceptions|Strategic miscalculation|Economic and trade leverage|Sovereignty and legitimacy|intelligence-sharing)\b/i;

function statements(set: StudySet): Array<{ id: string; text: string }> {
  const out: Array<{ id: string; text: string }> = [];
  for (const c of set.cards) out.push({ id: c.id, text: c.front.replace(/^When\?\s*|^Who said:\s*/, "") });
  for (const q of set.questions) {
    if (q.kind === "written") continue;
    const body = q.prompt.replace(/^(?:True or false\?|Give the (?:missing figure|figure the material states):|Which \w+ completes the statement\?)\s*/, "");
    if (body.startsWith("Consider the following statements")) for (const l of body.split("\n").slice(1, -1)) out.push({ id: q.id, text: l.replace(/^\d+\.\s*/, "") });
    else out.push({ id: q.id, text: body });
  }
  return out;
}

function answersOf(set: StudySet): Array<{ id: string; answer: string }> {
  return [
    ...set.cards.map((c) => ({ id: c.id, answer: c.back })),
    ...set.questions.flatMap((q) => [...(q.options ?? []).filter((o) => o.correct && q.prompt.includes("_____")).map((o) => ({ id: q.id, answer: o.text })), ...(q.kind === "numeric" && q.answer ? [{ id: q.id, answer: q.answer }] : [])]),
  ];
}

function checkSet(name: string, load: () => { set: StudySet; isTtp: boolean }, minItems: number) {
  describe(name, () => {
    const { set, isTtp } = load();
    const byId = new Map(set.materials.map((m) => [m.id, m]));
    const items = set.cards.length + set.questions.filter((q) => q.kind !== "written").length;

    it(`has at least ${minItems} items`, () => {
      expect(items).toBeGreaterThanOrEqual(minItems);
    });
    it("quotes every evidence span exactly", () => {
      const spans = [
        ...set.cards.flatMap((c) => c.evidence),
        ...set.questions.flatMap((q) => [...q.evidence, ...(q.options ?? []).flatMap((o) => o.evidence ?? [])]),
        ...set.modelAnswers.flatMap((m) => m.body.flatMap((s) => s.points.flatMap((p) => p.evidence))),
      ];
      expect(spans.filter((s) => !isEvidenceExact(s, byId))).toEqual([]);
    });
    it("makes one item per source sentence: no two items (an acronym card apart) quote overlapping text", () => {
      const objective = [...set.cards, ...set.questions.filter((q) => q.kind !== "written")].filter((i) => i.kind !== "acronym");
      const clashes: string[] = [];
      objective.forEach((a, i) =>
        objective.slice(i + 1).forEach((b) => {
          const overlaps = a.evidence.some((x) => b.evidence.some((y) => x.materialId === y.materialId && x.start < y.end && y.start < x.end));
          if (overlaps) clashes.push(`${a.id} / ${b.id}`);
        }),
      );
      expect(clashes).toEqual([]);
    });
    it("opens no item with an unresolved reference, and names no law or body only by pointing back", () => {
      expect(statements(set).filter((s) => UNRESOLVED_OPENING.test(s.text))).toEqual([]);
      expect(statements(set).filter((s) => POINTING_BACK.test(s.text))).toEqual([]);
      // …nor asks about a pronoun mid-question ("When was It launched?").
      expect(set.cards.map((c) => c.front).filter((f) => /\s(?:It|They|Its|Their)\s/.test(f.replace(/["“‘'][^"”’']*["”’']/g, "")))).toEqual([]);
    });
    it("keeps no relative date and no citation marker", () => {
      const texts = [...statements(set), ...answersOf(set).map((a) => ({ id: a.id, text: a.answer }))];
      expect(texts.filter((s) => RELATIVE.test(s.text) || CITATION.test(s.text))).toEqual([]);
    });
    it("tests no month or weekday", () => {
      expect(answersOf(set).filter((a) => MONTHS.test(a.answer))).toEqual([]);
    });
    it('states no "X to X"', () => {
      expect(statements(set).filter((s) => /(?:^|\s)(\S+) (?:to|and) \1(?=[\s.,;]|$)/.test(s.text.replace(/_____/g, "")))).toEqual([]);
    });
    it("gives every item a quality score with its reasons", () => {
      for (const i of [...set.cards, ...set.questions.filter((q) => q.kind !== "written")]) {
        expect(i.quality?.score).toBeGreaterThanOrEqual(0);
        expect(i.quality?.score).toBeLessThanOrEqual(1);
        expect(i.quality?.reasons.length).toBeGreaterThan(0);
      }
    });
    it("never repeats or doubles a model-answer label", () => {
      for (const a of set.modelAnswers) {
        const labels = a.body.flatMap((s) => s.points.map((p) => /^([^:]{2,60}):\s/.exec(p.text)?.[1]?.toLowerCase())).filter((l): l is string => !!l);
        expect(new Set(labels).size).toBe(labels.length);
        for (const p of a.body.flatMap((s) => s.points)) expect(p.text).not.toMatch(/^[^:]{2,60}:\s+[^:]{2,60}:\s/);
      }
    });
    it("gives every written question a rubric that adds up to its marks", () => {
      const written = set.questions.filter((q) => q.kind === "written");
      expect(written.length).toBeGreaterThan(0);
      for (const q of written) {
        const answer = set.modelAnswers.find((m) => m.questionId === q.id);
        expect(answer).toBeDefined();
        expect(Math.round(answer!.rubric.reduce((n, r) => n + r.marks, 0) * 100) / 100).toBe(q.marks);
      }
    });
    it("writes model answers within their word limit, with a two- or three-sentence conclusion", () => {
      for (const a of set.modelAnswers) {
        const q = set.questions.find((x) => x.id === a.questionId)!;
        const words = [a.introduction, a.conclusion, ...a.body.flatMap((s) => [s.heading, ...s.points.flatMap((p) => [p.text, p.example ?? ""])])].join(" ").split(/\s+/).filter((w) => /\w/.test(w)).length;
        expect(words).toBeLessThanOrEqual(q.wordLimit ?? 250);
        expect(a.introduction).toMatch(/^[A-Z0-9"]/);
        // An initial ("N. K. Singh") ends no sentence.
        const sentences = a.conclusion.split(/(?<=[.!?])(?<!(?:^|\s)\p{Lu}\.)\s+(?=\p{Lu})/u).length;
        expect(sentences).toBeGreaterThanOrEqual(1);
        expect(sentences).toBeLessThanOrEqual(3);
      }
    });
    if (!isTtp) {
      it("is free of the TTP subject's vocabulary", () => {
        const texts = [
          ...set.questions.filter((q) => q.kind === "written").map((q) => q.prompt),
          ...set.modelAnswers.flatMap((a) => [a.introduction, a.conclusion, ...a.body.flatMap((s) => [s.heading, ...s.points.map((p) => p.text)])]),
        ];
        expect(texts.filter((t) => TTP_VOCABULARY.test(t))).toEqual([]);
      });
    }
  });
}

for (const file of readdirSync(HELD_OUT_DIR).filter((f) => f.endsWith(".txt")).sort()) {
  // 12, not the 40: since one item is made per source sentence and per answer (a card and a timed question on
  // one fact are one item), the millets article of the thirteenth review yields 12 (its facts sit behind "the mission",
  // "the programme", "the state", which the engine refuses to resolve unless the text around it agrees — a low yield
  // measured, not a target), the news explainer on heat (heatwave.txt) 16, the Sundarbans article 17, the red-sea
  // explainer 20, the other long texts 24–40; 4 for the texts of about 1,100–1,300 words (they yield 4–27: the
  // news explainer on heat action plans fell from 11 to 9 when sentences opening on a bare "the <noun>" stopped making
  // items — "The shock prompted the ___ to work with…" cannot be read alone — and the gig-workers explainer of the twelfth
  // review yields 4 and the cable explainer of the thirteenth 4, their facts sitting behind "It estimated…", a bare "the
  // code" and a year repeated from a law's name; see ../reviews/issue-9-held-out-reviews-2026-12-06-twelfth-blind.md).
  // (7 Dec 2026: the cable explainer's "…loss of signal on both systems…" item is dropped — a description nothing in it
  // resolves, lib/generate/descriptions.ts — and a concept card, "What are cable landing stations?", takes its place.)
  const content = readFileSync(path.join(HELD_OUT_DIR, file), "utf8");
  const floor = content.split(/\s+/).length >= 2_500 ? 12 : 4;
  checkSet(`generated set from the held-out text ${file}`, () => ({ set: generateStudySet([ingestMaterial({ source: file, content })]), isTtp: false }), floor);
}

// 5 on these 250–430-word texts: the 296-word ozone text yields 5 — a sentence leaning on an earlier one ("In 2009 the
// protocol became…", a bare "the protocol" after the Montreal Protocol) makes no item, and a sentence makes one item, a
// card or a timed question, not both (it had 11 before those rules).
for (const [file, questions] of Object.entries(REGRESSION_QUESTIONS)) {
  checkSet(
    `generated set from the regression text ${file}`,
    () => ({ set: generateStudySet([ingestMaterial({ source: file, content: readFileSync(path.join(REGRESSION_DIR, file), "utf8") })], { questions }), isTtp: false }),
    5,
  );
}

describeWithShared("invariants over the seed articles", MATERIAL_FILES.map((f) => `material/${f}`), () => {
  checkSet("generated set from the five seed articles", () => ({ set: generateStudySet(MATERIAL_FILES.map((f) => ingestMaterial({ source: f, content: readShared(`material/${f}`) })), { questions: [Q1] }), isTtp: true }), 40);
});

describeWithShared("invariants over material on other subjects", [...MORE_FILES.map((f) => `material-more/${f}`), "material-more/README.md"], () => {
  for (const f of MORE_FILES) {
    checkSet(`generated set from material-more ${f}`, () => ({ set: generateStudySet([ingestMaterial({ source: f, content: readShared(`material-more/${f}`) })], { questions: moreQuestions(f) }), isTtp: false }), 40);
  }
  it("reads two written questions per text from the README", () => {
    for (const f of MORE_FILES) expect(moreQuestions(f)).toHaveLength(2);
  });
});
