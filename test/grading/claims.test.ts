import { describe, expect, it } from "vitest";
import { gradeWrittenAnswer } from "@/lib/grading";
import type { GradingMaterial, WrittenQuestion } from "@/lib/grading/types";

/**
 * The failures a word-overlap grader makes, each as a case written for these tests (a question on
 * Sri Lanka's 2022 economic crisis, its own short source note, and answers in several shapes).
 */
const question: WrittenQuestion = {
  id: "lk1",
  prompt: "Examine the causes of Sri Lanka's 2022 economic crisis and assess India's response to it.",
  marks: 9,
  wordLimit: 150,
  coreDemands: ["The causes of Sri Lanka's 2022 economic crisis.", "India's response and its significance."],
  rubric: [
    { id: "c1", point: "Tax cuts in 2019 shrank government revenue and widened the fiscal deficit.", marks: 1, kind: "content" },
    { id: "c2", point: "The sudden 2021 ban on chemical fertilisers cut rice and tea harvests.", marks: 1, kind: "content" },
    { id: "c3", point: "Foreign exchange reserves ran out, so Sri Lanka defaulted on its external debt in April 2022.", marks: 1, kind: "content" },
    { id: "c4", point: "India extended about 4 billion dollars of credit lines and currency swaps to Sri Lanka.", marks: 1, kind: "content" },
    { id: "c5", point: "The IMF approved a 2.9 billion dollar bailout for Sri Lanka in March 2023.", marks: 1, kind: "content" },
    { id: "s1", point: "Introduction that sets the context of the crisis", marks: 1, kind: "structure" },
    { id: "s2", point: "Examples or data supporting the points", marks: 1, kind: "structure" },
    { id: "s3", point: "Conclusion with a way forward", marks: 1, kind: "structure" },
    { id: "s4", point: "Within the word limit", marks: 1, kind: "structure" },
  ],
};

const material: GradingMaterial = {
  id: "lk-note",
  text: [
    "Sri Lanka's government cut taxes sharply in late 2019, and revenue fell while the fiscal deficit widened.",
    "In April 2021 it banned chemical fertilisers overnight, and rice and tea harvests dropped.",
    "Tourist arrivals reached 1.9 million in 2018 but fell to 190,000 in 2021 after the pandemic.",
    "Foreign exchange reserves ran out, and in April 2022 Sri Lanka defaulted on its external debt for the first time.",
    "Inflation was about 6 per cent in 2019 and reached 70 per cent in September 2022.",
    "India extended about 4 billion dollars in credit lines and currency swaps during 2022.",
    "The IMF approved a 2.9 billion dollar bailout in March 2023.",
  ].join(" "),
};

const grade = (answerText: string) => gradeWrittenAnswer({ question, answerText, materials: [material] });
const awarded = (r: ReturnType<typeof grade>, id: string) => r.points.find((p) => p.rubricId === id)?.awarded ?? 0;
const contentTotal = (r: ReturnType<typeof grade>) => r.points.filter((p) => p.kind === "content").reduce((s, p) => s + p.awarded, 0);

const GOOD = [
  "Sri Lanka's 2022 crisis, its worst since independence, came from policy mistakes and external shocks.",
  "",
  "Tax cuts in 2019 shrank government revenue and widened the fiscal deficit. The sudden 2021 ban on chemical fertilisers cut rice and tea harvests. " +
    "Tourist arrivals fell from 1.9 million in 2018 to 190,000 in 2021. Foreign exchange reserves ran out, so Sri Lanka defaulted on its external debt in April 2022.",
  "",
  "India extended about 4 billion dollars of credit lines and currency swaps to Sri Lanka. The IMF approved a 2.9 billion dollar bailout in March 2023.",
  "",
  "The way forward: Sri Lanka must rebuild revenue and reserves, and India should keep its neighbourhood-first support.",
].join("\n");

describe("meaning, not overlap", () => {
  it("credits the points of a plain, correct answer", () => {
    const r = grade(GOOD);
    expect(contentTotal(r)).toBeGreaterThanOrEqual(4);
    expect(r.flags).not.toContain("contradiction");
  });

  it("gives a negated claim nothing and quotes the sentence back as a contradiction", () => {
    const sentence = "India did not extend any credit lines or currency swaps to Sri Lanka.";
    const r = grade(GOOD.replace("India extended about 4 billion dollars of credit lines and currency swaps to Sri Lanka.", sentence));
    expect(awarded(r, "c4")).toBe(0);
    expect(r.contradictions?.some((c) => c.rubricId === "c4" && c.answer.quote === sentence)).toBe(true);
    expect(r.flags).toContain("contradiction");
  });

  it("reads 'failed to' as a negation of the claim that follows", () => {
    const r = grade(GOOD.replace("The sudden 2021 ban on chemical fertilisers cut rice and tea harvests.", "The sudden 2021 ban on chemical fertilisers failed to cut rice and tea harvests."));
    expect(awarded(r, "c2")).toBe(0);
    expect(r.contradictions?.some((c) => c.rubricId === "c2")).toBe(true);
  });

  it("reads an opposite word as the opposite claim (shrank → grew)", () => {
    const r = grade(GOOD.replace("Tax cuts in 2019 shrank government revenue and widened the fiscal deficit.", "Tax cuts in 2019 grew government revenue and narrowed the fiscal deficit."));
    expect(awarded(r, "c1")).toBe(0);
  });

  it("gives a claim with its actors swapped nothing", () => {
    const r = grade(GOOD.replace("India extended about 4 billion dollars of credit lines and currency swaps to Sri Lanka.", "Sri Lanka extended about 4 billion dollars of credit lines and currency swaps to India."));
    expect(awarded(r, "c4")).toBe(0);
    expect(r.contradictions?.find((c) => c.rubricId === "c4")?.kind).toBe("roles");
  });

  it("keeps most of the marks away from an answer that negates every claim", () => {
    const negated = [
      "Sri Lanka's 2022 crisis had little to do with policy.",
      "",
      "Tax cuts in 2019 did not shrink government revenue or widen the fiscal deficit. The 2021 ban on chemical fertilisers never cut rice and tea harvests. " +
        "Foreign exchange reserves did not run out, and Sri Lanka never defaulted on its external debt in April 2022.",
      "",
      "India refused to extend credit lines or currency swaps to Sri Lanka. The IMF rejected a 2.9 billion dollar bailout in March 2023.",
      "",
      "The way forward: Sri Lanka should keep its policies.",
    ].join("\n");
    const r = grade(negated);
    expect(r.score / r.maxScore).toBeLessThanOrEqual(0.3);
  });
});

describe("tolerant reading", () => {
  it("credits note-form bullets and '->' chains as claims, not stuffing", () => {
    const notes = [
      "Sri Lanka 2022: worst crisis since independence, from policy errors + shocks.",
      "",
      "Causes:",
      "- 2019 tax cuts -> govt revenue shrank, fiscal deficit widened",
      "- sudden 2021 chemical fertiliser ban -> rice and tea harvests cut",
      "- forex reserves ran out -> default on external debt, April 2022",
      "",
      "Response:",
      "- India: ~4 billion dollars of credit lines + currency swaps to Sri Lanka",
      "- IMF bailout of 2.9 billion dollars approved March 2023",
      "",
      "Way forward: Sri Lanka must rebuild reserves; India should keep supporting it.",
    ].join("\n");
    const r = grade(notes);
    expect(r.flags).not.toContain("keyword_stuffing");
    expect(contentTotal(r)).toBeGreaterThanOrEqual(0.7 * contentTotal(grade(GOOD)));
  });

  it("reads misspelt words as the words the question uses", () => {
    const r = grade(GOOD.replace("Foreign exchange reserves ran out, so Sri Lanka defaulted on its external debt in April 2022.", "Foriegn exchange reserves ran out, so Sri Lanka defualted on its externel debt in April 2022."));
    expect(awarded(r, "c3")).toBeGreaterThanOrEqual(0.5);
  });

  it("reads Indian English and note-form abbreviations as plain English", () => {
    const r = grade(GOOD.replace("shrank government revenue", "shrank govt revenue"));
    expect(awarded(r, "c1")).toBe(1);
  });

  it("credits a point made in other words", () => {
    const r = grade(GOOD.replace("India extended about 4 billion dollars of credit lines and currency swaps to Sri Lanka.", "New Delhi lent Colombo roughly 4 billion dollars through credit lines and currency swaps."));
    expect(awarded(r, "c4")).toBeGreaterThanOrEqual(0.5);
  });
});

describe("structure follows substance", () => {
  it("gives an answer about another country's crisis no structure marks", () => {
    const greece = [
      "Greece's debt crisis of 2010 shook the eurozone and its banks.",
      "",
      "Years of hidden deficits and weak tax collection left Athens unable to borrow. Three bailouts from the eurozone and the IMF came with harsh austerity, and unemployment reached 27 per cent in 2013.",
      "",
      "The way forward: Greece must keep reforming its tax system and the eurozone should complete its banking union.",
    ].join("\n");
    const r = grade(greece);
    expect(r.points.filter((p) => p.kind === "structure").every((p) => p.awarded === 0)).toBe(true);
    expect(r.score / r.maxScore).toBeLessThanOrEqual(0.15);
  });

  it("gives headings over filler nothing for structure", () => {
    const filler = [
      "Introduction: Sri Lanka's economic crisis is an important issue for the region.",
      "",
      "Causes: there were many causes of the crisis and they were serious.",
      "",
      "India's response: India responded to the crisis in Sri Lanka.",
      "",
      "Conclusion: the crisis is important and should be resolved.",
    ].join("\n");
    const r = grade(filler);
    expect(r.points.find((p) => p.rubricId === "s1")?.awarded).toBe(0);
    expect(r.score / r.maxScore).toBeLessThanOrEqual(0.2);
  });
});

describe("fact checks with precision", () => {
  it("does not call a correct figure wrong because another sentence about a similar subject gives another figure", () => {
    const r = grade(GOOD);
    expect(r.factIssues).toEqual([]);
  });

  it("does not judge a figure stated for another year than the material's", () => {
    // The note gives arrivals for 2018 and 2021 only: a 2019 figure is neither confirmed nor contradicted.
    const r = grade(GOOD.replace("Tourist arrivals fell from 1.9 million in 2018 to 190,000 in 2021.", "Tourist arrivals were 2.3 million in 2019."));
    expect(r.factIssues).toEqual([]);
  });

  it("does not judge a figure in another unit than the material's", () => {
    const r = grade(GOOD.replace("The IMF approved a 2.9 billion dollar bailout in March 2023.", "The IMF approved a bailout running 48 months in March 2023."));
    expect(r.factIssues).toEqual([]);
  });

  it("still flags a figure the material contradicts for the same subject and time", () => {
    const r = grade(GOOD.replace("The IMF approved a 2.9 billion dollar bailout in March 2023.", "The IMF approved a 29 billion dollar bailout in March 2023."));
    expect(r.factIssues.length).toBeGreaterThan(0);
  });
});

describe("short correct answers", () => {
  const shortQuestion: WrittenQuestion = {
    id: "sh1",
    prompt: "A lump of clay sinks in water, but the same clay shaped into a bowl floats. Why does the bowl float?",
    marks: 4,
    rubric: [{ id: "ref", point: "The bowl shape displaces more water, so the upward push of the water is enough to hold it up.", marks: 4, kind: "content" }],
    referenceAnswers: ["The bowl pushes aside more water than the lump, so the buoyant force equals its weight."],
  };
  it("does not zero a short correct answer that repeats the question's words", () => {
    const r = gradeWrittenAnswer({ question: shortQuestion, answerText: "Because the bowl of clay displaces more water than the lump does." });
    expect(r.flags).not.toContain("restates_question");
    expect(r.score).toBeGreaterThanOrEqual(2);
  });
  it("gives the opposite claim less than the correct one", () => {
    const right = gradeWrittenAnswer({ question: shortQuestion, answerText: "Because the bowl of clay displaces more water than the lump does." });
    const wrong = gradeWrittenAnswer({ question: shortQuestion, answerText: "Because the bowl of clay displaces less water than the lump does." });
    expect(wrong.score).toBeLessThan(right.score);
  });
  it("tells a student whose short answer says the opposite that it does, quoting it, not only that it missed the point", () => {
    const wrong = gradeWrittenAnswer({ question: shortQuestion, answerText: "The bowl does not push aside more water than the lump." });
    expect(wrong.flags).toContain("contradiction");
    const point = wrong.points.find((p) => p.rubricId === "ref");
    expect(point?.awarded).toBe(0);
    expect(point?.feedback).toMatch(/says the opposite of this point/);
    expect(point?.feedback).toContain("does not push aside more water");
  });
});

describe("confidence", () => {
  it("gives every content point and the total a confidence in [0, 1]", () => {
    const r = grade(GOOD);
    for (const p of r.points.filter((x) => x.kind === "content")) {
      expect(p.confidence).toBeGreaterThanOrEqual(0);
      expect(p.confidence).toBeLessThanOrEqual(1);
    }
    expect(r.confidence).toBeGreaterThan(0);
    expect(typeof r.isProvisional).toBe("boolean");
  });
});

describe("what a clause asserts", () => {
  const replaceIn = (from: string, to: string) => grade(GOOD.replace(from, to));
  const C2 = "The sudden 2021 ban on chemical fertilisers cut rice and tea harvests.";
  const C4 = "India extended about 4 billion dollars of credit lines and currency swaps to Sri Lanka.";
  const contradicts = (r: ReturnType<typeof grade>, id: string) => r.contradictions?.some((c) => c.rubricId === id) ?? false;

  it("does not read what someone expected or bet as the writer's claim", () => {
    const r = replaceIn(C2, "Ministers were betting that the overnight ban on chemical fertilisers would not cut rice and tea harvests; the harvests fell anyway.");
    expect(contradicts(r, "c2")).toBe(false);
  });

  it("does not read reported speech as the writer's claim", () => {
    const r = replaceIn(C4, "Opposition leaders in Colombo claimed India did not extend credit lines or currency swaps to Sri Lanka, but about 4 billion dollars came in 2022.");
    expect(contradicts(r, "c4")).toBe(false);
  });

  it("does not read a hedged clause with 'may', 'might' or 'could' as a denial", () => {
    for (const hedge of ["may not", "might not", "could"]) {
      const r = replaceIn(C2, `Without the 2021 ban on chemical fertilisers, rice and tea harvests ${hedge} have dropped so sharply.`);
      expect(contradicts(r, "c2"), hedge).toBe(false);
    }
  });

  it("still reads 'would not' as an asserted refusal", () => {
    const r = replaceIn(C4, "India would not extend any credit lines or currency swaps to Sri Lanka.");
    expect(contradicts(r, "c4")).toBe(true);
    expect(awarded(r, "c4")).toBe(0);
  });

  it("keeps the roles of a passive: the agent after 'by', the target before the verb", () => {
    const passive = replaceIn(C4, "About 4 billion dollars of credit lines and currency swaps were extended to Sri Lanka by India.");
    expect(contradicts(passive, "c4")).toBe(false);
    expect(awarded(passive, "c4")).toBeGreaterThan(0);
    const noAgent = replaceIn(C4, "Sri Lanka was extended about 4 billion dollars of credit lines and currency swaps.");
    expect(contradicts(noAgent, "c4")).toBe(false);
  });

  it("needs the contradicting clause to deny the point's predicate, not a noun it mentions", () => {
    // "no fertilisers" negates what the point is about, not what it asserts (the harvests were cut).
    const r = replaceIn(C2, "After the sudden 2021 ban, farmers had no chemical fertilisers and rice and tea harvests were cut.");
    expect(contradicts(r, "c2")).toBe(false);
    expect(awarded(r, "c2")).toBeGreaterThan(0);
  });
});

describe("preventive verbs", () => {
  const flood: WrittenQuestion = {
    id: "fl1",
    prompt: "Why do Indian cities flood during the monsoon? Suggest remedies.",
    marks: 4,
    wordLimit: 150,
    rubric: [
      { id: "f1", point: "Buildings on lakes and wetlands keep rainwater from draining away.", marks: 1, kind: "content" },
      { id: "f2", point: "Clogged storm drains overflow during heavy rain.", marks: 1, kind: "content" },
      { id: "f3", point: "Restoring wetlands and desilting drains before the monsoon reduce flooding.", marks: 1, kind: "content" },
      { id: "f4", point: "Conclusion with a way forward", marks: 1, kind: "structure" },
    ],
  };
  const gradeFlood = (text: string) => gradeWrittenAnswer({ question: flood, answerText: text, materials: [] });
  const REST = " Clogged storm drains overflow during heavy rain. Restoring wetlands and desilting drains before the monsoon reduce flooding. Cities must plan for water.";

  it("reads 'keep X from' and 'prevent X from' as denying what follows 'from', in the point and in the answer", () => {
    const same = gradeFlood("Construction on lakes and wetlands prevents rainwater from draining away." + REST);
    expect(same.contradictions?.some((c) => c.rubricId === "f1") ?? false).toBe(false);
    expect(same.points.find((p) => p.rubricId === "f1")?.awarded ?? 0).toBeGreaterThan(0);
    const opposite = gradeFlood("Buildings on lakes and wetlands let rainwater drain away freely." + REST);
    expect(opposite.points.find((p) => p.rubricId === "f1")?.awarded ?? 0).toBe(0);
  });
});
