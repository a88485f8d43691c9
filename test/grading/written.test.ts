import { describe, expect, it } from "vitest";
import { gradeWrittenAnswer } from "@/lib/grading";
import type { WrittenGradeResult, WrittenQuestion } from "@/lib/grading";
import { goodAnswer, groundwaterMaterial, groundwaterQuestion } from "./fixtures";

const materials = [groundwaterMaterial];
const grade = (answerText: string, question: WrittenQuestion = groundwaterQuestion) =>
  gradeWrittenAnswer({ question, answerText, materials });
const point = (r: WrittenGradeResult, id: string) => {
  const p = r.points.find((x) => x.rubricId === id);
  if (!p) throw new Error(`no point ${id}`);
  return p;
};

describe("gradeWrittenAnswer: content points", () => {
  it("credits every point of a competent answer and quotes the sentences that earned them", () => {
    const r = grade(goodAnswer);
    expect(r.score).toBeGreaterThanOrEqual(8);
    for (const p of r.points.filter((x) => x.kind === "content")) {
      expect(p.awarded).toBe(p.max);
      expect(p.evidence.length).toBeGreaterThan(0);
    }
  });

  it("awards a point expressed in the student's own words", () => {
    const answer = [
      "Groundwater in Punjab and Haryana is falling by almost a metre a year.",
      "Farmers run their pumps all day because the state hands them power at no charge, so they never feel what the water costs and keep drawing it out.",
      "Cities also seal the ground under concrete, so rain can no longer seep down and refill aquifers.",
      "The government should give farmers reasons to grow less thirsty crops.",
    ].join(" ");
    const r = grade(answer);
    expect(point(r, "c1").awarded).toBeGreaterThan(0);
    expect(point(r, "c1").evidence[0]?.quote).toContain("no charge");
  });

  it("gives nothing for a point the answer does not make", () => {
    const r = grade(goodAnswer.replace(/- Recharge has shrunk[^\n]*\n/, ""));
    expect(point(r, "c3").awarded).toBe(0);
    expect(point(r, "c3").evidence).toEqual([]);
  });

  it("points a missed point at the material that supports it", () => {
    const r = grade(goodAnswer.replace(/- Recharge has shrunk[^\n]*\n/, ""));
    const missed = point(r, "c3").missed;
    expect(missed?.source?.materialId).toBe("gw-notes");
    expect(groundwaterMaterial.text.slice(missed?.source?.start, missed?.source?.end)).toBe(missed?.source?.quote);
    expect(missed?.source?.quote).toMatch(/ponds/);
  });

  it("splits stored material at its known sentence starts, so a missed point quotes only its own sentence", () => {
    // Cleaning removed a citation marker after "Plan B.": only the stored start says a sentence begins there.
    const text = groundwaterMaterial.text.replace(
      "in 2023.\nAssured procurement of rice and wheat at minimum support prices keeps farmers growing paddy, a water-hungry crop.\n",
      "in 2023 under Plan B. ",
    );
    const pondsAt = text.indexOf("Village ponds");
    expect(text.slice(pondsAt - 10, pondsAt)).toBe("r Plan B. ");
    const answer = goodAnswer.replace(/- Recharge has shrunk[^\n]*\n/, "");
    const quoteOf = (material: { id: string; text: string; sentenceStarts?: number[] }) =>
      point(gradeWrittenAnswer({ question: groundwaterQuestion, answerText: answer, materials: [material] }), "c3").missed?.source?.quote;
    expect(quoteOf({ id: "gw-notes", text })).toMatch(/^Punjab supplies free electricity.*ponds/); // run together without the start
    expect(quoteOf({ id: "gw-notes", text, sentenceStarts: [pondsAt] })).toBe(
      "Village ponds that once recharged aquifers have been filled in or encroached upon as towns spread.",
    );
  });

  it("quotes the model answer's sentence for a missed point when the question has one", () => {
    const question: WrittenQuestion = {
      ...groundwaterQuestion,
      modelAnswer:
        "Aquifers are falling fast. Free electricity for farm pumps removes any cost of pumping. Towns have built over village ponds that used to recharge the ground.",
    };
    const r = grade(goodAnswer.replace(/- Recharge has shrunk[^\n]*\n/, ""), question);
    expect(point(r, "c3").missed?.modelAnswer).toMatch(/ponds/);
  });

  it("keeps every evidence quote equal to the answer text between its offsets", () => {
    const r = grade(goodAnswer);
    for (const p of r.points) for (const e of p.evidence) expect(goodAnswer.slice(e.start, e.end)).toBe(e.quote);
  });

  it("grades a reference-answer-only question with partial credit", () => {
    const reference: WrittenQuestion = {
      id: "ref",
      prompt: "Why does photosynthesis matter for life on Earth?",
      marks: 4,
      rubric: [
        {
          id: "r1",
          point:
            "Plants use sunlight to turn carbon dioxide and water into glucose, storing energy that food chains depend on; the process releases oxygen that animals breathe; and it removes carbon dioxide from the air, which moderates the climate.",
          marks: 4,
          kind: "content",
        },
      ],
    };
    const full = gradeWrittenAnswer({
      question: reference,
      answerText:
        "Plants capture sunlight to make glucose from carbon dioxide and water, and that stored energy feeds every food chain. The process releases the oxygen animals breathe. It also draws carbon dioxide out of the air, which moderates the climate.",
    });
    const half = gradeWrittenAnswer({
      question: reference,
      answerText: "Plants capture sunlight to make glucose from carbon dioxide and water, and that stored energy feeds every food chain.",
    });
    const none = gradeWrittenAnswer({ question: reference, answerText: "Volcanoes erupt when magma pressure builds beneath the crust." });
    expect(full.score).toBeGreaterThan(half.score);
    expect(half.score).toBeGreaterThan(none.score);
    expect(half.score).toBeGreaterThan(0);
    expect(half.score).toBeLessThan(4);
  });
});

describe("gradeWrittenAnswer: gaming", () => {
  it("catches keyword stuffing and gives it at most a fifth of the marks", () => {
    const r = grade(
      [
        "Causes: electricity subsidy, free power, pumps, rice, wheat, procurement, minimum support prices, recharge, ponds, tanks.",
        "Measures: metering, pricing, diversification, millets, pulses, drip irrigation, aquifer mapping.",
        "Conclusion: water budgeting, way forward, reverse depletion.",
      ].join("\n"),
    );
    expect(r.flags).toContain("keyword_stuffing");
    expect(r.score).toBeLessThanOrEqual(0.2 * r.maxScore);
  });

  it("catches rubric terms strung together inside sentences with a generic predicate", () => {
    const r = grade(
      [
        "Groundwater in Punjab is falling and this question is about causes and measures.",
        "Free power, pumps, paddy, wheat, procurement, minimum support prices and extraction are the main causes of falling water tables.",
        "Ponds, tanks, recharge, paving, cities and encroachment are also relevant issues here.",
        "Metering, pricing, payments for saved electricity, millets, pulses, maize and drip irrigation are the solutions to be adopted.",
        "Thus water budgeting and aquifer mapping are the way forward.",
      ].join("\n"),
    );
    expect(r.flags).toContain("keyword_stuffing");
    expect(r.score).toBeLessThanOrEqual(0.2 * r.maxScore);
  });

  it("gives nothing for the question restated", () => {
    const r = grade(
      "Groundwater tables in north-west India keep falling. The causes of this groundwater depletion in north-west India need to be examined. Measures to reverse the depletion of groundwater should be suggested. Therefore the causes of depletion must be examined and measures to reverse it suggested, as groundwater tables in north-west India keep falling.",
    );
    expect(r.flags).toContain("restates_question");
    expect(r.score).toBe(0);
  });

  it("gives nothing for an off-topic essay", () => {
    const r = grade(
      "Delhi's winter smog is driven by vehicle exhaust, construction dust and crop stubble burning in neighbouring states. The Commission for Air Quality Management has banned older diesel trucks and ordered anti-smog guns at building sites. Cities like Beijing cut particulate levels by moving industry and switching heating from coal to gas. Delhi should electrify buses, enforce dust rules and pay farmers to manage stubble without fire.",
    );
    expect(r.flags).toContain("off_topic");
    expect(r.score).toBe(0);
  });

  it("flags copied headings with nothing under them", () => {
    const r = grade("Introduction:\nCauses:\nElectricity subsidy:\nCropping pattern:\nMeasures:\nConclusion:");
    expect(r.flags).toContain("headings_without_substance");
    expect(r.score).toBeLessThanOrEqual(0.2 * r.maxScore);
  });

  it("gives copied headings followed by empty sentences nothing", () => {
    const r = grade(
      [
        "Introduction: Groundwater depletion is a serious issue.",
        "Power subsidy for pumps: This is very important.",
        "Rice-wheat cycle and procurement: This is also a big factor.",
        "Recharge and ponds: This matters a lot.",
        "Metering and pricing: This should be done.",
        "Crop diversification and drip irrigation: This is needed.",
        "Conclusion: Hence all these steps are needed.",
      ].join("\n"),
    );
    expect(r.flags).toContain("headings_without_substance");
    expect(r.score).toBeLessThanOrEqual(0.2 * r.maxScore);
  });

  it("does not let one unpunctuated run-on sentence stand for the whole answer", () => {
    const runOn = Array.from({ length: 8 }, () => "farmers get free power and grow paddy and towns pave over ponds and pumps should be metered").join(", ");
    const r = grade(runOn);
    const longest = Math.max(...r.points.flatMap((p) => p.evidence.map((e) => e.quote.split(/\s+/).length)));
    expect(longest).toBeLessThanOrEqual(60);
  });

  it("flags a confident figure the material contradicts and does not credit the point it supports", () => {
    const answer = goodAnswer.replace("117 of Punjab's 153 blocks", "only 15 of Punjab's 153 blocks");
    const r = grade(answer);
    expect(r.flags).toContain("factual_error");
    expect(r.factIssues[0]?.answer.quote).toMatch(/15/);
    expect(r.factIssues[0]?.source?.quote).toMatch(/117/);
    expect(point(r, "s2").awarded).toBeLessThan(point(grade(goodAnswer), "s2").awarded);
  });

  it("does not flag figures the material does not discuss", () => {
    const r = grade(goodAnswer.replace("Way forward:", "Israel recycles about 85 per cent of its waste water. Way forward:"));
    expect(r.flags).not.toContain("factual_error");
  });
});

describe("gradeWrittenAnswer: structure and limits", () => {
  const padding = " Farmers also sink deeper borewells every year as the water table falls further.";

  it("awards the word-limit mark within the limit", () => {
    const r = grade(goodAnswer);
    expect(r.wordCount).toBeLessThanOrEqual(150);
    expect(point(r, "s4").awarded).toBe(1);
  });

  it("halves the word-limit mark up to 10 % over the limit and withholds it beyond", () => {
    const words = grade(goodAnswer).wordCount;
    const perPad = 14;
    const slightly = goodAnswer + padding.repeat(Math.ceil((152 - words) / perPad));
    const far = goodAnswer + padding.repeat(Math.ceil((175 - words) / perPad));
    const rs = grade(slightly);
    const rf = grade(far);
    expect(rs.wordCount).toBeGreaterThan(150);
    expect(rs.wordCount).toBeLessThanOrEqual(165);
    expect(point(rs, "s4").awarded).toBe(0.5);
    expect(rf.wordCount).toBeGreaterThan(165);
    expect(point(rf, "s4").awarded).toBe(0);
    expect(rf.flags).toContain("over_word_limit");
  });

  it("counts words the way examiners do: bullets and dashes are not words", () => {
    const r = grade("- Free power - so pumps run - all day.\n1. Paddy: water-hungry.");
    expect(r.wordCount).toBe(10);
  });

  it("gives an empty answer zero marks and says why", () => {
    const r = grade("   ");
    expect(r.score).toBe(0);
    expect(r.flags).toContain("empty_answer");
    expect(r.points.every((p) => p.awarded === 0 && p.evidence.length === 0)).toBe(true);
  });

  it("never awards more than a point's marks and totals the points", () => {
    const r = grade(goodAnswer + "\n" + goodAnswer);
    for (const p of r.points) {
      expect(p.awarded).toBeGreaterThanOrEqual(0);
      expect(p.awarded).toBeLessThanOrEqual(p.max);
    }
    expect(r.score).toBeCloseTo(r.points.reduce((s, p) => s + p.awarded, 0), 5);
    expect(r.maxScore).toBe(10);
  });

  it("gives a few lines no structure marks", () => {
    const r = grade("Free power makes farmers over-pump; paddy needs too much water. Meter the pumps.");
    expect(r.flags).toContain("too_short");
    for (const id of ["s1", "s2", "s3", "s4"]) expect(point(r, id).awarded).toBe(0);
  });

  it("grades a 100 000-word paste without failing", () => {
    const huge = Array.from({ length: 8000 }, () => "Farmers pump too much water because power is free.").join(" ");
    const r = grade(huge);
    expect(r.flags).toContain("over_word_limit");
    expect(point(r, "s4").awarded).toBe(0);
  });

  it("handles an empty rubric", () => {
    const r = gradeWrittenAnswer({ question: { ...groundwaterQuestion, rubric: [] }, answerText: goodAnswer });
    expect(r.points).toEqual([]);
    expect(r.score).toBe(0);
    expect(r.maxScore).toBe(0);
  });
});
