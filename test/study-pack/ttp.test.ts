import { describe, expect, it } from "vitest";
import {
  isEvidenceExact,
  studySetSchema,
  type EvidenceSpan,
  type Material,
} from "@/lib/generate/schemas";
import { createSpanFinder } from "@/lib/study-pack/evidence";
import { loadStudyPack } from "@/lib/study-pack/load";
import { modelAnswerWordCount, studyPacks, ttpStudyPack } from "@/lib/study-pack";
import { sharedRuns, toWords, wordRuns } from "./own-words";
import { describeWithShared, readShared } from "../support/shared-material";

const { set } = ttpStudyPack;
const materialsById = new Map<string, Material>(set.materials.map((m) => [m.id, m]));

/** Every evidence span in the set, labelled with the item that carries it. */
function allEvidence(): Array<{ owner: string; span: EvidenceSpan }> {
  const out: Array<{ owner: string; span: EvidenceSpan }> = [];
  for (const card of set.cards) for (const s of card.evidence) out.push({ owner: card.id, span: s });
  for (const q of set.questions) {
    for (const s of q.evidence) out.push({ owner: q.id, span: s });
    for (const o of q.options ?? []) for (const s of o.evidence ?? []) out.push({ owner: `${q.id}/${o.id}`, span: s });
  }
  for (const a of set.modelAnswers) {
    for (const section of a.body) {
      for (const p of section.points) for (const s of p.evidence) out.push({ owner: `${a.questionId}/${section.heading}`, span: s });
    }
  }
  return out;
}

/** Every piece of learner-facing text the pack ships, labelled by where it sits. */
function allShippedTexts(): Array<{ owner: string; text: string }> {
  const out: Array<{ owner: string; text: string }> = [
    { owner: "pack.title", text: ttpStudyPack.title },
    { owner: "pack.description", text: ttpStudyPack.description },
    ...ttpStudyPack.credits.map((c) => ({ owner: `credit ${c.outlet}`, text: c.note })),
  ];
  for (const m of set.materials) out.push({ owner: m.id, text: `${m.title}\n${m.text}` });
  for (const c of set.cards) out.push({ owner: c.id, text: `${c.front}\n${c.back}` });
  for (const q of set.questions) {
    out.push({ owner: q.id, text: `${q.prompt}\n${q.explanation}` });
    for (const o of q.options ?? []) out.push({ owner: `${q.id}/${o.id}`, text: o.text });
  }
  for (const a of set.modelAnswers) {
    out.push({ owner: `${a.questionId} intro`, text: a.introduction });
    out.push({ owner: `${a.questionId} conclusion`, text: a.conclusion });
    for (const section of a.body) {
      for (const p of section.points) out.push({ owner: `${a.questionId}/${section.heading}`, text: `${p.text} ${p.example ?? ""}` });
    }
    for (const r of a.rubric) out.push({ owner: r.id, text: r.point });
  }
  return out;
}

describe("the TTP study pack", () => {
  it("is exported from the study-pack index with a stable slug", () => {
    expect(studyPacks).toContain(ttpStudyPack);
    expect(ttpStudyPack.slug).toBe("ttp-pak-afghan");
  });

  it("parses with the shared study-set schema", () => {
    const result = studySetSchema.safeParse(set);
    expect(result.success, result.success ? "" : JSON.stringify(result.error.issues, null, 2)).toBe(true);
  });

  it("has one note per source, each of 250–550 words and credited by outlet and date", () => {
    expect(set.materials).toHaveLength(5);
    for (const m of set.materials) {
      const words = toWords(m.text).length;
      expect(words, m.id).toBeGreaterThanOrEqual(250);
      expect(words, m.id).toBeLessThanOrEqual(550);
      expect(m.outlet, m.id).toBeTruthy();
      expect(m.publishedAt, m.id).toMatch(/^\d{4}(-\d{2}-\d{2})?$/);
      const credit = ttpStudyPack.credits.find((c) => c.outlet === m.outlet);
      expect(credit, `credit for ${m.outlet}`).toBeDefined();
      expect(credit?.date).toBe(m.publishedAt);
    }
  });

  it("has about 40 cards of every kind and about 25 timed questions", () => {
    expect(set.cards.length).toBeGreaterThanOrEqual(35);
    expect(set.cards.length).toBeLessThanOrEqual(50);
    const cardKinds = new Set(set.cards.map((c) => c.kind));
    expect([...cardKinds].sort()).toEqual(["acronym", "cloze", "qa", "timeline", "who_said"]);
    const timed = set.questions.filter((q) => q.kind !== "written");
    expect(timed.length).toBeGreaterThanOrEqual(22);
    expect(new Set(timed.map((q) => q.kind))).toEqual(new Set(["single_choice", "multiple_choice", "true_false", "numeric"]));
  });

  it("quotes every evidence span exactly from a note of the pack", () => {
    const spans = allEvidence();
    expect(spans.length).toBeGreaterThan(0);
    for (const { owner, span } of spans) {
      expect(materialsById.has(span.materialId), `${owner}: unknown material ${span.materialId}`).toBe(true);
      expect(isEvidenceExact(span, materialsById), `${owner}: "${span.quote}"`).toBe(true);
    }
  });

  it("gives every card, question and model-answer point at least one evidence span", () => {
    for (const c of set.cards) expect(c.evidence.length, c.id).toBeGreaterThan(0);
    for (const q of set.questions) expect(q.evidence.length, q.id).toBeGreaterThan(0);
    for (const a of set.modelAnswers) {
      for (const section of a.body) for (const p of section.points) expect(p.evidence.length, p.text).toBeGreaterThan(0);
    }
  });

  it("uses unique ids for materials, cards, questions and rubric points", () => {
    const ids = [
      ...set.materials.map((m) => m.id),
      ...set.cards.map((c) => c.id),
      ...set.questions.map((q) => q.id),
      ...set.modelAnswers.flatMap((a) => a.rubric.map((r) => r.id)),
    ];
    expect(new Set(ids).size).toBe(ids.length);
    for (const q of set.questions) {
      const optionIds = (q.options ?? []).map((o) => o.id);
      expect(new Set(optionIds).size, q.id).toBe(optionIds.length);
    }
  });

  it("has no two cards with the same front", () => {
    const fronts = set.cards.map((c) => toWords(c.front).join(" "));
    const duplicates = fronts.filter((f, i) => fronts.indexOf(f) !== i);
    expect(duplicates).toEqual([]);
  });

  it("writes cloze cards with exactly one blank", () => {
    for (const c of set.cards.filter((card) => card.kind === "cloze")) {
      expect(c.front.split("____").length - 1, c.id).toBe(1);
    }
  });
});

describe("answer keys", () => {
  const byKind = (kind: string) => set.questions.filter((q) => q.kind === kind);

  it.each(byKind("single_choice").map((q) => [q.id, q] as const))("%s has four options and exactly one correct", (_id, q) => {
    expect(q.options).toHaveLength(4);
    expect(q.options?.filter((o) => o.correct)).toHaveLength(1);
  });

  it.each(byKind("multiple_choice").map((q) => [q.id, q] as const))("%s has at least one correct and one wrong option", (_id, q) => {
    const options = q.options ?? [];
    expect(options.length).toBeGreaterThanOrEqual(4);
    expect(options.some((o) => o.correct)).toBe(true);
    expect(options.some((o) => !o.correct)).toBe(true);
  });

  it.each(byKind("true_false").map((q) => [q.id, q] as const))("%s answers true or false, matching its options", (_id, q) => {
    expect(["true", "false"]).toContain(q.answer);
    if (q.options) {
      expect(q.options.filter((o) => o.correct).map((o) => o.id)).toEqual([q.answer]);
    }
  });

  it.each(byKind("numeric").map((q) => [q.id, q] as const))("%s has a numeric answer, a tolerance and a unit", (_id, q) => {
    expect(q.answer).toMatch(/^-?\d+(\.\d+)?$/);
    expect(Number.isFinite(Number(q.answer))).toBe(true);
    expect(q.tolerance).toBeGreaterThanOrEqual(0);
    expect(q.unit).toBeTruthy();
  });

  it("gives timed questions 1–2 marks and 45–90 seconds", () => {
    for (const q of set.questions.filter((question) => question.kind !== "written")) {
      expect([1, 2], q.id).toContain(q.marks);
      expect(q.timeLimitSec, q.id).toBeGreaterThanOrEqual(45);
      expect(q.timeLimitSec, q.id).toBeLessThanOrEqual(90);
    }
  });

  it("sets written questions to the Mains pattern (10 marks: 150 words/7 min; 15 marks: 250 words/11 min)", () => {
    const written = byKind("written");
    expect(written.length).toBeGreaterThanOrEqual(2);
    expect(written.length).toBeLessThanOrEqual(3);
    for (const q of written) {
      const expected = q.marks === 10 ? { wordLimit: 150, timeLimitSec: 420 } : { wordLimit: 250, timeLimitSec: 660 };
      expect([10, 15], q.id).toContain(q.marks);
      expect({ wordLimit: q.wordLimit, timeLimitSec: q.timeLimitSec }, q.id).toEqual(expected);
    }
  });
});

describe("the model answer", () => {
  it("exists for every written question of the pack, and only for written questions", () => {
    const written = set.questions.filter((q) => q.kind === "written");
    expect(written.length).toBe(3);
    for (const q of written) expect(set.modelAnswers.filter((a) => a.questionId === q.id)).toHaveLength(1);
    for (const a of set.modelAnswers) expect(set.questions.find((q) => q.id === a.questionId)?.kind).toBe("written");
  });

  it.each(set.modelAnswers.map((a) => [a.questionId, a] as const))("for %s has rubric marks summing to the question's marks", (_id, answer) => {
    const question = set.questions.find((q) => q.id === answer.questionId);
    const total = answer.rubric.reduce((sum, r) => sum + r.marks, 0);
    expect(total).toBe(question?.marks);
  });

  it.each(set.modelAnswers.map((a) => [a.questionId, a] as const))("for %s has one content rubric point per body point", (_id, answer) => {
    const bodyPoints = answer.body.reduce((n, section) => n + section.points.length, 0);
    expect(answer.rubric.filter((r) => r.kind === "content")).toHaveLength(bodyPoints);
    expect(answer.rubric.filter((r) => r.kind === "structure").length).toBeGreaterThanOrEqual(3);
  });

  it.each(set.modelAnswers.map((a) => [a.questionId, a] as const))("for %s stays within the question's word limit", (_id, answer) => {
    const question = set.questions.find((q) => q.id === answer.questionId);
    expect(question?.wordLimit).toBeDefined();
    expect(modelAnswerWordCount(answer)).toBeLessThanOrEqual(question?.wordLimit ?? 0);
  });

  it("counts introduction, headings, points, examples and conclusion", () => {
    const answer = {
      questionId: "q",
      directive: "Discuss",
      coreDemands: ["x"],
      introduction: "one two",
      body: [{ heading: "Three", points: [{ text: "four five", example: "six", evidence: [] }] }],
      conclusion: "seven",
      rubric: [{ id: "r", point: "p", marks: 1, kind: "content" as const }],
    };
    expect(modelAnswerWordCount(answer)).toBe(7);
  });
});

describe("createSpanFinder", () => {
  const materials: Material[] = [{ id: "m", title: "t", source: "s", text: "The TTP was formed in 2007. The TTP is also called the Pakistani Taliban." }];
  const span = createSpanFinder(materials);

  it("returns offsets whose slice is the quote", () => {
    const s = span("m", "formed in 2007");
    expect(materials[0]?.text.slice(s.start, s.end)).toBe("formed in 2007");
  });

  it("throws when the quote is absent", () => {
    expect(() => span("m", "formed in 2008")).toThrow(/not found/);
  });

  it("throws when the quote occurs twice", () => {
    expect(() => span("m", "The TTP")).toThrow(/ambiguous/);
  });

  it("throws for an unknown material", () => {
    expect(() => span("x", "TTP")).toThrow(/Unknown material/);
  });
});

describe("own-words helpers", () => {
  it("ignores case, punctuation and curly apostrophes when comparing runs", () => {
    const source = wordRuns("Pakistan’s army chief called Afghanistan a “brotherly neighbour” on Tuesday in Peshawar.", 5);
    expect(sharedRuns("PAKISTANS army chief, called afghanistan...", source, 5)).toEqual(["pakistans army chief called afghanistan"]);
  });

  it("finds nothing when only shorter runs are shared", () => {
    const source = wordRuns("one two three four five six", 5);
    expect(sharedRuns("one two three four seven", source, 5)).toEqual([]);
  });
});

const RUN_LENGTH = 10;
const ARTICLE_FILES = [
  "000_3c3262873357d12f.txt",
  "001_6b9bfc7575ccc962.txt",
  "002_a7cf54e59027631e.txt",
  "003_9a46242b15251fab.txt",
  "004_6819430c7062e888.txt",
].map((f) => `material/${f}`);

describeWithShared(`own words: nothing shares ${RUN_LENGTH}+ consecutive words with a source article`, ARTICLE_FILES, () => {
  const articles = ARTICLE_FILES.map((f) => ({ file: f, runs: wordRuns(readShared(f), RUN_LENGTH) }));

  it("reads all five articles", () => {
    expect(articles).toHaveLength(5);
  });

  it.each(allShippedTexts().map((t) => [t.owner, t.text] as const))("%s", (_owner, text) => {
    const copied = articles.flatMap((a) => sharedRuns(text, a.runs, RUN_LENGTH).map((run) => `${a.file}: ${run}`));
    expect(copied).toEqual([]);
  });
});

describe("loading a study pack file", () => {
  const valid = {
    slug: "tiny",
    title: "A tiny pack",
    subject: "Testing",
    description: "One card and one written question.",
    credits: [{ outlet: "Crux", title: "Notes", date: "2026", note: "Written for this test." }],
    notes: [{ id: "n1", title: "Note", source: "test", paragraphs: ["The council met in 2020 and agreed a plan for the river basin."] }],
    cards: [{ id: "c1", kind: "timeline", front: "Year the council agreed the river-basin plan", back: "2020", evidence: [{ material: "n1", quote: "The council met in 2020" }] }],
    questions: [{ id: "w1", kind: "written", prompt: "Discuss the river-basin plan.", explanation: "Cover the plan.", marks: 10, timeLimitSec: 420, wordLimit: 150, evidence: [{ material: "n1", quote: "agreed a plan for the river basin" }] }],
    modelAnswers: [
      {
        questionId: "w1",
        directive: "Discuss",
        coreDemands: ["The plan"],
        introduction: "The council agreed a plan in 2020.",
        body: [{ heading: "The plan", points: [{ text: "It covers the basin.", evidence: [{ material: "n1", quote: "agreed a plan for the river basin" }] }] }],
        conclusion: "It is a start. More must follow.",
        rubric: [
          { id: "w1-c1", kind: "content", marks: 6, point: "Describes the plan." },
          { id: "w1-s1", kind: "structure", marks: 4, point: "Introduction, examples, conclusion, limit." },
        ],
      },
    ],
  };
  it("resolves evidence quotes to exact spans", () => {
    const pack = loadStudyPack("tiny", valid);
    expect(pack.set.cards[0]!.evidence[0]).toEqual({ materialId: "n1", start: 0, end: 23, quote: "The council met in 2020" });
  });
  it("refuses a written question without a model answer", () => {
    expect(() => loadStudyPack("tiny", { ...valid, modelAnswers: [] })).toThrow(/w1 has no model answer and rubric/);
  });
  it("refuses a rubric that does not add up to the question's marks", () => {
    const answer = { ...valid.modelAnswers[0]!, rubric: [valid.modelAnswers[0]!.rubric[0]!] };
    expect(() => loadStudyPack("tiny", { ...valid, modelAnswers: [answer] })).toThrow(/adds up to 6, not 10/);
  });
  it("refuses a quote that is not in the notes", () => {
    expect(() => loadStudyPack("tiny", { ...valid, cards: [{ ...valid.cards[0]!, evidence: [{ material: "n1", quote: "The council met in 2021" }] }] })).toThrow(/Quote not found/);
  });
});
