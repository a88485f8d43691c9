import { describe, expect, it } from "vitest";
import { ingestMaterial } from "@/lib/material/ingest";
import { compressSentence, generateModelAnswer, parseQuestion } from "@/lib/generate";
import { exampleText, inlineExample, tightenPoint } from "@/lib/generate/model-answer";
import { isEvidenceExact } from "@/lib/generate/schemas";
import { stemsOf } from "@/lib/generate/text";
import { describeWithSharedMaterial, MATERIAL_FILES, Q1, readMaterial } from "./helpers";

// A report written for these tests (fictional states, group and people), in the style of the news material.
const REPORT = [
  "Front attacks test Valdoria-Kestria ties",
  "Kestrian jets struck Northern Front hideouts in the Orlen district in March 2024, killing 14 fighters and 6 villagers.",
  "The growing involvement of the Northern Front in cross-border raids has strained bilateral ties between Valdoria and Kestria.",
  "In June 2024, Front gunmen crossing from Valdoria killed 9 Kestrian border guards at the Orlen post.",
  "Valdoria denies sheltering the Northern Front but has refused to hand over its commanders.",
  "Recently, there have been fresh diplomatic overtures signalling a tentative thaw in bilateral relations.",
  "The Northern Front shares a creed with Valdoria's ruling council, whose leaders fought alongside its commanders in the 1990s.",
  "In 2022, the council's deputy leader described Front fighters as brothers and guests of the Valdorian people.",
  "Kestria regards the Northern Front as an existential threat, while Valdoria views it as a brotherly movement.",
  "Mutual suspicion has prevented intelligence-sharing and joint patrols along the frontier.",
  "Kestria closed its intelligence liaison office in Valdor City in August 2024 after a leak of patrol routes.",
  "Border closures since October 2024 have disrupted trade worth $300 million a year and stranded thousands of lorry drivers.",
  "Civilian deaths in the March strikes fuelled anger against Kestria in Valdorian towns and weakened support for cooperation.",
  "Valdoria resists Kestrian pressure partly to show its own citizens that it is a sovereign government and not a proxy of Kestria.",
  "In September 2024, Valdoria expelled two Kestrian diplomats it accused of interference in its affairs.",
  "Tarsia offered in May 2024 to mediate between the two governments in its capital, Belmor.",
  "Both governments must revive the border commission and share intelligence on the Northern Front.",
  "Regional states should press Valdoria to honour its pledge to deny the Northern Front safe haven.",
].join("\n");
const QUESTION =
  "The Northern Front factor continues to fuel clashes along the Valdoria\u2013Kestria border. Analyse how these clashes strain bilateral relations and complicate counter-terrorism cooperation in the region.";

describe("generateModelAnswer on a report it has never seen", () => {
  const pm = ingestMaterial({ source: "report.txt", content: REPORT });
  const answer = generateModelAnswer(QUESTION, [pm], { marks: 15 });
  const points = answer.body.flatMap((s) => s.points);
  const byId = new Map([[pm.material.id, pm.material]]);

  it("splits two verb phrases sharing a subject even when the tagger reads the first verb as a noun", () => {
    expect(parseQuestion(QUESTION).demands).toEqual(["How these clashes strain bilateral relations", "How these clashes complicate counter-terrorism cooperation in the region"]);
    expect(answer.body.length).toBe(2);
  });
  it("opens every point with a label of its own, never repeated in the answer", () => {
    const labels = points.map((p) => /^([^:]{2,60}): \S/.exec(p.text)?.[1]);
    for (const l of labels) expect(l).toBeDefined();
    expect(new Set(labels.map((l) => l?.toLowerCase())).size).toBe(labels.length);
  });
  it("backs most points with a concrete example or figure, each example grounded in its own exact sentence", () => {
    const withExample = points.filter((p) => p.example);
    expect(points.filter((p) => p.example || /\d/.test(p.text)).length).toBeGreaterThanOrEqual(Math.ceil(points.length / 2));
    for (const p of withExample) {
      expect(p.example).toMatch(/\d/);
      expect(p.evidence.length).toBeGreaterThanOrEqual(1);
      for (const e of p.evidence) expect(isEvidenceExact(e, byId)).toBe(true);
    }
  });
  it("cites only its own sentence for a point without an example", () => {
    for (const p of points.filter((x) => !x.example)) expect(p.evidence.length).toBe(1);
  });
  it("keeps news of a thaw out of a demand about strain", () => {
    expect(points.some((p) => /thaw/.test(p.text))).toBe(false);
  });
  it("draws its conclusion from the material's own prescriptions, not a template", () => {
    expect(answer.conclusion).toMatch(/As a way forward, /);
    expect(answer.conclusion).toMatch(/should press Valdoria|must revive the border commission/);
    expect(answer.conclusion).not.toMatch(/The way forward lies in/);
  });
  it("stays within the word limit", () => {
    expect(answer.wordCount).toBeLessThanOrEqual(250);
  });
});

describe("answer-point text", () => {
  it("takes a sentence's own instance as an example", () => {
    expect(inlineExample("Kestria has stepped up pressure on the council, including raids on Front camps in the northern hills.")).toBe("Raids on Front camps in the northern hills.");
  });
  it("finds no instance in a sentence without one", () => {
    expect(inlineExample("Kestria has stepped up pressure on the council.")).toBeNull();
  });
  it("shortens an example to its fact by dropping an inserted circumstance", () => {
    expect(exampleText("In June 2024, following a week of shelling, Kestria closed the Orlen crossing to all lorries and buses.", 12)).toBe(
      "In June 2024, Kestria closed the Orlen crossing to all lorries and buses.",
    );
  });
  it("drops a trailing 'between' phrase that only repeats the question's actors", () => {
    expect(tightenPoint("The raids have strained bilateral ties between Valdoria and Kestria.", new Set(stemsOf("Valdoria Kestria")))).toBe("The raids have strained bilateral ties.");
  });
  it("keeps a 'between' phrase naming someone else", () => {
    expect(tightenPoint("The raids have strained ties between Tarsia and Kestria.", new Set(stemsOf("Valdoria Kestria")))).toBe("The raids have strained ties between Tarsia and Kestria.");
  });
  it("keeps a short contrast whole: the contrast is the point", () => {
    expect(compressSentence("Kestria regards the Front as an existential threat, while Valdoria views it as a brotherly movement.", 14)).toBe(
      "Kestria regards the Front as an existential threat, while Valdoria views it as a brotherly movement.",
    );
  });
});

describeWithSharedMaterial("q1 from the four shared articles", () => {
  const others = MATERIAL_FILES.filter((f) => !f.startsWith("002")).map((f) => ingestMaterial({ source: f, filename: f, content: readMaterial(f) }));
  const answer = generateModelAnswer(Q1, others, { marks: 15 });
  const points = answer.body.flatMap((s) => s.points);

  it("gives three or four points to each demand, with examples on several", () => {
    for (const s of answer.body) expect(s.points.length).toBeGreaterThanOrEqual(3);
    expect(points.length).toBeGreaterThanOrEqual(7);
    expect(points.filter((p) => p.example).length).toBeGreaterThanOrEqual(3);
  });
  it("keeps a diplomatic thaw out of the demand about destabilised relations", () => {
    expect(answer.body[0]!.points.some((p) => /thaw/.test(p.text))).toBe(false);
  });
  it("concludes in two or three sentences, with a prescription from the material", () => {
    expect(answer.conclusion).toMatch(/(?:^|\. )As a way forward, /);
    const sentences = answer.conclusion.split(/(?<=\.)\s+(?=[A-Z])/).length;
    expect(sentences).toBeGreaterThanOrEqual(2);
    expect(sentences).toBeLessThanOrEqual(3);
  });
  it("opens no point on a demonstrative or a noun picked up from the sentence before", () => {
    for (const p of points) expect(p.text.replace(/^[^:]+:\s/, "")).not.toMatch(/^(?:This|These|That|Those|The reluctance|The optimism)\b/);
  });
});
